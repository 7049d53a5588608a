package io.shoal.node.internal.proxy;

import io.shoal.node.Cidr;
import io.shoal.node.internal.log.AccessLog;
import io.shoal.node.internal.origin.CachingDnsResolver;
import io.undertow.server.HttpHandler;
import java.util.List;

/** Builds the proxy listener's handler chain: observe, guard, CONNECT, target, cache. */
public final class ProxyHandlers {
  private ProxyHandlers() {}

  public static HttpHandler chain(ProxyContext context, AccessLog log, CachingDnsResolver dns,
      List<Cidr> clients, long maxHeaderBytes, List<Integer> connectPorts) {
    HttpHandler cache = new CacheHandler(context);
    HttpHandler target = new TargetHandler(cache, context);
    HttpHandler connect = new ConnectHandler(target, context, dns, connectPorts);
    HttpHandler guard = new GuardHandler(connect, context.nodeId, clients, maxHeaderBytes, context.maxRequestBody);
    return new ObserveHandler(guard, context.metrics, log);
  }
}
