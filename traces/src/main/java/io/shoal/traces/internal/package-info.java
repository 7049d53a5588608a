/**
 * The machinery shared by the trace readers and writers, not part of the API: decompression
 * by sniffing, line splitting and field parsing with located errors, and the text and binary
 * base classes.
 */
package io.shoal.traces.internal;
