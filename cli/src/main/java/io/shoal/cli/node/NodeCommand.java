package io.shoal.cli.node;

import io.shoal.cli.Foreground;
import io.shoal.cli.ShoalConfig;
import io.shoal.cli.options.SettingOptions;
import io.shoal.cli.options.Usage;
import io.shoal.node.AdminSettings;
import io.shoal.node.CacheNode;
import io.shoal.node.CacheSettings;
import io.shoal.node.NodeConfig;
import io.shoal.node.NodeSettings;
import io.shoal.node.ProxySettings;
import io.shoal.router.MembershipSettings;
import io.shoal.router.RouterSettings;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoal node}: runs one cache node until interrupted (SIGINT/SIGTERM shut it down
 * gracefully). Settings come from {@code --config} and then the command line; a bad setting is a
 * usage error naming it.
 */
@Command(name = "node", mixinStandardHelpOptions = true, defaultValueProvider = NodeCommand.Defaults.class,
    description = {"Run a cache node: an HTTP/1.1 forward and reverse proxy cache (RFC 9111) with an admin listener.",
        "Every setting, its default and what it does: --print-reference."})
public final class NodeCommand implements Runnable {
  /** The options that stand for node settings. */
  static final class Defaults extends SettingOptions {
    Defaults() {
      super("--port", ProxySettings.PORT, "--admin-port", AdminSettings.PORT, "--reverse", ProxySettings.REVERSE_ORIGIN,
          "--cache-size", CacheSettings.SIZE, "--id", NodeSettings.ID, "--access-log", AdminSettings.ACCESS_LOG);
    }
  }

  /** Held so the levels set on them stay set. */
  private static final java.util.List<java.util.logging.Logger> QUIET = java.util.List.of(
      java.util.logging.Logger.getLogger("io.undertow"), java.util.logging.Logger.getLogger("org.xnio"),
      java.util.logging.Logger.getLogger("org.jboss"));

  @Spec
  CommandSpec spec;

  @Option(names = "--config", paramLabel = "FILE", description = "shoal.yaml to read (settings not in it keep their defaults).")
  Path config;

  @Option(names = "--set", paramLabel = "NAME=VALUE", description = "Set any setting, e.g. --set cache.size=1GB (repeatable; wins over --config).")
  Map<String, String> set = new LinkedHashMap<>();

  @Option(names = "--port", paramLabel = "PORT", description = "Proxy port (proxy.port; default: ${DEFAULT-VALUE}).")
  String port;

  @Option(names = "--admin-port", paramLabel = "PORT", description = "Admin port (admin.port; default: ${DEFAULT-VALUE}).")
  String adminPort;

  @Option(names = "--reverse", paramLabel = "URL", description = "Reverse proxy for this origin, e.g. http://origin:8000 (proxy.reverse-origin).")
  String reverse;

  @Option(names = "--cache-size", paramLabel = "SIZE", description = "Cache memory, e.g. 1GB (cache.size; default: ${DEFAULT-VALUE}).")
  String cacheSize;

  @Option(names = "--id", paramLabel = "ID", description = "Node id (node.id).")
  String id;

  @Option(names = "--access-log", paramLabel = "FILE", description = "Squid-format access log file (log.access-file).")
  String accessLog;

  @Option(names = "--check", description = "Validate the configuration and exit.")
  boolean check;

  @Option(names = "--exit-with-parent", hidden = true,
      description = "Stop (gracefully) when standard input ends: the parent that started this node is gone.")
  boolean exitWithParent;

  @Option(names = "--print-reference", description = "Print the reference shoal.yaml (every setting and default) and exit.")
  boolean printReference;

  @Override
  public void run() {
    PrintWriter out = spec.commandLine().getOut();
    if (printReference) {
      out.print(ShoalConfig.reference());
      out.flush();
      return;
    }
    NodeConfig cfg = config();
    if (check) {
      out.println("shoal node: configuration ok");
      out.print(summary(cfg));
      out.flush();
      return;
    }
    QUIET.forEach(l -> l.setLevel(java.util.logging.Level.WARNING));
    CacheNode node = CacheNode.start(cfg);
    Foreground.run("shoal-shutdown", node::close, () -> {
      if (exitWithParent) {
        exitWhenStdinEnds();
      }
      out.println("shoal node " + node.id() + ": proxy on http://" + hostPort(node.proxyAddress())
          + " (" + mode(cfg) + "), admin on http://" + hostPort(node.adminAddress())
          + ", cache " + cfg.get(CacheSettings.SIZE) / (1024 * 1024) + "MB");
      out.flush();
    }, () -> {
      out.println("shoal node " + node.id() + ": stopped");
      out.flush();
    });
  }

