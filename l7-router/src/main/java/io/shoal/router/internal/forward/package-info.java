/**
 * The parts of {@code PeerForwarder}: the connections to peers ({@code PeerConnections}, each I/O
 * thread's idle ones in {@code IdleConnections}), the failover along a route's candidates
 * ({@code Failover}), one try on one peer and the relay of its answer ({@code Relay}), the headers
 * a forward changes ({@code ForwardHeaders}) and the back-pressured copy between two channels
 * ({@code Pump}). Everything of one forward runs on the I/O thread of its exchange. Not API.
 */
package io.shoal.router.internal.forward;
