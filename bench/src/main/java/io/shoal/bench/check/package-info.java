/** Argument checks shared by the bench builders: one message shape for every bad value. */
package io.shoal.bench.check;
