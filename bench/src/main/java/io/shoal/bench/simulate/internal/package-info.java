/**
 * The simulator's machinery, not API: the walk of a trace through a cluster's placement and
 * caches, and the demand each request puts on each host's CPU and links.
 */
package io.shoal.bench.simulate.internal;
