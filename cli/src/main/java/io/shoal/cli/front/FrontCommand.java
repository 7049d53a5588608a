package io.shoal.cli.front;

import io.shoal.cli.Foreground;
import io.shoal.cli.options.Usage;
import io.shoal.front.Front;
import io.shoal.front.FrontConfig;
import io.shoal.front.FrontFile;
import io.shoal.front.NodeAddress;
import java.io.PrintWriter;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.function.Supplier;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

  @Mixin
  RelayOptions relay;

  @Mixin
  VipOptions vip;

  @Override
  public void run() {
    FrontFile file = config == null ? null : usage(() -> FrontFile.load(config));
    if (nodes == null && file == null) {
      throw Usage.error(spec, "--nodes: missing (expected: host:port[,host:port...], or --config FILE with front.nodes)");
    }
    if (file != null) {
      listen = given("--listen") || file.listen() == null ? listen : file.listen().getHostString() + ":" + file.listen().getPort();
      admin = given("--admin") || file.admin() == null ? admin : file.admin().getHostString() + ":" + file.admin().getPort();
      balancer = given("--balancer") || file.balancer() == null ? balancer : file.balancer();
    }
    List<NodeAddress> parsed = nodes == null ? file.nodes() : usage(() -> nodes.stream().map(NodeAddress::parse).toList());
    if (vip.keepalived) {
      vip.printKeepalived(spec);
    } else if (mode.equals("kernel-dr")) {
      vip.kernelDr(spec, parsed, () -> address("--listen", listen).getPort());
    } else if (mode.equals("userspace")) {
      userspace(parsed);
    } else {
      throw Usage.error(spec, "--mode: \"" + mode + "\" (expected: userspace or kernel-dr)");
    }
  }

  private boolean given(String option) {
    return spec.commandLine().getParseResult().hasMatchedOption(option);
  }

  private void userspace(List<NodeAddress> parsed) {
    FrontConfig config = usage(() -> {
      FrontConfig.Builder b = FrontConfig.builder().listen(address("--listen", listen)).nodes(parsed).balancer(balancer);
      relay.applyTo(b);
      if (admin != null) {
        b.admin(address("--admin", admin));
      }
      return b.build();
    });
    Front front = Front.start(config);
    PrintWriter out = spec.commandLine().getOut();
    Foreground.run("shoal-front-stop", front::close, () -> {
      out.println("shoal front: relaying " + front.address() + " (" + front.transport() + ", " + balancer + ") to "
          + parsed.size() + " nodes: " + parsed
          + (front.adminAddress() != null ? "; /status and /metrics on " + front.adminAddress() : ""));
      out.flush();
    }, () -> {
      out.println("shoal front: stopped");
      out.flush();
    });
  }

  private <T> T usage(Supplier<T> build) {
    return Usage.of(spec, build);
  }

  /** A listen address; port 0 means any free port. */
  static InetSocketAddress address(String option, String value) {
    try {
      return NodeAddress.listen(value);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(option + ": " + e.getMessage().replaceFirst("^node ", ""));
    }
  }
}
