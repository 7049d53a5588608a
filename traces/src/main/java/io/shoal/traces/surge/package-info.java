/**
 * The surge format: the files of the SURGE workload generator (Barford and Crovella, 1998) —
 * {@code mout.txt}, {@code objout.txt} and {@code name.txt} in one directory — read as the
 * sequence of file requests a SURGE client makes.
 */
package io.shoal.traces.surge;
