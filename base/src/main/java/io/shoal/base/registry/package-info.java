/**
 * The one registry shape of every pluggable kind (placement strategies, distillers, balancers,
 * trace and report formats, and whatever kind comes next): entries with a name, a one-line
 * summary, their parameters and a factory, looked up by name or by a spec such as
 * {@code maglev(size=251)}.
 *
 * <p>A kind builds one {@link io.shoal.base.registry.Registry} with {@link
 * io.shoal.base.registry.Registry#builder(String)}, one {@code add} per entry; the command line,
 * the config file and the tests all read it. Every registry refuses an unknown name with the same
 * message, listing the known ones: {@code strategy: "foo" (expected one of: md5, ketama, ...)}.
 */
package io.shoal.base.registry;
