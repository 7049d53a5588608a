/**
 * The router's implementation details (hop tokens, the local load, the PAC script): not API, may
 * change at any time. The JGroups cluster is in {@code internal.cluster}, the parts of the
 * forwarder in {@code internal.forward}.
 */
package io.shoal.router.internal;
