/** The replay client's internals: the Netty closed loop, its response parser and tallies. */
package io.shoal.bench.replay.internal;
