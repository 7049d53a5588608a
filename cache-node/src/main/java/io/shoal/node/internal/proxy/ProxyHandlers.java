package io.shoal.node.internal.proxy;

import io.shoal.node.Cidr;
import io.shoal.node.internal.log.AccessLog;
import io.shoal.node.internal.origin.CachingDnsResolver;
import io.undertow.server.HttpHandler;
import io.undertow.server.HttpServerExchange;
import java.net.InetAddress;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Builds the proxy listener's handler chain: observe, guard, CONNECT, target, cache; in a cluster
 * also {@code /proxy.pac} before the target and the router between the target and the cache (or,
 * on a switch, instead of the cache).
 */
public final class ProxyHandlers {
  private ProxyHandlers() {}

  /**
   * The cluster's part of the chain: which client addresses are peers, whether a request was
   * forwarded by a peer (its hop header is valid; a request from a peer's address with a valid hop
   * header passes the access list), the router wrapped around the local handler, the PAC file,
   * and whether this node is a switch (no cache: nothing is served locally).
   */
  public record Cluster(Predicate<InetAddress> isPeer, Predicate<HttpServerExchange> fromPeer,
      UnaryOperator<HttpHandler> route, Supplier<String> pac, boolean relay) {}

  public static HttpHandler chain(ProxyContext context, AccessLog log, CachingDnsResolver dns,
      List<Cidr> clients, long maxHeaderBytes, List<Integer> connectPorts) {
    return chain(context, log, dns, clients, maxHeaderBytes, connectPorts, null);
  }

  /** The chain; {@code cluster} null: a single node. */
  public static HttpHandler chain(ProxyContext context, AccessLog log, CachingDnsResolver dns,
      List<Cidr> clients, long maxHeaderBytes, List<Integer> connectPorts, Cluster cluster) {
    HttpHandler local = cluster != null && cluster.relay() ? new NoOwnerHandler(context) : new CacheHandler(context);
    HttpHandler routed = cluster == null ? local : cluster.route().apply(local);
    HttpHandler target = cluster == null ? new TargetHandler(routed, context)
        : new TargetHandler(routed, context, cluster.fromPeer());
    if (cluster != null && context.reverseOrigin.isEmpty()) {
      target = new PacHandler(target, cluster.pac());
    }
    HttpHandler connect = new ConnectHandler(target, context, dns, connectPorts);
    HttpHandler guard = new GuardHandler(connect, context.nodeId, clients,
        cluster == null ? ex -> false : ex -> cluster.isPeer().test(ex.getSourceAddress().getAddress())
            && cluster.fromPeer().test(ex), maxHeaderBytes, context.maxRequestBody);
    return new ObserveHandler(guard, context.metrics, log);
  }
}
