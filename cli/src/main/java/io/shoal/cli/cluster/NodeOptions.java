package io.shoal.cli.cluster;

import io.shoal.cli.options.SizeConverter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Option;

/**
 * The options of the node processes a command starts, shared by {@code cluster} and {@code bench
 * paper}: cache memory, JVM options and any node setting. Their defaults differ per command: each
 * gives them in its own {@code SettingOptions} ({@code @Command(defaultValueProvider = ...)}).
 */
public final class NodeOptions {
  @Option(names = "--cache-size", paramLabel = "SIZE", converter = SizeConverter.class,
      description = "Cache memory per node (default: ${DEFAULT-VALUE}).")
  public long cacheSize;

  @Option(names = "--java-opts", paramLabel = "OPTS", description = "JVM options of each node process (default: '${DEFAULT-VALUE}').")
  public String javaOpts;

  @Option(names = "--set", paramLabel = "NAME=VALUE",
      description = "Any node setting, for every node (repeatable), e.g. --set proxy.allowed-destinations=127.0.0.1/32.")
  public Map<String, String> set = new LinkedHashMap<>();
}
