package io.shoal.cli.front;

import io.shoal.front.Front;
import io.shoal.front.FrontConfig;
import io.shoal.front.FrontFile;
import io.shoal.front.NodeAddress;
import io.shoal.front.ha.KeepalivedConfig;
import io.shoal.front.kernel.DirectRouting;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.function.Function;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code shoal front}: spreads client connections over the nodes. In {@code userspace} mode
 * (default) it relays them itself; in {@code kernel-dr} mode it prints or applies an nftables
 * direct-routing ruleset; {@code --keepalived} prints a keepalived configuration for the VIP.
 */
@Command(name = "front", mixinStandardHelpOptions = true,
    description = "The L4 front: round-robin connection spreading over the nodes (userspace relay or kernel direct routing).")
public final class FrontCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Option(names = "--nodes", split = ",", paramLabel = "HOST:PORT[*WEIGHT]",
      description = "The nodes, e.g. 10.0.0.2:3128,10.0.0.3:3128*2 (or front.nodes of --config).")
  List<String> nodes;

  @Option(names = "--config", paramLabel = "FILE",
      description = "shoal.yaml with a 'front:' section (nodes, listen, admin, balancer); options given here win.")
  java.nio.file.Path config;

  @Option(names = "--mode", defaultValue = "userspace", description = "userspace (default) or kernel-dr.")
  String mode;

  @Option(names = "--listen", defaultValue = "0.0.0.0:3128", paramLabel = "HOST:PORT", description = "Relay listen address (default: ${DEFAULT-VALUE}).")
  String listen;

  @Option(names = "--admin", paramLabel = "HOST:PORT", description = "Serve /status and /metrics here (default: off).")
  String admin;

  @Option(names = "--balancer", defaultValue = "round-robin", description = "round-robin (default), weighted or least-connections.")
  String balancer;

  @Option(names = "--idle-timeout", defaultValue = "300s", description = "Close connections idle this long, e.g. 300s, 5m (default: ${DEFAULT-VALUE}).")
  String idleTimeout;

  @Option(names = "--connect-timeout", defaultValue = "2s", description = "Node connect timeout (default: ${DEFAULT-VALUE}).")
  String connectTimeout;

  @Option(names = "--max-connections", defaultValue = "100000", description = "Most client connections at once (default: ${DEFAULT-VALUE}).")
  int maxConnections;

  @Option(names = "--max-per-client", defaultValue = "10000", description = "Most connections from one client address (default: ${DEFAULT-VALUE}).")
  int maxPerClient;

  @Option(names = "--health-interval", defaultValue = "2s", description = "Health check interval (default: ${DEFAULT-VALUE}).")
  String healthInterval;

  @Option(names = "--rise", defaultValue = "2", description = "Good checks that bring a node back (default: ${DEFAULT-VALUE}).")
  int rise;

  @Option(names = "--fall", defaultValue = "3", description = "Failed checks that take a node down (default: ${DEFAULT-VALUE}).")
  int fall;

  @Option(names = "--health-path", paramLabel = "PATH", description = "Check with HTTP GET PATH (2xx passes) instead of a TCP connect, e.g. /health.")
  String healthPath;

  @Option(names = "--proxy-protocol", description = "Send a PROXY protocol v2 header to the nodes.")
  boolean proxyProtocol;

  @Option(names = "--drain", split = ",", paramLabel = "HOST:PORT", description = "Start with these nodes draining.")
  List<String> drain = new ArrayList<>();

  @Option(names = "--transport", defaultValue = "auto", description = "auto (epoll where available), epoll or nio.")
  String transport;

  @Option(names = "--vip", description = "kernel-dr / --keepalived: the virtual IPv4 address.")
  String vip;

  @Option(names = "--device", defaultValue = "eth0", description = "kernel-dr / --keepalived: the front's interface (default: ${DEFAULT-VALUE}).")
  String device;

  @Option(names = "--print", description = "kernel-dr: print the nftables ruleset, node settings and ipvsadm equivalent.")
  boolean print;

  @Option(names = "--apply", description = "kernel-dr: load the ruleset with 'nft -f -' (needs root).")
  boolean apply;

  @Option(names = "--teardown", description = "kernel-dr: delete the ruleset --apply loaded (needs root).")
  boolean teardown;

  @Option(names = "--keepalived", description = "Print a keepalived.conf that holds --vip on --device.")
  boolean keepalived;

  @Option(names = "--priority", defaultValue = "100", description = "--keepalived: VRRP priority, highest wins (default: ${DEFAULT-VALUE}).")
  int priority;

  @Option(names = "--backup", description = "--keepalived: start as BACKUP rather than MASTER.")
  boolean backup;

  @Option(names = "--router-id", defaultValue = "51", description = "--keepalived: VRRP virtual router id (default: ${DEFAULT-VALUE}).")
  int routerId;

  @Override
  public void run() {
    FrontFile file = config == null ? null : usage(() -> FrontFile.load(config));
    if (nodes == null && file == null) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--nodes: missing (expected: host:port[,host:port...], or --config FILE with front.nodes)");
    }
    if (file != null) {
      listen = given("--listen") || file.listen() == null ? listen : file.listen().getHostString() + ":" + file.listen().getPort();
      admin = given("--admin") || file.admin() == null ? admin : file.admin().getHostString() + ":" + file.admin().getPort();
      balancer = given("--balancer") || file.balancer() == null ? balancer : file.balancer();
    }
    List<NodeAddress> parsed = nodes == null ? file.nodes() : usage(() -> nodes.stream().map(NodeAddress::parse).toList());
    if (keepalived) {
      printKeepalived();
    } else if (mode.equals("kernel-dr")) {
      kernelDr(parsed);
    } else if (mode.equals("userspace")) {
      userspace(parsed);
    } else {
      throw new CommandLine.ParameterException(spec.commandLine(), "--mode: '" + mode + "' (expected: userspace or kernel-dr)");
    }
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private void userspace(List<NodeAddress> parsed) {
    FrontConfig config = usage(() -> {
      FrontConfig.Builder b = FrontConfig.builder().listen(address("--listen", listen)).nodes(parsed)
          .balancer(balancer).idleTimeout(duration("--idle-timeout", idleTimeout))
          .connectTimeout(duration("--connect-timeout", connectTimeout)).maxConnections(maxConnections)
          .maxConnectionsPerClient(maxPerClient).healthInterval(duration("--health-interval", healthInterval))
          .rise(rise).fall(fall).healthPath(healthPath).proxyProtocol(proxyProtocol).transport(transport);
      if (admin != null) {
        b.admin(address("--admin", admin));
      }
      drain.forEach(d -> b.drain(NodeAddress.parse(d)));
      return b.build();
    });
    Front front = Front.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Thread hook = new Thread(() -> {
      front.close();
      stopped.countDown();
    }, "shoal-front-stop");
    Runtime.getRuntime().addShutdownHook(hook);
    PrintWriter out = spec.commandLine().getOut();
    out.println("shoal front: relaying " + front.address() + " (" + front.transport() + ", " + balancer + ") to "
        + parsed.size() + " nodes: " + parsed
        + (front.adminAddress() != null ? "; /status and /metrics on " + front.adminAddress() : ""));
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      // Stopped in-process (an embedding thread was interrupted) rather than by a signal.
      Runtime.getRuntime().removeShutdownHook(hook);
      front.close();
      out.println("shoal front: stopped");
      out.flush();
    }
  }

  private void kernelDr(List<NodeAddress> parsed) {
    if ((print ? 1 : 0) + (apply ? 1 : 0) + (teardown ? 1 : 0) != 1) {
      throw new CommandLine.ParameterException(spec.commandLine(),
          "--mode kernel-dr: give --print, --apply or --teardown (expected: exactly one)");
    }
    DirectRouting dr = usage(() -> {
      DirectRouting.Builder b = DirectRouting.builder().vip(ip("--vip", vip)).device(device)
          .port(address("--listen", listen).getPort());
      parsed.forEach(b::node);
      return b.build();
    });
    PrintWriter out = spec.commandLine().getOut();
    if (print) {
      out.println("# On the front: nft -f - <<'EOF'");
      out.print(dr.nftRuleset());
      out.println("# EOF\n\n# On every node:");
      out.print(dr.nodeSettings());
      out.println("\n# Or, where the kernel has IPVS, on the front instead of nftables:");
      out.print(dr.ipvsadm());
      out.flush();
      return;
    }
    if (teardown) {
      nft(dr.nftTeardown());
      out.println("shoal front: kernel-dr ruleset removed from " + device);
      out.flush();
      return;
    }
    nft(dr.nftRuleset());
    out.println("shoal front: kernel-dr ruleset applied on " + device + " for " + vip + " over " + parsed.size() + " nodes");
    out.println("On every node run:");
    out.print(dr.nodeSettings());
    out.flush();
  }

  private static void nft(String ruleset) {
    try {
      Process p = new ProcessBuilder("nft", "-f", "-").redirectErrorStream(true).start();
      p.getOutputStream().write(ruleset.getBytes(StandardCharsets.UTF_8));
      p.getOutputStream().close();
      String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
      if (p.waitFor() != 0) {
        throw new IllegalStateException("nft -f - failed (exit " + p.exitValue() + "): " + output.replace('\n', ' '));
      }
    } catch (IOException e) {
      throw new IllegalStateException("cannot run nft (is nftables installed?): " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running nft", e);
    }
  }

  private void printKeepalived() {
    String v = vip == null ? null : vip;
    KeepalivedConfig config = usage(() -> {
      if (v == null) {
        throw new IllegalArgumentException("--vip: missing (expected: the cluster's virtual IPv4 address, e.g. 10.0.0.100/24)");
      }
      int slash = v.indexOf('/');
      int prefix = slash < 0 ? 32 : Integer.parseInt(v.substring(slash + 1));
      return KeepalivedConfig.builder().device(device).vip(ip("--vip", slash < 0 ? v : v.substring(0, slash)), prefix)
          .priority(priority).master(!backup).routerId(routerId).build();
    });
    spec.commandLine().getOut().print(config.render());
    spec.commandLine().getOut().flush();
  }

  private <T> T usage(java.util.function.Supplier<T> build) {
    try {
      return build.get();
    } catch (IllegalArgumentException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  private static InetAddress ip(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + ": missing (expected: an IPv4 address)");
    }
    if (!value.matches("[0-9.]+")) {
      throw new IllegalArgumentException(option + ": '" + value + "' (expected: an IPv4 address like 10.0.0.100)");
    }
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(option + ": '" + value + "' (expected: an IPv4 address like 10.0.0.100)");
    }
  }

  /** A listen address; port 0 means any free port. */
  static InetSocketAddress address(String option, String value) {
    try {
      return NodeAddress.listen(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage().replaceFirst("^node ", ""));
    }
  }

  static Duration duration(String option, String value) {
    Function<Long, Duration> unit;
    String digits;
    if (value.endsWith("ms")) {
      unit = Duration::ofMillis;
      digits = value.substring(0, value.length() - 2);
    } else if (value.endsWith("s")) {
      unit = Duration::ofSeconds;
      digits = value.substring(0, value.length() - 1);
    } else if (value.endsWith("m")) {
      unit = Duration::ofMinutes;
      digits = value.substring(0, value.length() - 1);
    } else {
      throw new IllegalArgumentException(option + ": '" + value + "' (expected: a number with ms, s or m, e.g. 300s)");
    }
    try {
      long n = Long.parseLong(digits);
      if (n <= 0) {
        throw new IllegalArgumentException(option + ": '" + value + "' (expected: > 0)");
      }
      return unit.apply(n);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(option + ": '" + value + "' (expected: a number with ms, s or m, e.g. 300s)");
    }
  }
}
