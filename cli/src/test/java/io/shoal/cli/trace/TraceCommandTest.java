package io.shoal.cli.trace;

import static org.assertj.core.api.Assertions.assertThat;

import io.shoal.cli.Shoal;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code shoal trace ...} run in-process, as a user would. */
class TraceCommandTest {
  private static final String BU = "webcachesim:classpath:bu-1998-webcachesim.tr.gz";

  @TempDir
  Path dir;

  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    out.getBuffer().setLength(0);
    err.getBuffer().setLength(0);
    return Shoal.run(new PrintWriter(out), new PrintWriter(err), args);
  }

  @Test
  void statsOfTheBundledBuTrace() {
    assertThat(run("trace", "stats", "--top", "3", BU)).isZero();
    assertThat(out.toString())
        .contains("requests         66,987\n")
        .contains("objects          36,815\n")
        .contains("one-timers       29,858 (81.1% of objects, 44.6% of requests)\n")
        .contains("ideal hit ratio  45.04% (an infinite cache)\n")
        .contains("ideal byte hit   42.56% (an infinite cache)\n")
        .contains("    1      1,031   1.54%")
        .contains("zipf exponent    0.");
    assertThat(err.toString()).isEmpty();
  }

  @Test
  void badSpecIsAUsageError() {
    assertThat(run("trace", "stats", "parquet:x")).isEqualTo(Shoal.USAGE);
    assertThat(err.toString()).startsWith("shoal trace stats: trace: \"parquet:x\": trace format:"
        + " \"parquet\" (expected one of: squid, clf, combined, ucb, webcachesim, surge, urls,"
        + " weighted)");
    assertThat(run("trace", "stats", "bu.tr")).isEqualTo(Shoal.USAGE);
  }

  @Test
  void unreadableTraceIsAOneLineFailure() throws Exception {
    Path missing = dir.resolve("missing.tr");
    assertThat(run("trace", "stats", "squid:" + missing)).isEqualTo(Shoal.FAILURE);
    assertThat(err.toString()).isEqualTo("shoal trace stats: " + missing + ": no such file\n");
    Path bad = Files.writeString(dir.resolve("bad.tr"), "1 2 3\n1 2 x\n");
    assertThat(run("trace", "stats", "webcachesim:" + bad)).isEqualTo(Shoal.FAILURE);
    assertThat(err.toString()).isEqualTo("shoal trace stats: " + bad
        + ", line 2: size: \"x\" (expected: an integer >= 0)\n");
  }

  @Test
  void genIsDeterministicAndStatsReadsItBack() throws Exception {
    Path a = dir.resolve("a.tr");
    Path b = dir.resolve("b.tr.gz");
    assertThat(run("trace", "gen", "surge", "--files", "300", "--requests", "20000", "--seed",
        "7", "-o", a.toString())).isZero();
    assertThat(out.toString()).isEqualTo("wrote 20,000 requests for 300 files to webcachesim:"
        + a + "\n");
    assertThat(run("trace", "gen", "surge", "--files", "300", "--requests", "20000", "--seed",
        "7", "-o", "webcachesim:" + b)).isZero();
    assertThat(run("trace", "convert", "webcachesim:" + b, "-o", "webcachesim:-")).isZero();
    assertThat(out.toString()).isEqualTo(Files.readString(a));
    assertThat(run("trace", "stats", "webcachesim:" + a)).isZero();
    assertThat(out.toString()).contains("requests         20,000\n")
        .contains("objects          300\n");
  }

  @Test
  void genChecksItsArguments() {
    assertThat(run("trace", "gen", "prowgen")).isEqualTo(Shoal.USAGE);
    assertThat(err.toString()).startsWith("shoal trace gen: MODEL: \"prowgen\" (expected: surge)");
    assertThat(run("trace", "gen", "surge", "--files", "0")).isEqualTo(Shoal.USAGE);
    assertThat(err.toString()).startsWith("shoal trace gen: files: 0 (expected: > 0)");
  }

  @Test
  void convertKeepsWhatBothFormatsCarry() throws Exception {
    Path squid = dir.resolve("bu.log.xz");
    assertThat(run("trace", "convert", BU, "-o", "squid:" + squid)).isZero();
    assertThat(out.toString()).isEqualTo("wrote 66,987 requests to squid:" + squid + "\n");
    assertThat(run("trace", "stats", "squid:" + squid)).isZero();
    assertThat(out.toString()).contains("requests         66,987\n")
        .contains("objects          36,815\n")
        .contains("ideal byte hit   42.56%");
    assertThat(run("trace", "convert", BU, "-o", "ucb:" + dir.resolve("x"))).isEqualTo(Shoal.USAGE);
    assertThat(err.toString()).contains("format ucb cannot be written");
  }

  @Test
  void topKeepsTheMostRequestedWithTheirWeights() throws Exception {
    Path top = dir.resolve("top100.txt");
    assertThat(run("trace", "top", "--files", "100", BU, "-o", top.toString())).isZero();
    List<String> lines = Files.readAllLines(top);
    assertThat(lines).hasSize(101);
    assertThat(lines.get(0)).startsWith("# weighted trace: count size key; the 100 most requested"
        + " of 36815 objects, ");
    assertThat(lines.get(1)).isEqualTo("1031 " + lines.get(1).split(" ")[1] + " 134");
    long total = lines.stream().skip(1).mapToLong(l -> Long.parseLong(l.split(" ")[0])).sum();
    assertThat(run("trace", "stats", "weighted:" + top)).isZero();
    assertThat(out.toString()).contains(String.format(java.util.Locale.ROOT,
        "requests         %,d%n", total)).contains("objects          100\n");
  }

  @Test
  void formatsListsTheRegistry() {
    assertThat(run("trace", "formats")).isZero();
    assertThat(out.toString()).contains("webcachesim  yes    time,key,size")
        .contains("ucb          no     time,client,method,key,size");
  }
}
