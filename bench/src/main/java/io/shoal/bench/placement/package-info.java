/**
 * Placement experiments without a network: how evenly each strategy spreads a workload's keys,
 * requests and bytes over N nodes, how much moves when a node joins or leaves, and what a lookup
 * costs.
 */
package io.shoal.bench.placement;
