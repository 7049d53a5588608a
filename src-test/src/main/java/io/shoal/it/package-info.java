/**
 * Cross-module integration and end-to-end tests: real clusters, real processes, failures and the netns testbed.
 */
package io.shoal.it;
