/**
 * The front's machinery, not API: the relay handlers, node states, health checker, balancing
 * policies and the admin HTTP server. May change freely.
 */
package io.shoal.front.internal;
