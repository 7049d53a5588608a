/** Integration tests of the L4 front on real kernels: network namespaces, veth, a bridge, nftables. */
package io.shoal.it.front;
