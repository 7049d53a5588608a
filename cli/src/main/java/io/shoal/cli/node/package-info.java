/** {@code shoal node}: the command that runs one cache node. */
package io.shoal.cli.node;
