package io.shoal.node.internal.origin;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import org.apache.hc.client5.http.DnsResolver;
import org.apache.hc.client5.http.SystemDefaultDnsResolver;

/**
 * The system resolver with results cached for a short time, shared by the origin client and the
 * destination checks so both see the same addresses.
 */
public final class CachingDnsResolver implements DnsResolver {
  private final Cache<String, InetAddress[]> cache;

  public CachingDnsResolver(Duration ttl) {
    this.cache = Caffeine.newBuilder().expireAfterWrite(ttl).maximumSize(10_000).build();
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    InetAddress[] hit = cache.getIfPresent(host);
    if (hit != null) {
      return hit.clone();
    }
    String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] found = SystemDefaultDnsResolver.INSTANCE.resolve(h);
    cache.put(host, found);
    return found.clone();
  }

  @Override
  public String resolveCanonicalHostname(String host) throws UnknownHostException {
    return SystemDefaultDnsResolver.INSTANCE.resolveCanonicalHostname(host);
  }
}
