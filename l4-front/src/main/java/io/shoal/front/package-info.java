/**
 * The thin Layer-4 front: a userspace TCP relay that spreads client connections over the nodes
 * of a cluster, with health checks, draining and admission limits.
 *
 * <p>Build a {@link io.shoal.front.FrontConfig}, then {@link io.shoal.front.Front#start
 * start} it. Balancing policies are registered by name in {@link io.shoal.front.Balancers}. The
 * front never parses HTTP. The PROXY protocol codec is in {@code io.shoal.proxyprotocol} (module
 * {@code proxy-protocol}), the kernel direct-routing mode in {@code io.shoal.front.kernel}, the
 * keepalived configuration in {@code io.shoal.front.ha}.
 */
package io.shoal.front;
