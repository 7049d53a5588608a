/**
 * The thin L4 front: a round-robin TCP relay with health checks and the PROXY protocol, and a kernel direct-routing mode.
 */
package io.shoal.front;
