/**
 * The JGroups cluster behind {@code JGroupsMembership}: the channel and its protocol stack, the
 * view the router sees, and the control plane — one record per control message
 * ({@code ControlMessage}), its bytes ({@code ControlCodec}), one handler per message type
 * ({@code Dispatcher}) in the part that owns it (load reports, strategy switch and state,
 * invalidation, drain). {@code JGroupsNode} wires them. Not API.
 */
package io.shoal.router.internal.cluster;
