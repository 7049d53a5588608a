package io.shoal.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The files of the deployment guide, run through the commands it tells users to run: the node's
 * {@code shoal.yaml} through {@code shoal node --check} and the front's through {@code shoal
 * front --mode kernel-dr --print}, neither of which binds or joins anything. The guide shows what
 * they print, so a renamed setting, a changed default or a changed output fails here.
 */
class DeployGuideTest {
  /** The guide in the repository; the tests run in the module's directory. */
  private static final Path GUIDE = Path.of("..", "docs", "deploy.md");
  private static final String NODE_FILE = "# shoal.yaml of node n1";
  private static final String FRONT_FILE = "# shoal.yaml of the front";
  private static final String[] FRONT_PRINT = {"--mode", "kernel-dr", "--print", "--vip", "10.0.0.100", "--device", "eth0"};

  @TempDir
  Path dir;

  @Test
  void nodeFileChecksWithTheClusterTheGuideDescribes() throws Exception {
    Run check = run("node", "--check", "--config", write(yamlBlock(NODE_FILE)).toString());

    assertThat(check.code).as("exit code; err: %s", check.err).isEqualTo(Shoal.OK);
    assertThat(check.out).startsWith("shoal node: configuration ok")
        .contains("node n1 (cache)", "admin 10.0.0.11:9090", "cluster shoal-prod as n1",
            "transport 10.0.0.11:7800 (failure detector on 7900)",
            "peers 10.0.0.11:7800, 10.0.0.12:7800, 10.0.0.13:7800", "peers forward to 10.0.0.11:3128");
    for (String line : check.out.strip().split("\n")) {
      assertThat(guide()).as("the guide shows what --check prints").contains(line.strip());
    }
  }

  @Test
  void frontFilePrintsTheRulesetOverTheThreeNodes() throws Exception {
    List<String> args = new ArrayList<>(List.of("front", "--config", write(yamlBlock(FRONT_FILE)).toString()));
    args.addAll(List.of(FRONT_PRINT));
    Run print = run(args.toArray(String[]::new));

    assertThat(print.code).as("exit code; err: %s", print.err).isEqualTo(Shoal.OK);
    String rule = print.out.lines().filter(l -> l.contains(" fwd ip to ")).findFirst().orElseThrow().strip();
    assertThat(rule).contains("ip daddr 10.0.0.100 tcp dport 3128",
        "map { 0 : 10.0.0.11, 1 : 10.0.0.12, 2 : 10.0.0.13 }");
    assertThat(print.out).contains("ip addr replace 10.0.0.100/32 dev lo", "sysctl -w net.ipv4.conf.all.arp_ignore=1",
        "sysctl -w net.ipv4.conf.all.arp_announce=2");
    for (String line : print.out.split("\n")) {
      if (!line.startsWith("ipvsadm -a")) {
        assertThat(guide()).as("the guide shows what --print prints").contains(line);
      }
    }
  }

  /** The same files with one key misspelt: refused at once, naming the key and its line. */
  @ParameterizedTest(name = "{0}: {1} -> {2}")
  @CsvSource(delimiter = '|', value = {
      "node|  bind-address:|  bind-adress:|unknown setting cluster.bind-adress",
      "node|  client-acl:|  client-acls:|unknown setting proxy.client-acls",
      "front|  nodes:|  node:|unknown setting front.node",
  })
  void aMisspeltKeyIsRefusedNamingIt(String command, String key, String misspelt, String message) throws Exception {
    String block = yamlBlock(command.equals("node") ? NODE_FILE : FRONT_FILE);
    assertThat(block).contains(key);
    Path file = write(block.replace(key, misspelt));
    List<String> args = new ArrayList<>(List.of(command, "--config", file.toString()));
    args.addAll(command.equals("node") ? List.of("--check") : List.of(FRONT_PRINT));
    Run refused = run(args.toArray(String[]::new));

    assertThat(refused.code).isEqualTo(Shoal.USAGE);
    assertThat(refused.err).contains("config " + file + ", line ").contains(message);
    assertThat(refused.out).doesNotContain("configuration ok").doesNotContain("nft");
  }

  /** The body of the one fenced {@code yaml} block whose first line starts with {@code marker}. */
  private static String yamlBlock(String marker) throws Exception {
    List<String> found = new ArrayList<>();
    List<String> lines = guide().lines().toList();
    for (int i = 0; i + 1 < lines.size(); i++) {
      if (lines.get(i).equals("```yaml") && lines.get(i + 1).startsWith(marker)) {
        StringBuilder body = new StringBuilder();
        for (int j = i + 1; j < lines.size() && !lines.get(j).startsWith("```"); j++) {
          body.append(lines.get(j)).append('\n');
        }
        found.add(body.toString());
      }
    }
    assertThat(found).as("```yaml blocks in %s starting with '%s'", GUIDE, marker).hasSize(1);
    return found.get(0);
  }

  private static String guide() throws Exception {
    return Files.readString(GUIDE);
  }

  private Path write(String text) throws Exception {
    Path file = Files.createTempFile(dir, "shoal", ".yaml");
    return Files.writeString(file, text);
  }

  private static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Shoal.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
    return new Run(code, out.toString(), err.toString());
  }

  private record Run(int code, String out, String err) {}
}
