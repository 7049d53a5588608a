/**
 * What the {@code shoal} commands share on the command line: picocli type converters for the one
 * duration and size grammar of {@code io.shoal.base.config}, and the one shape of a bad value's
 * message, {@code --option: "value" (expected: ...)}.
 */
package io.shoal.cli.options;
