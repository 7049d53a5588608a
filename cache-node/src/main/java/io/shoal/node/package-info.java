/**
 * The cache node server: proxy listener, RFC 9111 HTTP cache, origin client, distillation on miss, admin API and metrics.
 */
package io.shoal.node;
