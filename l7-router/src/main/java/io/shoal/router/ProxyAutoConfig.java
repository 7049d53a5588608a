package io.shoal.router;

import io.shoal.hashing.PlacementFunctions;
import io.shoal.hashing.Member;
import io.shoal.hashing.Strategies;
import io.shoal.hashing.Strategy;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Generates {@code /proxy.pac}: a proxy auto-config script that sends each URL straight to the
 * node that owns it (then the other nodes in failover order), computed in JavaScript exactly as
 * {@code io.shoal.hashing} places keys — for {@code md5}, {@code ketama}, {@code carp} (MD5 and
 * CARP's hashes in plain JavaScript) and {@code rendezvous}, {@code jump}, {@code maglev(size)}
 * (FarmHash Fingerprint64 and MurmurHash3's {@code fmix64} with BigInt; member hashes, Maglev's
 * offsets and skips are computed here and embedded). Other strategies, {@code jump} over unequal
 * weights, and the BigInt ones in an engine without BigInt get a script that lists every node in
 * view order; the nodes route among themselves. Draining nodes are left out. The script hashes
 * the URL as the browser gives it, with scheme and host lower-cased, default port and fragment
 * dropped — not the router's full normalization — so a URL with, e.g., percent-encoded unreserved
 * characters may reach a non-owner, which forwards it.
 */
public final class ProxyAutoConfig {
  /** The strategies the script computes itself (by {@link Strategy#name()}; maglev of any size). */
  public static final Set<String> COMPUTED = Set.of("md5", "ketama", "carp", "rendezvous", "jump", "maglev");
  private static final Pattern MAGLEV = Pattern.compile("maglev\\(size=(\\d+)\\)");
  private static final String TEMPLATE = load();

  private ProxyAutoConfig() {}

  /** The script for {@code view} under the strategy {@code spec}. */
  public static String generate(ClusterView view, String spec) {
    Objects.requireNonNull(view, "view");
    Objects.requireNonNull(spec, "spec");
    List<Peer> peers = view.peers();
    String name = computedName(spec.strip());
    int maglevSize = 0;
    Matcher m = MAGLEV.matcher(name);
    if (m.matches()) {
      maglevSize = Integer.parseInt(m.group(1));
      name = maglevSize > peers.size() ? "maglev" : "list"; // the strategy refuses smaller tables
    }
    if (name.equals("jump") && !view.view().uniformWeights()) {
      name = "list"; // the strategy refuses unequal weights
    }
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
    join(c, peers.stream().map(p -> Integer.toString(PlacementFunctions.carpMemberHash(p.id()))).toList());
    c.append("],\n  carpMultipliers: [");
    double[] weights = view.view().members().stream().mapToDouble(Member::weight).toArray();
    join(c, Arrays.stream(PlacementFunctions.carpMultipliers(weights)).mapToObj(ProxyAutoConfig::number).toList());
    c.append("],\n  seeds: [");
    join(c, peers.stream().map(p -> js(Long.toUnsignedString(PlacementFunctions.hash64(p.id())))).toList());
    c.append("]");
    if (maglevSize > peers.size()) {
      int size = maglevSize;
      c.append(",\n  maglev: {size: ").append(size).append(", offsets: [");
      join(c, peers.stream().map(p -> Long.toString(PlacementFunctions.maglevOffset(p.id(), size))).toList());
      c.append("], skips: [");
      join(c, peers.stream().map(p -> Long.toString(PlacementFunctions.maglevSkip(p.id(), size))).toList());
      c.append("]}");
    }
    c.append("\n}");
    return TEMPLATE.replace("/*CONFIG*/null", c.toString());
  }

  /** The canonical name of the strategy {@code spec} ({@code maglev(size=N)}), or "list" if it is not valid. */
  private static String computedName(String spec) {
    try {
      return Strategies.create(spec).name();
    } catch (IllegalArgumentException e) {
      return "list";
    }
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
}
