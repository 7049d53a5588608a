package io.shoal.bench.simulate;

import io.shoal.traces.Traces;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * What the simulator knows of a testbed: its link rate, its hosts' CPU, the client's connections
 * and the caches' size, and per trace the CPU seconds a request costs each host. The testbed
 * measures them on its 1- and 2-node runs and writes them with {@link #write}; {@code shoal bench
 * simulate} reads them with {@link #read}. The file is {@code key=value} lines, {@code #}
 * comments; every key, with what it means, is in {@code bench/README.md} ("Simulator") and in
 * the comments {@link #write} puts above each.
 *
 * <pre>{@code
 * Calibration c = Calibration.builder()
 *     .linkBitsPerSecond(100_000_000).linkEfficiency(0.92).hostCpu(0.25).machineCores(2)
 *     .connectionsPerServer(63).cacheBytes(256L << 20)
 *     .trace("bu", "webcachesim:classpath:bu-1998-webcachesim.tr.gz",
 *         new Calibration.Cpu(0.0002, 0.0005, 0.0003, 0.0001, 0.0003))
 *     .build();
 * c.write(Path.of("calibration.properties"));
 * }</pre>
 */
public final class Calibration {
  /**
   * CPU seconds per request of one trace.
   *
   * @param hit a hit served from the cache of the node that looks it up (the owner)
   * @param miss a miss on the owner: fetched from the origin, stored, served
   * @param forwardSender on a node that received a request it forwards to the owner (whole cost)
   * @param forwardOwner extra on the owner for each forwarded request it serves (behind the switch,
   *     every request a cache node serves is one: the switch forwards like a peer)
   * @param relay on the centralized switch, per request it routes and relays
   */
  public record Cpu(double hit, double miss, double forwardSender, double forwardOwner, double relay) {
    public Cpu {
      double[] v = {hit, miss, forwardSender, forwardOwner, relay};
      for (int i = 0; i < v.length; i++) {
        CalibrationKeys.CPU.get(i).check("trace.NAME." + CalibrationKeys.CPU.get(i).name(), v[i]);
      }
    }
  }

  /** A trace the calibration covers: its name (as in runs.csv), its {@code FORMAT:PATH} and its costs. */
  public record Trace(String name, String spec, Cpu cpu) {
    public Trace {
      CalibrationKeys.traceName(Objects.requireNonNull(name, "name"));
      Traces.format(Objects.requireNonNull(spec, "spec"));
      Objects.requireNonNull(cpu, "cpu");
    }
  }

  /**
   * What one host did in one run, for {@link #fit}: its CPU seconds and what it served. Counts are
   * the host's own: a cache node counts its hits and misses (as owner), the requests it forwarded
   * and the forwarded requests it served; the switch counts the requests it relayed.
   */
  public record Observation(double cpuSeconds, long hits, long misses, long forwardsSent, long forwardsReceived,
      long relayed) {}

  final long linkBitsPerSecond;
  final double linkEfficiency;
  final double hostCpu;
  final long machineCores;
  final long connectionsPerServer;
  final long cacheBytes;
  final long headBytes;
  final double ackShare;
  final String origin;
  final double imageShare;
  final long defaultSize;
  final long runRequests;
  final double warmupSeconds;
  final double runSeconds;
  private final Map<String, Trace> traces;

  private Calibration(Builder b) {
    this.linkBitsPerSecond = b.linkBitsPerSecond;
    this.linkEfficiency = b.linkEfficiency;
    this.hostCpu = b.hostCpu;
    this.machineCores = b.machineCores;
    this.connectionsPerServer = b.connectionsPerServer;
    this.cacheBytes = b.cacheBytes;
    this.headBytes = b.headBytes;
    this.ackShare = b.ackShare;
    this.origin = b.origin;
    this.imageShare = b.imageShare;
    this.defaultSize = b.defaultSize;
    this.runRequests = b.runRequests;
    this.warmupSeconds = b.warmupSeconds;
    this.runSeconds = b.runSeconds;
    this.traces = Collections.unmodifiableMap(new LinkedHashMap<>(b.traces));
  }

  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a calibration file.
   *
   * @throws IllegalArgumentException {@code calibration FILE: line N: key "x": "value" (expected:
   *     ...)}, or {@code calibration FILE: key "x": missing (expected: ...)}
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  public static Calibration read(Path file) {
    return CalibrationFile.read(file);
  }

  /** Writes this calibration to {@code file}: a comment header, each key with a comment saying what it is. */
  public void write(Path file) {
    CalibrationFile.write(this, file);
  }

  /**
   * The CPU costs of one trace fitted to what hosts did in runs of it (least squares without an
   * intercept, no cost below 0): {@code cpuSeconds = hits * hit + misses * miss + forwardsSent *
   * forwardSender + forwardsReceived * forwardOwner + relayed * relay}.
   *
   * @throws IllegalArgumentException when no observation shows one of the five (a count always 0)
   */
  public static Cpu fit(List<Observation> observations) {
    return CpuFit.fit(observations);
  }

  /** Shaped rate of every node's, the switch's and the front's link, each direction, bits/s. */
  public long linkBitsPerSecond() {
    return linkBitsPerSecond;
  }

  /** The share of the raw rate a saturated link carries as the bytes the model counts (bodies, heads). */
  public double linkEfficiency() {
    return linkEfficiency;
  }

  /** Cores (a fraction, e.g. 0.25) of each cache node's and the switch's CPU quota. */
  public double hostCpu() {
    return hostCpu;
  }

  /** Cores of the testbed's machine, which all its hosts share. */
  public int machineCores() {
    return (int) machineCores;
  }

  /** Client connections per cache node (the client opens this x nodes). */
  public int connectionsPerServer() {
    return (int) connectionsPerServer;
  }

  /** Cache size of each node, bytes. */
  public long cacheBytes() {
    return cacheBytes;
  }

  /** Bytes the model counts for the head of every HTTP message (request or response) on a link. */
  public int headBytes() {
    return (int) headBytes;
  }

  /** Bytes of TCP acknowledgements sent back per byte received. */
  public double ackShare() {
    return ackShare;
  }

  /** The origin's {@code http://host:port} as the replay's URLs carry it: it is part of every key placed. */
  public String origin() {
    return origin;
  }

  /** The replay's share of numeric ids served as JPEG images ({@code --images}); it changes the URLs. */
  public double imageShare() {
    return imageShare;
  }

  /** Body size of trace requests without one. */
  public long defaultSize() {
    return defaultSize;
  }

  /** Requests per run, warm-up included; 0 = the whole trace. */
  public long runRequests() {
    return runRequests;
  }

  /** Seconds of each run sent but not measured, at its start. */
  public double warmupSeconds() {
    return warmupSeconds;
  }

  /** Measured seconds per run after the warm-up; 0 = until the trace or {@link #runRequests} end. */
  public double runSeconds() {
    return runSeconds;
  }

  /** The traces, by name, in the order of the file. */
  public Map<String, Trace> traces() {
    return traces;
  }

  /**
   * The trace named {@code name}.
   *
   * @throws IllegalArgumentException {@code trace: "x" (expected: one of ...)}
   */
  public Trace trace(String name) {
    Trace t = traces.get(name);
    if (t == null) {
      throw new IllegalArgumentException("trace: \"" + name + "\" (expected: one of the calibration's: "
          + String.join(", ", traces.keySet()) + ")");
    }
    return t;
  }

  /** A builder holding this calibration's values. */
  public Builder toBuilder() {
    Builder b = new Builder();
    CalibrationKeys.GLOBAL.forEach(k -> k.copy(this, b));
    b.traces.putAll(traces);
    return b;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Calibration c && values().equals(c.values()) && traces.equals(c.traces);
  }

  @Override
  public int hashCode() {
    return Objects.hash(values(), traces);
  }

  @Override
  public String toString() {
    return "Calibration" + values() + traces.values();
  }

  private List<Object> values() {
    List<Object> v = new ArrayList<>();
    CalibrationKeys.GLOBAL.forEach(k -> v.add(k.get(this)));
    return v;
  }

  /**
   * The values of a {@link Calibration}; each setter checks its value ({@code calibration: key
   * "link.efficiency": "1.5" (expected: ...)}), {@link #build} that every required key is set.
   */
  public static final class Builder {
    Long linkBitsPerSecond;
    Double linkEfficiency;
    Double hostCpu;
    Long machineCores;
    Long connectionsPerServer;
    Long cacheBytes;
    Long headBytes = CalibrationKeys.HEAD_BYTES.defaultValue();
    Double ackShare = CalibrationKeys.ACK_SHARE.defaultValue();
    String origin = CalibrationKeys.ORIGIN.defaultValue();
    Double imageShare = CalibrationKeys.IMAGES.defaultValue();
    Long defaultSize = CalibrationKeys.DEFAULT_SIZE.defaultValue();
    Long runRequests = CalibrationKeys.RUN_REQUESTS.defaultValue();
    Double warmupSeconds = CalibrationKeys.WARMUP.defaultValue();
    Double runSeconds = CalibrationKeys.RUN_SECONDS.defaultValue();
    final Map<String, Trace> traces = new LinkedHashMap<>();

    private Builder() {}

    public Builder linkBitsPerSecond(long v) {
      linkBitsPerSecond = CalibrationKeys.checked(CalibrationKeys.LINK_BPS, v);
      return this;
    }

    public Builder linkEfficiency(double v) {
      linkEfficiency = CalibrationKeys.checked(CalibrationKeys.LINK_EFFICIENCY, v);
      return this;
    }

    public Builder hostCpu(double v) {
      hostCpu = CalibrationKeys.checked(CalibrationKeys.HOST_CPU, v);
      return this;
    }

    public Builder machineCores(int v) {
      machineCores = CalibrationKeys.checked(CalibrationKeys.MACHINE_CORES, (long) v);
      return this;
    }

    public Builder connectionsPerServer(int v) {
      connectionsPerServer = CalibrationKeys.checked(CalibrationKeys.CONNECTIONS, (long) v);
      return this;
    }

    public Builder cacheBytes(long v) {
      cacheBytes = CalibrationKeys.checked(CalibrationKeys.CACHE_BYTES, v);
      return this;
    }

    public Builder headBytes(int v) {
      headBytes = CalibrationKeys.checked(CalibrationKeys.HEAD_BYTES, (long) v);
      return this;
    }

    public Builder ackShare(double v) {
      ackShare = CalibrationKeys.checked(CalibrationKeys.ACK_SHARE, v);
      return this;
    }

    public Builder origin(String v) {
      origin = CalibrationKeys.checked(CalibrationKeys.ORIGIN, v);
      return this;
    }

    public Builder imageShare(double v) {
      imageShare = CalibrationKeys.checked(CalibrationKeys.IMAGES, v);
      return this;
    }

    public Builder defaultSize(long v) {
      defaultSize = CalibrationKeys.checked(CalibrationKeys.DEFAULT_SIZE, v);
      return this;
    }

    public Builder runRequests(long v) {
      runRequests = CalibrationKeys.checked(CalibrationKeys.RUN_REQUESTS, v);
      return this;
    }

    public Builder warmupSeconds(double v) {
      warmupSeconds = CalibrationKeys.checked(CalibrationKeys.WARMUP, v);
      return this;
    }

    public Builder runSeconds(double v) {
      runSeconds = CalibrationKeys.checked(CalibrationKeys.RUN_SECONDS, v);
      return this;
    }

    /** Adds (or replaces) a trace. */
    public Builder trace(String name, String spec, Cpu cpu) {
      try {
        traces.put(name, new Trace(name, spec, cpu));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException("calibration: " + e.getMessage(), e);
      }
      return this;
    }

    /**
     * @throws IllegalArgumentException {@code calibration: key "x": missing (expected: ...)} for the
     *     first required key not set, or when no trace is
     */
    public Calibration build() {
      for (CalibrationKey<Calibration, Builder, ?> k : CalibrationKeys.GLOBAL) {
        if (k.required() && !k.isSet(this)) {
          throw new IllegalArgumentException("calibration: " + k.missing(k.name()).getMessage());
        }
      }
      if (traces.isEmpty()) {
        throw new IllegalArgumentException("calibration: no trace (expected: at least one trace.NAME.spec"
            + " with its trace.NAME.cpu.* keys)");
      }
      return new Calibration(this);
    }
  }
}
