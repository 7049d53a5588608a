package io.shoal.cli.cluster;

import io.shoal.cli.options.SizeConverter;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;

/**
 * The options of the node processes a command starts, shared by {@code cluster} and {@code bench
 * paper}: cache memory, JVM options and any node setting. Their defaults differ per command: each
 * names a {@link Defaults} of its own in {@code @Command(defaultValueProvider = ...)}.
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

  /** The defaults of {@code --cache-size} and {@code --java-opts} in one command. */
  public abstract static class Defaults implements IDefaultValueProvider {
    private final String cacheSize;
    private final String javaOpts;

    protected Defaults(String cacheSize, String javaOpts) {
      this.cacheSize = cacheSize;
      this.javaOpts = javaOpts;
    }

    @Override
    public String defaultValue(ArgSpec arg) {
      if (!(arg instanceof OptionSpec o)) {
        return null;
      }
      return switch (o.longestName()) {
        case "--cache-size" -> cacheSize;
        case "--java-opts" -> javaOpts;
        default -> null;
      };
    }
  }
}
