/**
 * The weighted format: objects with request weights, {@code count size key} per line — the
 * paper's "100 files with weights" — replayed as a shuffled stream that draws each object as
 * often as its weight.
 */
package io.shoal.traces.weighted;
