/**
 * The {@code shoal bench} commands: the benchmark origin, trace replay through any HTTP proxy
 * and the paper's experiment on local clusters, on top of {@code io.shoal.bench}.
 */
package io.shoal.cli.bench;
