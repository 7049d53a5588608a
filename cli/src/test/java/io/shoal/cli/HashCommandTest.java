package io.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code shoal hash} commands, run in-process as a user would type them. */
class HashCommandTest {

  /** What one run printed and returned. */
  record Run(int code, String out, String err) {}

  static Run shoal(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Shoal.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }

  @Test
  void ownerPrintsTheCandidateListOwnerFirst() {
    Run run = shoal("hash", "owner", "--strategy", "carp", "--members",
        "test1.ircache.net,test2.web-cache.com,test3.squid-cache.org,test4.packet-pushers.com",
        "--weights", "1,1,2,3", "http://www.squid-cache.org/");
    assertThat(run.code()).isZero();
    assertThat(run.out()).startsWith("http://www.squid-cache.org/\ttest4.packet-pushers.com,");
    assertThat(run.out().strip().split("\t")[1].split(",")).hasSize(4);
  }

  @Test
  void ownerAnswersEachKey() {
    Run run = shoal("hash", "owner", "--strategy", "md5", "--members", "a,b,c,d", "test", "test");
    assertThat(run.out().lines().toList()).containsExactly("test\tb,c,d,a", "test\tb,c,d,a");
    Run ketama = shoal("hash", "owner", "--members", "127.0.0.1:11211,127.0.0.1:11212", "--weights", "600,400", "test");
    assertThat(ketama.out()).isEqualTo("test\t127.0.0.1:11211,127.0.0.1:11212" + System.lineSeparator());
  }

  @Test
  void usageErrorsAreOneLineAndExitTwo() {
    Run unknown = shoal("hash", "owner", "--strategy", "nope", "--members", "a", "k");
    assertThat(unknown.code()).isEqualTo(2);
    assertThat(unknown.err().lines()).hasSize(1);
    assertThat(unknown.err()).startsWith("shoal hash owner: strategy: \"nope\" (expected one of: ");
    Run weights = shoal("hash", "owner", "--members", "a,b", "--weights", "1", "k");
    assertThat(weights.code()).isEqualTo(2);
    assertThat(weights.err()).startsWith("shoal hash owner: --weights: 1 values for 2 members (expected: one per member)");
    Run duplicate = shoal("hash", "owner", "--members", "a,a", "k");
    assertThat(duplicate.err()).startsWith("shoal hash owner: view: duplicate member id 'a'");
    Run missing = shoal("hash");
    assertThat(missing.code()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("shoal hash: missing a command (see 'shoal hash --help')" + System.lineSeparator());
    assertThat(shoal("hash", "compare", "--random", "10", "--keys", "x").code()).isEqualTo(2);
  }

  @Test
  void runtimeFailuresExitOneWithoutAStackTraceUnlessVerbose(@TempDir Path dir) {
    String missing = dir.resolve("missing.txt").toString();
    Run quiet = shoal("hash", "compare", "--keys", missing, "--nodes", "4", "--strategies", "md5");
    assertThat(quiet.code()).isEqualTo(1);
    assertThat(quiet.err().lines()).hasSize(1);
    assertThat(quiet.err()).startsWith("shoal hash compare: ").contains("missing.txt");
    Run verbose = shoal("--verbose", "hash", "compare", "--keys", missing, "--nodes", "4", "--strategies", "md5");
    assertThat(verbose.code()).isEqualTo(1);
    assertThat(verbose.err()).contains("\tat ");
  }

  @Test
  void helpAndVersionExitZero() {
    assertThat(shoal("--version").out()).startsWith("shoal ");
    Run help = shoal("hash", "compare", "--help");
    assertThat(help.code()).isZero();
    assertThat(help.out()).contains("--trace=FORMAT:PATH", "--random=N", "--nodes=N");
    assertThat(shoal("hash", "strategies").out().lines()).hasSize(12);
  }

  @Test
  void compareOnTheBundledBuTracePrintsOneRowPerStrategy() {
    Run run = shoal("hash", "compare", "--trace", "webcachesim:classpath:traces/bu-1998-webcachesim.tr.gz",
        "--nodes", "8", "--strategies", "md5,ketama,maglev(size=251)");
    assertThat(run.code()).as(run.err()).isZero();
    List<String> lines = run.out().lines().toList();
    assertThat(lines.get(0)).startsWith("66987 requests, 36815 distinct keys with sizes, 8 nodes");
    assertThat(lines).hasSize(6);
    String ketama = lines.get(4);
    assertThat(ketama).startsWith("ketama ");
    double movedOnAdd = Double.parseDouble(ketama.trim().split("\\s+")[6]);
    assertThat(movedOnAdd).isBetween(1 / 9.0 - 0.04, 1 / 9.0 + 0.04);
    double md5MovedOnAdd = Double.parseDouble(lines.get(3).trim().split("\\s+")[6]);
    assertThat(md5MovedOnAdd).isGreaterThan(0.8);
    assertThat(lines.get(5)).startsWith("maglev(size=251) ");
  }

  @Test
  void compareReadsAUrlListWithSizes(@TempDir Path dir) throws Exception {
    Path keys = dir.resolve("keys.txt");
    Files.writeString(keys, "http://a.example/1 100\nhttp://a.example/2 300\nhttp://a.example/1 100\n");
    Run run = shoal("hash", "compare", "--keys", keys.toString(), "--members", "x,y", "--strategies", "local");
    assertThat(run.code()).as(run.err()).isZero();
    assertThat(run.out()).startsWith("3 requests, 2 distinct keys with sizes, 2 nodes");
    // Everything on one node: keys max/mean 2.0, requests 2.0, bytes 2.0.
    assertThat(run.out().lines().toList().get(3).trim().split("\\s+")).startsWith("local(self=)", "2.000", "1.000",
        "2.000", "2.000", "1.000");
  }
}
