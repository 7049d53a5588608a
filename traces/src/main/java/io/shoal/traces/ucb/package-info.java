/**
 * The ucb format: the UC Berkeley Home IP trace of the Internet Traffic Archive, binary records
 * of a 60-byte big-endian header and a request line.
 */
package io.shoal.traces.ucb;
