/** The benchmark origin's internals: its Undertow handler, body and JPEG makers, and pacing. */
package io.shoal.bench.origin.internal;
