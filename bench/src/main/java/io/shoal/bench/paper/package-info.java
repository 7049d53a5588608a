/**
 * The experiment of Kwon, Kwak and Chung, "A Distributed Layer 7 Server Load Balancing" (KIPS
 * Transactions Part A 15-A(4), 2008; its Tables 4-12): every trace x number of servers x placement
 * strategy x architecture (centralized: one L7 switch in front of the caches; distributed: the L4
 * front in front of nodes that all route) replayed on a {@link io.shoal.bench.paper.Testbed},
 * and the results as the paper's tables, CSV, PNG charts and a run log.
 */
package io.shoal.bench.paper;
