/**
 * The parts of {@code PeerForwarder}: the connections to peers ({@code PeerConnections}, each I/O
 * thread's idle ones in {@code IdleConnections} and its pipelined ones in {@code Lanes}), the
 * failover along a route's candidates ({@code Failover}), one try on one peer and the relay of its
 * answer ({@code Relay} for a request with a body, {@code LaneTry} on a pipelined {@code Lane}
 * for a GET or HEAD without one, whose responses {@code ResponseReader} reads), the headers a
 * forward changes ({@code ForwardHeaders}) and the back-pressured copy between two channels
 * ({@code Pump}). Everything of one forward runs on the I/O thread of its exchange. Not API.
 */
package io.shoal.router.internal.forward;
