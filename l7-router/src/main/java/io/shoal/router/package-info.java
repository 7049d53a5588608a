/**
 * The embeddable Layer-7 router: request to cache key to owner decision over a membership view,
 * peer forwarding with loop prevention, and an Undertow handler adapter.
 *
 * <p>{@link io.shoal.router.Router} routes a request ({@link io.shoal.router.Route}: local, forward
 * to ordered candidates, or reject) over the view of a {@link io.shoal.router.Membership} (static
 * or JGroups); {@link io.shoal.router.UrlNormalizer} turns URLs into cache keys.
 */
package io.shoal.router;
