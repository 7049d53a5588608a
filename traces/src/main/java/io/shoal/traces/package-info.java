/**
 * Workloads: trace readers and writers (Squid, CLF, UCB, webcachesim, Surge, URL lists), the Surge-model generator and trace statistics, all producing one lazy stream of requests.
 */
package io.shoal.traces;
