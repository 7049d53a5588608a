package io.shoal.bench.simulate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The calibration file: written and read back equal, and every bad line named by file, line and key. */
class CalibrationTest {
  private static final String BU = "webcachesim:classpath:bu-1998-webcachesim.tr.gz";
  private static final String REQUIRED = """
      link.bits-per-second=100000000
      link.efficiency=0.93
      host.cpu=0.25
      machine.cores=2
      connections-per-server=63
      cache.bytes=268435456
      trace.bu.spec=webcachesim:classpath:bu-1998-webcachesim.tr.gz
      trace.bu.cpu.hit=0.0002
      trace.bu.cpu.miss=0.0005
      trace.bu.cpu.forward.sender=0.0003
      trace.bu.cpu.forward.owner=0.0001
      trace.bu.cpu.switch=0.00035
      """;

  @TempDir
  Path dir;

  @Test
  void writtenThenReadIsEqual() {
    Calibration c = Calibration.builder().linkBitsPerSecond(100_000_000).linkEfficiency(0.9312345678)
        .hostCpu(0.25).machineCores(2).connectionsPerServer(63).cacheBytes(256L << 20).headBytes(280)
        .ackShare(0.01).origin("http://10.0.0.2:8080").imageShare(0.2).defaultSize(4096).runRequests(50_000)
        .warmupSeconds(2.5).runSeconds(20)
        .trace("bu", BU, new Calibration.Cpu(0.000123456789, 0.0005, 0.0003, 0.0001, 0.00035))
        .trace("surge.v2", "webcachesim:surge.tr", new Calibration.Cpu(1e-7, 2, 0, 0.5, 3.25))
        .build();
    Path file = dir.resolve("calibration.properties");
    c.write(file);
    Calibration back = Calibration.read(file);
    assertThat(back).isEqualTo(c);
    assertThat(back.traces().keySet()).containsExactly("bu", "surge.v2");
    assertThat(back.trace("surge.v2").cpu().hit()).isEqualTo(1e-7);
    assertThat(back.linkEfficiency()).isEqualTo(0.9312345678);
  }

  @Test
  void optionalKeysHaveTheirDefaults() throws Exception {
    Calibration c = Calibration.read(write(REQUIRED));
    assertThat(c.headBytes()).isEqualTo(300);
    assertThat(c.ackShare()).isEqualTo(0.0228);
    assertThat(c.origin()).isEqualTo("http://127.0.0.1:8080");
    assertThat(c.defaultSize()).isEqualTo(8192);
    assertThat(c.runSeconds()).isZero();
    assertThat(c.trace("bu").cpu()).isEqualTo(new Calibration.Cpu(0.0002, 0.0005, 0.0003, 0.0001, 0.00035));
    assertThat(c.toBuilder().build()).isEqualTo(c);
  }

