/** The {@code shoal front} command: the L4 front in userspace, kernel direct-routing or keepalived form. */
package io.shoal.cli.front;
