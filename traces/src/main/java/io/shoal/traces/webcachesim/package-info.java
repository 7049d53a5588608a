/**
 * The webcachesim format: one request per line, {@code time id size}, three non-negative
 * integers separated by spaces (the format of the BU 1998 trace bundled
 * as {@code traces/bu-1998-webcachesim.tr.gz}).
 */
package io.shoal.traces.webcachesim;
