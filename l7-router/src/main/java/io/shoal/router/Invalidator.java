package io.shoal.router;

/**
 * What a node implements so that the cluster can invalidate a URL on its owner: remove the
 * object stored under a cache key.
 */
@FunctionalInterface
public interface Invalidator {

  /** Removes what is stored under {@code cacheKey}; returns whether anything was. */
  boolean invalidate(String cacheKey);
}
