/**
 * The router's implementation details (hop tokens, the local load, the forwarding pipes, the PAC
 * script): not API, may change at any time. The JGroups cluster is in {@code internal.cluster}.
 */
package io.shoal.router.internal;
