/**
 * The router's implementation details (hop tokens, the JGroups stack and control messages, the
 * forwarding pipes, the PAC scripts): not API, may change at any time.
 */
package io.shoal.router.internal;
