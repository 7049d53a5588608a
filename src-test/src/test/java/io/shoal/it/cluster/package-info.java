/** Multi-process cluster tests: real node JVMs on loopback, a real origin, SIGKILL, SIGSTOP, restarts. */
package io.shoal.it.cluster;
