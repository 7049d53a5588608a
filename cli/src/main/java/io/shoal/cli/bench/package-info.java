/**
 * The {@code shoal bench} commands: the benchmark origin and trace replay through any HTTP
 * proxy, on top of {@code io.shoal.bench}.
 */
package io.shoal.cli.bench;
