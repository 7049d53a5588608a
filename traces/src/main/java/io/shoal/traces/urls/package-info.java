/**
 * The urls format: a plain list of URLs, one request per line, each optionally followed by
 * the object size in bytes; blank lines and lines starting with {@code #} are skipped.
 */
package io.shoal.traces.urls;
