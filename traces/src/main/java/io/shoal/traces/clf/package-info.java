/**
 * The clf and combined formats: the Common Log Format of Apache and nginx, {@code host ident
 * user [time] "request" status bytes}, and the Combined Log Format, which adds {@code
 * "referer" "user-agent"}.
 */
package io.shoal.traces.clf;