  static Stream<Arguments> badFiles() {
    return Stream.of(
        Arguments.of(REQUIRED.replace("link.efficiency=0.93", "link.efficiency=1.5"),
            "line 2: key \"link.efficiency\": \"1.5\" (expected: a number > 0 and <= 1: "),
        Arguments.of(REQUIRED.replace("link.bits-per-second=100000000", "link.bits-per-second=100M"),
            "line 1: key \"link.bits-per-second\": \"100M\" (expected: an integer >= 1: "),
        Arguments.of(REQUIRED.replace("machine.cores=2", "machine.cores=0"),
            "line 4: key \"machine.cores\": \"0\" (expected: an integer 1..2147483647: "),
        Arguments.of(REQUIRED.replace("host.cpu=0.25", "host.cpu=NaN"),
            "line 3: key \"host.cpu\": \"NaN\" (expected: a number > 0: "),
        Arguments.of(REQUIRED.replace("trace.bu.cpu.miss=0.0005", "trace.bu.cpu.miss=-1"),
            "line 9: key \"trace.bu.cpu.miss\": \"-1\" (expected: a number >= 0: CPU seconds per request: "),
        Arguments.of(REQUIRED.replace("trace.bu.spec=webcachesim:", "trace.bu.spec=nope:"),
            "line 7: key \"trace.bu.spec\": \"nope:classpath:bu-1998-webcachesim.tr.gz\" (expected: FORMAT:PATH"),
        Arguments.of(REQUIRED + "link.speed=1\n", "line 13: key \"link.speed\": unknown (expected: one of"
            + " link.bits-per-second, link.efficiency, host.cpu, machine.cores, connections-per-server, cache.bytes,"
            + " http.head-bytes, link.ack-share, origin.uri, replay.images, replay.default-size, run.requests,"
            + " run.warmup-seconds, run.seconds, trace.NAME.spec, trace.NAME.cpu.hit, trace.NAME.cpu.miss,"
            + " trace.NAME.cpu.forward.sender, trace.NAME.cpu.forward.owner, trace.NAME.cpu.switch)"),
        Arguments.of(REQUIRED + "trace.bu.cpu.forward=1\n", "line 13: key \"trace.bu.cpu.forward\": unknown"),
        Arguments.of(REQUIRED + "cache.bytes=1\n", "line 13: key \"cache.bytes\": repeated (expected: once;"
            + " first on line 6)"),
        Arguments.of(REQUIRED + "origin.uri=ftp://x\n", "line 13: key \"origin.uri\": \"ftp://x\" (expected:"
            + " http://HOST:PORT"),
        Arguments.of(REQUIRED + "trace.b u.spec=x:y\n", "line 13: key \"trace.b u.spec\": trace name: \"b u\""),
        Arguments.of(REQUIRED + "just text\n", "line 13: \"just text\" (expected: key=value)"),
        Arguments.of(REQUIRED.replace("host.cpu=0.25\n", ""),
            "key \"host.cpu\": missing (expected: a number > 0: the CPU quota of each cache node and of the"
            + " switch, cores)"),
        Arguments.of(REQUIRED.replace("trace.bu.cpu.switch=0.00035\n", ""),
            "key \"trace.bu.cpu.switch\": missing (expected: a number >= 0: CPU seconds per request: a request"
            + " the centralized switch routes and relays)"),
        Arguments.of(REQUIRED + "trace.surge.cpu.hit=1\n", "key \"trace.surge.spec\": missing"),
        Arguments.of(REQUIRED.lines().filter(l -> !l.startsWith("trace.")).map(l -> l + "\n")
            .reduce("", String::concat), "no trace (expected: at least one trace.NAME.spec"));
  }

