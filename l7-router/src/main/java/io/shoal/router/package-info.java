/**
 * The embeddable Layer-7 router: request to cache key to owner decision over a membership view, peer forwarding with loop prevention, and an Undertow handler adapter.
 */
package io.shoal.router;
