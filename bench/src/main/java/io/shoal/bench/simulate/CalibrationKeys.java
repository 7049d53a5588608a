package io.shoal.bench.simulate;

import io.shoal.traces.Traces;
import java.net.URI;
import java.util.List;

/** Every key of a calibration file, in the order it is written, and the keys of each trace. */
final class CalibrationKeys {
  private static final long INT_MAX = Integer.MAX_VALUE;

  static final CalibrationKey<Calibration, Calibration.Builder, Long> LINK_BPS = CalibrationKey.integer(
      "link.bits-per-second", 1, Long.MAX_VALUE,
      "the shaped rate of each node's, the switch's and the front's link, each direction, bits/s", null,
      c -> c.linkBitsPerSecond, (b, v) -> b.linkBitsPerSecond = v, b -> b.linkBitsPerSecond);
  static final CalibrationKey<Calibration, Calibration.Builder, Double> LINK_EFFICIENCY = CalibrationKey.number(
      "link.efficiency", 0, true, 1,
      "the busiest link's modelled bytes (bodies and heads) per second over its raw rate / 8, at 1 node", null,
      c -> c.linkEfficiency, (b, v) -> b.linkEfficiency = v, b -> b.linkEfficiency);
  static final CalibrationKey<Calibration, Calibration.Builder, Double> HOST_CPU = CalibrationKey.number(
      "host.cpu", 0, true, Double.MAX_VALUE, "the CPU quota of each cache node and of the switch, cores", null,
      c -> c.hostCpu, (b, v) -> b.hostCpu = v, b -> b.hostCpu);
  static final CalibrationKey<Calibration, Calibration.Builder, Long> MACHINE_CORES = CalibrationKey.integer(
      "machine.cores", 1, INT_MAX, "the cores of the testbed's machine", null,
      c -> c.machineCores, (b, v) -> b.machineCores = v, b -> b.machineCores);
  static final CalibrationKey<Calibration, Calibration.Builder, Long> CONNECTIONS = CalibrationKey.integer(
      "connections-per-server", 1, INT_MAX, "client connections per cache node", null,
      c -> c.connectionsPerServer, (b, v) -> b.connectionsPerServer = v, b -> b.connectionsPerServer);
  static final CalibrationKey<Calibration, Calibration.Builder, Long> CACHE_BYTES = CalibrationKey.integer(
      "cache.bytes", 1, Long.MAX_VALUE, "the cache size of each node, bytes", null,
      c -> c.cacheBytes, (b, v) -> b.cacheBytes = v, b -> b.cacheBytes);
  static final CalibrationKey<Calibration, Calibration.Builder, Long> HEAD_BYTES = CalibrationKey.integer(
      "http.head-bytes", 0, INT_MAX, "bytes counted for the head of each HTTP message on a link", 300L,
      c -> c.headBytes, (b, v) -> b.headBytes = v, b -> b.headBytes);
  static final CalibrationKey<Calibration, Calibration.Builder, Double> ACK_SHARE = CalibrationKey.number(
      "link.ack-share", 0, false, 1, "bytes of TCP acknowledgements sent back per byte received", 0.0228,
      c -> c.ackShare, (b, v) -> b.ackShare = v, b -> b.ackShare);
  static final CalibrationKey<Calibration, Calibration.Builder, String> ORIGIN = CalibrationKey.text(
      "origin.uri", "http://HOST:PORT, the origin as the replay's URLs name it (part of every key placed)",
      CalibrationKeys::httpUri, "http://127.0.0.1:8080",
      c -> c.origin, (b, v) -> b.origin = v, b -> b.origin);
  static final CalibrationKey<Calibration, Calibration.Builder, Double> IMAGES = CalibrationKey.number(
      "replay.images", 0, false, 1, "the replay's share of numeric ids served as JPEG images", 0.0,
      c -> c.imageShare, (b, v) -> b.imageShare = v, b -> b.imageShare);
  static final CalibrationKey<Calibration, Calibration.Builder, Long> DEFAULT_SIZE = CalibrationKey.integer(
      "replay.default-size", 0, Long.MAX_VALUE, "body bytes of trace requests without a size", 8192L,
      c -> c.defaultSize, (b, v) -> b.defaultSize = v, b -> b.defaultSize);
  static final CalibrationKey<Calibration, Calibration.Builder, Long> RUN_REQUESTS = CalibrationKey.integer(
      "run.requests", 0, Long.MAX_VALUE, "requests per run, warm-up included; 0 = the whole trace", 0L,
      c -> c.runRequests, (b, v) -> b.runRequests = v, b -> b.runRequests);
  static final CalibrationKey<Calibration, Calibration.Builder, Double> WARMUP = CalibrationKey.number(
      "run.warmup-seconds", 0, false, Double.MAX_VALUE, "seconds sent but not measured at the start of a run", 0.0,
      c -> c.warmupSeconds, (b, v) -> b.warmupSeconds = v, b -> b.warmupSeconds);
  static final CalibrationKey<Calibration, Calibration.Builder, Double> RUN_SECONDS = CalibrationKey.number(
      "run.seconds", 0, false, Double.MAX_VALUE,
      "measured seconds per run after the warm-up; 0 = until the trace or run.requests end", 0.0,
      c -> c.runSeconds, (b, v) -> b.runSeconds = v, b -> b.runSeconds);

