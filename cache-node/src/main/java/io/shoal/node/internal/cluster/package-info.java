/**
 * The node's side of the cluster: joins it from the {@code cluster:} settings, routes each request
 * to its owner with the embedded {@code l7-router}, and shows the view, forwards and failovers in
 * {@code /status}, {@code /metrics} and {@code /proxy.pac}.
 */
package io.shoal.node.internal.cluster;
