/**
 * The PROXY protocol version 2 (HAProxy's binary header), so a node behind the front learns the
 * real client address: {@link io.shoal.proxyprotocol.ProxyProtocolV2#encode encode} on the front,
 * {@link io.shoal.proxyprotocol.ProxyProtocolV2#decode decode} on the node. Plain byte buffers, no
 * Netty, so an Undertow or blocking listener can use it as well.
 */
package io.shoal.proxyprotocol;
