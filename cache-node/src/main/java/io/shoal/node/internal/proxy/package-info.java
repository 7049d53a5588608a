/**
 * The proxy listener's Undertow handlers: access control and request sanity, CONNECT tunnels,
 * target URLs, the cache decision and the origin side (collapsed misses, revalidation, relaying).
 */
package io.shoal.node.internal.proxy;
