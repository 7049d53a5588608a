/** The origin client: Apache HttpClient 5 async with pooled connections, cached DNS and streamed, back-pressured bodies. */
package io.shoal.node.internal.origin;
