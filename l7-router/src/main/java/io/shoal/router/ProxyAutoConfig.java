package io.shoal.router;

import io.shoal.hashing.Member;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Generates {@code /proxy.pac}: a proxy auto-config script that sends each URL straight to the
 * node that owns it (then the other nodes in failover order), computed in JavaScript exactly as
 * {@code io.shoal.hashing} places keys — for {@code md5}, {@code ketama} and {@code carp}. Other
 * strategies (including {@code rendezvous}, whose FarmHash Fingerprint64 is not ported yet) get a
 * script that lists every node in view order; the nodes route among themselves. Draining nodes
 * are left out. The script hashes the URL as the browser gives it, with scheme and host
 * lower-cased, default port and fragment dropped — not the router's full normalization — so a URL
 * with, e.g., percent-encoded unreserved characters may reach a non-owner, which forwards it.
 */
public final class ProxyAutoConfig {
  /** The strategies the script computes itself. */
  public static final Set<String> COMPUTED = Set.of("md5", "ketama", "carp");
  private static final String TEMPLATE = load();

  private ProxyAutoConfig() {}

  /** The script for {@code view} under the strategy {@code spec}. */
  public static String generate(ClusterView view, String spec) {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(spec, "spec");
    String name = spec.strip();
    List<Peer> peers = view.peers();
    StringBuilder c = new StringBuilder("{\n  strategy: ").append(js(COMPUTED.contains(name) ? name : "list"));
    c.append(",\n  ids: [");
    join(c, peers.stream().map(p -> js(p.id())).toList());
    c.append("],\n  proxies: [");
    join(c, peers.stream().map(p -> js(p.authority())).toList());
    c.append("],\n  weights: [");
    join(c, peers.stream().map(p -> number(p.weight())).toList());
    c.append("],\n  draining: [");
    join(c, peers.stream().map(p -> Boolean.toString(view.draining().contains(p.id()))).toList());
    c.append("],\n  carpHashes: [");
    join(c, peers.stream().map(p -> Integer.toString(Carp.memberHash(p.id()))).toList());
    c.append("],\n  carpMultipliers: [");
    double[] weights = view.view().members().stream().mapToDouble(Member::weight).toArray();
    double[] multipliers = Carp.multipliers(weights);
    join(c, java.util.Arrays.stream(multipliers).mapToObj(ProxyAutoConfig::number).toList());
    c.append("]\n}");
    return TEMPLATE.replace("/*CONFIG*/null", c.toString());
  }

  private static void join(StringBuilder b, List<String> parts) {
    b.append(String.join(", ", parts));
  }

  private static String number(double d) {
    return Double.toString(d).toLowerCase(Locale.ROOT);
  }

  private static String js(String s) {
    StringBuilder b = new StringBuilder("'");
    for (char ch : s.toCharArray()) {
      if (ch == '\'' || ch == '\\' || ch < 0x20 || ch > 0x7e) {
        b.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
      } else {
        b.append(ch);
      }
    }
    return b.append('\'').toString();
  }

  private static String load() {
    try (InputStream in = ProxyAutoConfig.class.getResourceAsStream("/io/shoal/router/internal/pac.js")) {
      return new String(Objects.requireNonNull(in, "pac.js").readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** CARP's member hashes and load-factor multipliers, as {@code io.shoal.hashing} computes them. */
  private static final class Carp {
    private static final int MULTIPLIER = 0x62531965;

    static int memberHash(String name) {
      int h = 0;
      for (byte c : name.getBytes(StandardCharsets.UTF_8)) {
        h += Integer.rotateLeft(h, 19) + c;
      }
      h += h * MULTIPLIER;
      return Integer.rotateLeft(h, 21);
    }

    /** CARP v1.0 section 3.3, members sorted by weight (a copy of hashing's, which is internal there). */
    static double[] multipliers(double[] weights) {
      int k = weights.length;
      double total = java.util.Arrays.stream(weights).sum();
      Integer[] order = java.util.stream.IntStream.range(0, k).boxed().toArray(Integer[]::new);
      java.util.Arrays.sort(order, java.util.Comparator.comparingDouble(i -> weights[i]));
      double[] out = new double[k];
      double lastFactor = 0;
      double product = 1;
      double lastMultiplier = 0;
      for (int j = 1; j <= k; j++) {
        int i = order[j - 1];
        double factor = weights[i] / total;
        if (Math.floor(factor * 1000.0) == 0.0) {
          factor = 0.0;
        }
        double kk1 = k - j + 1;
        double x = (kk1 * (factor - lastFactor)) / product;
        x += Math.pow(lastMultiplier, kk1);
        x = Math.pow(x, 1.0 / kk1);
        out[i] = x;
        product *= x;
        lastMultiplier = x;
        lastFactor = factor;
      }
      return out;
    }
  }
}
