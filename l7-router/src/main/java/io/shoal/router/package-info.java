/**
 * The embeddable Layer-7 router: request to cache key to owner decision over a membership view,
 * peer forwarding with loop prevention, and an Undertow handler adapter. So far it holds URL
 * parsing and normalization into cache keys ({@link io.shoal.router.UrlNormalizer}).
 */
package io.shoal.router;
