/**
 * The kernel direct-routing mode: an nftables ruleset for the front (netdev ingress, flows
 * hashed to nodes, forwarded at layer 2 so replies bypass the front), the node-side settings,
 * and the equivalent {@code ipvsadm} commands. Generated as text; applying it is {@code nft -f}.
 */
package io.shoal.front.kernel;