  @ParameterizedTest
  @MethodSource("badFiles")
  void badInputIsNamedByFileLineAndKey(String text, String message) throws Exception {
    Path file = write(text);
    assertThatThrownBy(() -> Calibration.read(file)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageStartingWith("calibration " + file + ": " + message);
  }

  @Test
  void aMissingFileIsNamed() {
    Path file = dir.resolve("none.properties");
    assertThatThrownBy(() -> Calibration.read(file)).isInstanceOf(UncheckedIOException.class)
        .hasMessageStartingWith("calibration " + file + ": cannot read (java.nio.file.NoSuchFileException");
  }

  @Test
  void theBuilderChecksEachValue() {
    assertThatThrownBy(() -> Calibration.builder().linkEfficiency(0))
        .hasMessageStartingWith("calibration: key \"link.efficiency\": \"0\" (expected: a number > 0 and <= 1");
    assertThatThrownBy(() -> Calibration.builder().origin("10.0.0.2"))
        .hasMessageStartingWith("calibration: key \"origin.uri\": \"10.0.0.2\" (expected: http://HOST:PORT");
    assertThatThrownBy(() -> Calibration.builder().trace("bu", BU, new Calibration.Cpu(-1, 0, 0, 0, 0)))
        .hasMessageStartingWith("key \"trace.NAME.cpu.hit\": \"-1\" (expected: a number >= 0");
    assertThatThrownBy(() -> Calibration.builder().linkBitsPerSecond(1).build())
        .hasMessageStartingWith("calibration: key \"link.efficiency\": missing (expected: ");
    Calibration c = Calibration.read(writeUnchecked(REQUIRED));
    assertThatThrownBy(() -> c.trace("surge"))
        .hasMessage("trace: \"surge\" (expected: one of the calibration's: bu)");
  }

  /** Synthetic hosts with known costs and a little noise: the fit finds the costs again. */
  @Test
  void fitRecoversKnownCosts() {
    Calibration.Cpu truth = new Calibration.Cpu(0.0002, 0.0009, 0.00035, 0.00012, 0.0004);
    Random random = new Random(7);
    List<Calibration.Observation> obs = new ArrayList<>();
    for (int run = 0; run < 12; run++) {
      long hits = 2000 + random.nextInt(8000);
      long misses = 100 + random.nextInt(3000);
      boolean central = run % 3 == 0;
      long sent = central ? 0 : random.nextInt(5000);
      long received = central ? hits + misses : random.nextInt(5000);
      obs.add(observation(truth, hits, misses, sent, received, 0, random));
      if (central) {
        obs.add(observation(truth, 0, 0, 0, 0, hits + misses + random.nextInt(100), random));
      }
    }
    Calibration.Cpu fit = Calibration.fit(obs);
    assertThat(fit.hit()).isCloseTo(truth.hit(), within(truth.hit() * 0.02));
    assertThat(fit.miss()).isCloseTo(truth.miss(), within(truth.miss() * 0.02));
    assertThat(fit.forwardSender()).isCloseTo(truth.forwardSender(), within(truth.forwardSender() * 0.02));
    assertThat(fit.forwardOwner()).isCloseTo(truth.forwardOwner(), within(truth.forwardOwner() * 0.05));
    assertThat(fit.relay()).isCloseTo(truth.relay(), within(truth.relay() * 0.02));
  }

  @Test
  void fitNeedsEveryKindAndNoCostBelowZero() {
    List<Calibration.Observation> noRelay = List.of(new Calibration.Observation(1, 10, 1, 1, 1, 0));
    assertThatThrownBy(() -> Calibration.fit(noRelay)).hasMessageStartingWith("fit: relayed is 0 in every observation");
    // exact data with a negative forward.owner cost: it is held at 0 and the rest still fits
    Calibration.Cpu truth = new Calibration.Cpu(0.001, 0.002, 0.003, 0, 0.004);
    List<Calibration.Observation> obs = new ArrayList<>();
    long[][] counts = {{10, 1, 3, 1, 0}, {20, 5, 0, 2, 0}, {5, 9, 8, 0, 0}, {0, 0, 0, 0, 30}, {7, 2, 1, 9, 0}};
    for (long[] c : counts) {
      double cpu = c[0] * 0.001 + c[1] * 0.002 + c[2] * 0.003 - c[3] * 0.0001 + c[4] * 0.004;
      obs.add(new Calibration.Observation(Math.max(0, cpu), c[0], c[1], c[2], c[3], c[4]));
    }
    Calibration.Cpu fit = Calibration.fit(obs);
    assertThat(fit.forwardOwner()).isZero();
    assertThat(fit.relay()).isCloseTo(truth.relay(), within(1e-9));
  }

  private static Calibration.Observation observation(Calibration.Cpu c, long hits, long misses, long sent,
      long received, long relayed, Random random) {
    double cpu = hits * c.hit() + misses * c.miss() + sent * c.forwardSender() + received * c.forwardOwner()
        + relayed * c.relay();
    return new Calibration.Observation(cpu * (1 + 0.002 * random.nextGaussian()), hits, misses, sent, received,
        relayed);
  }

  private Path write(String text) throws Exception {
    Path file = dir.resolve("calibration-" + System.nanoTime() + ".properties");
    Files.writeString(file, text, StandardCharsets.UTF_8);
    return file;
  }

  private Path writeUnchecked(String text) {
    try {
      return write(text);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
