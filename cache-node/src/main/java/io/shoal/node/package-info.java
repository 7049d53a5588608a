/**
 * The cache node server: {@link io.shoal.node.CacheNode} (proxy listener, RFC 9111 HTTP cache,
 * origin client, admin API and metrics) and its configuration ({@link io.shoal.node.NodeConfig},
 * its settings declared in {@link io.shoal.node.NodeConfig#SCHEMA}).
 */
package io.shoal.node;