  static final List<CalibrationKey<Calibration, Calibration.Builder, ?>> GLOBAL = List.of(LINK_BPS, LINK_EFFICIENCY,
      HOST_CPU, MACHINE_CORES, CONNECTIONS, CACHE_BYTES, HEAD_BYTES, ACK_SHARE, ORIGIN, IMAGES, DEFAULT_SIZE,
      RUN_REQUESTS, WARMUP, RUN_SECONDS);

  /** A trace's values while its keys are read, in any order. */
  static final class TraceParts {
    String spec;
    final Double[] cpu = new Double[5];
  }

  static final CalibrationKey<Calibration.Trace, TraceParts, String> SPEC = CalibrationKey.text("spec",
      "FORMAT:PATH of the trace, as the traces module opens it (a relative path is against this file's directory)",
      s -> Traces.format(s) != null, null, Calibration.Trace::spec, (p, v) -> p.spec = v, p -> p.spec);
  static final List<CalibrationKey<Calibration.Trace, TraceParts, Double>> CPU = List.of(
      cpu(0, "cpu.hit", "a hit served from the cache of the node that looks it up", c -> c.hit()),
      cpu(1, "cpu.miss", "a miss on the owner: origin fetch, store, reply", c -> c.miss()),
      cpu(2, "cpu.forward.sender", "a request the receiving node forwards to the owner (its whole cost)",
          c -> c.forwardSender()),
      cpu(3, "cpu.forward.owner", "extra on the owner per forwarded request it serves (every request behind"
          + " the switch)", c -> c.forwardOwner()),
      cpu(4, "cpu.switch", "a request the centralized switch routes and relays", c -> c.relay()));
  static final List<CalibrationKey<Calibration.Trace, TraceParts, ?>> TRACE = List.of(SPEC, CPU.get(0), CPU.get(1),
      CPU.get(2), CPU.get(3), CPU.get(4));

  private CalibrationKeys() {}

  private static CalibrationKey<Calibration.Trace, TraceParts, Double> cpu(int i, String name, String what,
      java.util.function.ToDoubleFunction<Calibration.Cpu> get) {
    return CalibrationKey.number(name, 0, false, Double.MAX_VALUE, "CPU seconds per request: " + what, null,
        t -> get.applyAsDouble(t.cpu()), (p, v) -> p.cpu[i] = v, p -> p.cpu[i]);
  }

  /** {@code v} if {@code key} takes it, else {@code calibration: key "x": "v" (expected: ...)}. */
  static <T> T checked(CalibrationKey<Calibration, Calibration.Builder, T> key, T v) {
    try {
      return key.check(key.name(), v);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("calibration: " + e.getMessage(), e);
    }
  }

  /** A trace name: letters, digits, {@code . _ -}. */
  static String traceName(String name) {
    if (!name.matches("[A-Za-z0-9._-]+")) {
      throw new IllegalArgumentException("trace name: \"" + name + "\" (expected: letters, digits, '.', '_' or '-')");
    }
    return name;
  }

  private static boolean httpUri(String s) {
    URI u = URI.create(s);
    return "http".equals(u.getScheme()) && u.getHost() != null
        && (u.getPath() == null || u.getPath().replace("/", "").isEmpty()) && u.getQuery() == null;
  }
}