  /**
   * A node started by {@code shoal cluster} or {@code shoal bench} reads its standard input, a pipe
   * the parent holds, until it ends: when the parent dies, even by SIGKILL, the kernel closes the
   * pipe and the node shuts down like on Ctrl-C instead of living on as an orphan.
   */
  private static void exitWhenStdinEnds() {
    Thread watch = new Thread(() -> {
      try (InputStream in = System.in) {
        in.transferTo(OutputStream.nullOutputStream());
      } catch (IOException e) {
        // the pipe broke: the parent is gone too
      }
      System.exit(0);
    }, "shoal-parent-watch");
    watch.setDaemon(true);
    watch.start();
  }

  private NodeConfig config() {
    return Usage.of(spec, () -> {
      Map<String, String> overrides = new Defaults().given(spec.commandLine().getParseResult());
      overrides.putAll(set);
      return NodeConfig.from(ShoalConfig.load(config, overrides));
    });
  }

  /**
   * What {@code --check} shows of a valid configuration: where the node will listen and whom it
   * will look for, so a file meant for another host or a cluster left disabled shows at a glance.
   */
  private static String summary(NodeConfig cfg) {
    String node = "  node " + cfg.nodeId() + " (" + cfg.get(NodeSettings.ROLE) + "): proxy "
        + authority(cfg.get(ProxySettings.HOST), cfg.get(ProxySettings.PORT)) + ", admin "
        + authority(cfg.get(AdminSettings.HOST), cfg.get(AdminSettings.PORT)) + ", cache "
        + cfg.get(CacheSettings.SIZE) / (1024 * 1024) + "MB\n";
    if (!cfg.get(MembershipSettings.ENABLED)) {
      return node + "  single node (cluster.enabled: false)\n";
    }
    String bind = cfg.get(MembershipSettings.BIND_ADDRESS);
    int port = cfg.get(MembershipSettings.BIND_PORT);
    String dns = cfg.get(MembershipSettings.DNS_QUERY);
    List<String> peers = cfg.get(MembershipSettings.PEERS);
    String discovery = !dns.isEmpty() ? "DNS " + cfg.get(MembershipSettings.DNS_RECORD_TYPE) + " records of " + dns
        : peers.isEmpty() ? "no peers (cluster.peers is empty)" : "peers " + String.join(", ", peers);
    String forwardTo = cfg.get(MembershipSettings.PROXY_ADDRESS);
    if (forwardTo.isEmpty()) {
      String host = cfg.get(ProxySettings.HOST);
      boolean wildcard = host.equals("0.0.0.0") || host.equals("::") || host.equals("[::]");
      forwardTo = authority(wildcard ? bind : host, cfg.get(ProxySettings.PORT));
    }
    return node + "  cluster " + cfg.get(MembershipSettings.NAME) + " as " + cfg.clusterNodeId() + ": transport "
        + authority(bind, port) + " (failure detector on " + (port + 100) + "), " + discovery
        + "; peers forward to " + forwardTo + "; strategy " + cfg.get(RouterSettings.STRATEGY) + "\n";
  }

  private static String authority(String host, int port) {
    return (host.contains(":") && !host.startsWith("[") ? "[" + host + "]" : host) + ":" + port;
  }

  private static String mode(NodeConfig cfg) {
    String reverse = cfg.get(ProxySettings.REVERSE_ORIGIN);
    return reverse.isEmpty() ? "forward proxy" : "forward proxy, reverse proxy for " + reverse;
  }

  private static String hostPort(java.net.InetSocketAddress a) {
    String host = a.getAddress().isAnyLocalAddress() ? "0.0.0.0" : a.getAddress().getHostAddress();
    return authority(host, a.getPort());
  }
}
