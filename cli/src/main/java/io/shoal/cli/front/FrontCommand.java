package io.shoal.cli.front;

import io.shoal.base.config.Config;
import io.shoal.cli.Foreground;
import io.shoal.cli.ShoalConfig;
import io.shoal.cli.options.SettingOptions;
import io.shoal.cli.options.Usage;
import io.shoal.front.Front;
import io.shoal.front.FrontConfig;
import io.shoal.front.FrontSettings;
import io.shoal.front.NodeAddress;
import java.io.PrintWriter;
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
@Command(name = "front", mixinStandardHelpOptions = true, defaultValueProvider = FrontCommand.Defaults.class,
    description = "The L4 front: round-robin connection spreading over the nodes (userspace relay or kernel direct routing).")
public final class FrontCommand implements Runnable {
  @Spec
  CommandSpec spec;

  /** The options that stand for {@code front.*} settings. */
  static final class Defaults extends SettingOptions {
    Defaults() {
      super("--nodes", FrontSettings.NODES, "--listen", FrontSettings.LISTEN, "--admin", FrontSettings.ADMIN,
          "--balancer", FrontSettings.BALANCER, "--idle-timeout", FrontSettings.IDLE_TIMEOUT,
          "--connect-timeout", FrontSettings.CONNECT_TIMEOUT, "--max-connections", FrontSettings.MAX_CONNECTIONS,
          "--max-per-client", FrontSettings.MAX_PER_CLIENT, "--health-interval", FrontSettings.HEALTH_INTERVAL,
          "--rise", FrontSettings.HEALTH_RISE, "--fall", FrontSettings.HEALTH_FALL,
          "--health-path", FrontSettings.HEALTH_PATH, "--proxy-protocol", FrontSettings.PROXY_PROTOCOL,
          "--transport", FrontSettings.TRANSPORT);
    }
  }

  @Option(names = "--nodes", split = ",", paramLabel = "HOST:PORT[*WEIGHT]",
      description = "The nodes, e.g. 10.0.0.2:3128,10.0.0.3:3128*2 (or front.nodes of --config).")
  List<String> nodes;

  @Option(names = "--config", paramLabel = "FILE",
      description = "shoal.yaml: the front takes its 'front:' section (the file is checked whole); options given here win.")
  java.nio.file.Path config;

  @Option(names = "--mode", defaultValue = "userspace", description = "userspace (default) or kernel-dr.")
  String mode;

  @Option(names = "--listen", paramLabel = "HOST:PORT", description = "Relay listen address (default: ${DEFAULT-VALUE}).")
  String listen;

  @Option(names = "--admin", paramLabel = "HOST:PORT", description = "Serve /status and /metrics here (default: off).")
  String admin;

  @Option(names = "--balancer", description = "round-robin (default), weighted or least-connections.")
  String balancer;

  @Mixin
  RelayOptions relay;

  @Mixin
  VipOptions vip;

  @Override
  public void run() {
    Config settings = usage(() -> ShoalConfig.load(config, new Defaults().given(spec.commandLine().getParseResult())));
    List<NodeAddress> parsed = settings.get(FrontSettings.NODES);
    if (parsed.isEmpty()) {
      throw Usage.error(spec, "--nodes: missing (expected: host:port[,host:port...], or --config FILE with front.nodes)");
    }
    if (vip.keepalived) {
      vip.printKeepalived(spec);
    } else if (mode.equals("kernel-dr")) {
      vip.kernelDr(spec, parsed, () -> settings.get(FrontSettings.LISTEN).getPort());
    } else if (mode.equals("userspace")) {
      userspace(settings);
    } else {
      throw Usage.error(spec, "--mode: \"" + mode + "\" (expected: userspace or kernel-dr)");
    }
  }

  private void userspace(Config settings) {
    FrontConfig config = usage(() -> relay.applyTo(FrontConfig.builder().settings(settings)).build());
    Front front = Front.start(config);
    PrintWriter out = spec.commandLine().getOut();
    Foreground.run("shoal-front-stop", front::close, () -> {
      out.println("shoal front: relaying " + front.address() + " (" + front.transport() + ", " + config.balancer()
          + ") to " + config.nodes().size() + " nodes: " + config.nodes()
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

}
