/**
 * The Surge-model workload generator: synthetic web requests with SURGE's file sizes,
 * popularity, temporal locality, embedded references and think times (Barford and Crovella,
 * SIGMETRICS 1998), deterministic for a seed.
 */
package io.shoal.traces.gen;
