package io.shoal.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.bench.paper.Arch;
import io.shoal.bench.simulate.Calibration;
import io.shoal.bench.simulate.SimulationGrid;
import io.shoal.cli.Shoal;
import java.awt.image.BufferedImage;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shoal bench simulate} in process: the tables, files and charts of a small grid, and bad input. */
class BenchSimulateCommandTest {
  private static final String REQUESTS = "3000";

  @TempDir
  Path dir;
  private Path calibration;

  @BeforeEach
  void writeCalibration() {
    calibration = dir.resolve("calibration.properties");
    Calibration.builder().linkBitsPerSecond(20_000_000).linkEfficiency(0.9).hostCpu(0.3).machineCores(2)
        .connectionsPerServer(16).cacheBytes(64L << 20).warmupSeconds(1).runSeconds(5)
        .trace("bu", BenchPaperCommand.BU, new Calibration.Cpu(0.0002, 0.0006, 0.0003, 0.0001, 0.00025))
        .build().write(calibration);
  }

  record Run(int code, String out, String err) {}

  static Run shoal(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Shoal.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  /**
   * Measured runs beside the calibration at 80% of what the model predicts for the testbed: every
   * matched cell is +25% off, and so is the largest error at 4 and 8 nodes.
   */
  @Test
  void predictsTheGridAndComparesWithTheMeasuredRuns() throws Exception {
    SimulationGrid grid = SimulationGrid.builder(Calibration.read(calibration)).requests(Long.parseLong(REQUESTS))
        .build();
    List<String> csv = new ArrayList<>(List.of("trace_name,servers,arch,strategy,column,label,requests_per_s,errors"));
    for (int n : List.of(1, 4, 8)) {
      for (Arch a : Arch.values()) {
        double predicted = grid.testbed("bu", n, "ketama", a).prediction().requestsPerSecond();
        csv.add(String.format(Locale.ROOT, "bu,%d,%s,ketama,x,\"bu/x,y\",%.6f,0", n, a.id(), predicted * 0.8));
      }
    }
    csv.add("surge,4,distributed,ketama,AS-MIT_CH,s,100.0,0");
    Files.write(dir.resolve("runs.csv"), csv, StandardCharsets.UTF_8);
    Path out = dir.resolve("out");

    Run r = shoal("bench", "simulate", "--calibration", calibration.toString(), "--out", out.toString(),
        "--nodes", "1,2,4,8,64", "--strategies", "ketama,round-robin", "--requests", REQUESTS);

    assertThat(r.code()).as("stdout: %s\nstderr: %s", r.out(), r.err()).isEqualTo(Shoal.OK);
    assertThat(r.err()).contains("shoal bench simulate: 20 cells, 6 measured runs compared");
    String reqs = r.out().substring(r.out().indexOf("predicted, bu: requests/s"));
    assertThat(reqs.lines().skip(1).findFirst().orElseThrow().split("\\s+"))
        .containsExactly("Server", "#", "MIT_CH", "RR", "AS-MIT_CH", "AS-RR");
    assertThat(reqs.lines().skip(2).limit(5).map(l -> l.split("\\s+")[0])).containsExactly("1", "2", "4", "8", "64");
    assertThat(r.out()).contains("predicted, bu: Mbit/s (bodies)", "predicted, bu: improvement of requests/s",
        "predicted, bu: the resource that bounds each cell", "predicted, every cell",
        "predicted (the testbed: every host on the calibrated machine's cores) vs measured requests/s");
    List<String> compare = r.out().lines().dropWhile(l -> !l.startsWith("predicted (the testbed")).skip(2)
        .takeWhile(l -> !l.isBlank()).toList();
    assertThat(compare).hasSize(6).allSatisfy(l -> assertThat(l).contains(" +25.0 "));
    assertThat(r.out()).contains("max |error| at 4 and 8 nodes: 25.0%");

    for (String f : List.of("tables.txt", "tables.csv", "cells.csv", "compare.csv")) {
      assertThat(out.resolve(f)).isNotEmptyFile();
    }
    List<String> cells = Files.readAllLines(out.resolve("cells.csv"));
    assertThat(cells).hasSize(1 + 20);
    assertThat(cells.get(0)).isEqualTo("trace_name,servers,arch,strategy,column,requests_per_s,mbit_per_s,hit_ratio,"
        + "forwarded_share,max_owner_share,bound_by");
    for (String line : cells.subList(1, cells.size())) {
      String[] f = line.split(",");
      assertThat(Double.parseDouble(f[5])).as(line).isPositive();
      assertThat(f[10]).as(line).matches("(link:[a-z0-9]+:(egress|ingress)|cpu:[a-z0-9]+|clients)");
    }
    for (String png : List.of("bu-requests_per_s.png", "bu-mbit_per_s.png")) {
      BufferedImage image = ImageIO.read(out.resolve(png).toFile());
      assertThat(image.getWidth()).as(png).isGreaterThan(400);
    }
  }

  @Test
  void badInputIsOneLineAndAnExitCode() throws Exception {
    String cal = calibration.toString();
    String out = dir.resolve("out").toString();
    expect(shoal("bench", "simulate", "--calibration", cal, "--out", out, "--strategies", "nope"), Shoal.USAGE,
        "shoal bench simulate: strategy: \"nope\" (expected one of: ");
    expect(shoal("bench", "simulate", "--calibration", cal, "--out", out, "--traces", "surge"), Shoal.USAGE,
        "shoal bench simulate: trace: \"surge\" (expected: one of the calibration's: bu)");
    expect(shoal("bench", "simulate", "--calibration", cal, "--out", out, "--arch", "mesh"), Shoal.USAGE,
        "shoal bench simulate: arch: \"mesh\" (expected: one of centralized, distributed)");
    expect(shoal("bench", "simulate", "--calibration", cal, "--out", out, "--nodes", "0"), Shoal.USAGE,
        "shoal bench simulate: nodes: 0 (expected: 1-4096)");
    expect(shoal("bench", "simulate", "--out", out), Shoal.USAGE,
        "shoal bench simulate: Missing required option: '--calibration=FILE'");
    Path missing = dir.resolve("none.properties");
    expect(shoal("bench", "simulate", "--calibration", missing.toString(), "--out", out), Shoal.FAILURE,
        "shoal bench simulate: calibration " + missing + ": cannot read (java.nio.file.NoSuchFileException");
    Path bad = dir.resolve("bad.properties");
    Files.writeString(bad, Files.readString(calibration).replace("host.cpu=0.3", "host.cpu=lots"));
    expect(shoal("bench", "simulate", "--calibration", bad.toString(), "--out", out), Shoal.FAILURE,
        "shoal bench simulate: calibration " + bad + ": line 11: key \"host.cpu\": \"lots\" (expected: a number > 0:");
    Path runs = dir.resolve("runs.csv");
    Files.writeString(runs, "trace_name,servers,arch,strategy\r\nbu,1,distributed,ketama\r\n");
    expect(shoal("bench", "simulate", "--calibration", cal, "--out", out, "--nodes", "1", "--requests", "100"),
        Shoal.FAILURE, "shoal bench simulate: runs " + runs + ": no column requests_per_s (expected: a CSV header with"
            + " trace_name, servers, arch, strategy, requests_per_s)");
    expect(shoal("bench", "simulate", "--calibration", cal, "--out", out, "--measured", dir.resolve("x.csv").toString()),
        Shoal.FAILURE, "shoal bench simulate: runs " + dir.resolve("x.csv") + ": cannot read");
  }

  private static void expect(Run r, int code, String message) {
    assertThat(r.code()).as("stdout: %s\nstderr: %s", r.out(), r.err()).isEqualTo(code);
    assertThat(r.err()).startsWith(message);
    assertThat(r.err().lines().count()).as(r.err()).isEqualTo(1);
  }
}
