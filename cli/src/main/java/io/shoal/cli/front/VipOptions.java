package io.shoal.cli.front;

import io.shoal.cli.options.Usage;
import io.shoal.front.NodeAddress;
import io.shoal.front.ha.KeepalivedConfig;
import io.shoal.front.kernel.DirectRouting;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.function.IntSupplier;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;

/**
 * The virtual IP of {@code shoal front}: kernel direct routing ({@code --mode kernel-dr}) prints,
 * applies or removes an nftables ruleset for it; {@code --keepalived} prints a configuration that
 * holds it on one of several fronts.
 */
final class VipOptions {
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

  /** {@code --mode kernel-dr}: prints, applies or tears down the ruleset for {@code nodes} on the listen port. */
  void kernelDr(CommandSpec spec, List<NodeAddress> nodes, IntSupplier port) {
    if ((print ? 1 : 0) + (apply ? 1 : 0) + (teardown ? 1 : 0) != 1) {
      throw Usage.error(spec, "--mode kernel-dr: give --print, --apply or --teardown (expected: exactly one)");
    }
    DirectRouting dr = Usage.of(spec, () -> {
      DirectRouting.Builder b = DirectRouting.builder().vip(ip("--vip", vip)).device(device).port(port.getAsInt());
      nodes.forEach(b::node);
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
    out.println("shoal front: kernel-dr ruleset applied on " + device + " for " + vip + " over " + nodes.size() + " nodes");
    out.println("On every node run:");
    out.print(dr.nodeSettings());
    out.flush();
  }

  /** {@code --keepalived}: prints the VRRP instance that holds {@code --vip}. */
  void printKeepalived(CommandSpec spec) {
    String v = vip;
    KeepalivedConfig config = Usage.of(spec, () -> {
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

  private static InetAddress ip(String option, String value) {
    if (value == null) {
      throw new IllegalArgumentException(option + ": missing (expected: an IPv4 address)");
    }
    if (!value.matches("[0-9.]+")) {
      throw new IllegalArgumentException(option + ": \"" + value + "\" (expected: an IPv4 address like 10.0.0.100)");
    }
    try {
      return InetAddress.getByName(value);
    } catch (UnknownHostException e) {
      throw new IllegalArgumentException(option + ": \"" + value + "\" (expected: an IPv4 address like 10.0.0.100)");
    }
  }
}
