/**
 * The RFC 9111 shared HTTP cache: the byte-weighted Caffeine store with Vary variants,
 * storability and freshness rules, collapsed forwarding and byte ranges.
 */
package io.shoal.node.internal.cache;
