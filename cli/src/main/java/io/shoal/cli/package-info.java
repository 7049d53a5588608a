/**
 * The {@code shoal} command: one picocli entry point whose subcommands are registered in
 * {@link io.shoal.cli.ShoalCommand}.
 */
package io.shoal.cli;
