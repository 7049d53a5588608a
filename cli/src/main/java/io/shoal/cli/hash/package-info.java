/** {@code shoal hash}: ask a placement strategy which node owns a URL, and compare strategies. */
package io.shoal.cli.hash;
