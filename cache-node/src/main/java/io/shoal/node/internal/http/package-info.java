/** HTTP message pieces the node needs: header field lists, hop-by-hop rules, Cache-Control and HTTP-dates. */
package io.shoal.node.internal.http;
