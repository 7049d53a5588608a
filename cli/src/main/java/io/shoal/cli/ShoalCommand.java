package io.shoal.cli;

import io.shoal.cli.hash.HashCommand;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;

/** {@code shoal}: the top-level command. Every subcommand is registered here, once. */
@Command(
    name = "shoal",
    mixinStandardHelpOptions = true,
    versionProvider = ShoalCommand.Version.class,
    description = "Shoal: a distributed Layer-7 content-aware proxy cache cluster.",
    subcommands = {
        HashCommand.class,
        io.shoal.cli.trace.TraceCommand.class,
        io.shoal.cli.node.NodeCommand.class,
        io.shoal.cli.cluster.ClusterCommand.class,
        io.shoal.cli.front.FrontCommand.class,
        io.shoal.cli.bench.BenchCommand.class,
    })
public final class ShoalCommand implements Runnable {

  @Spec
  CommandSpec spec;

  @Option(names = "--verbose", scope = ScopeType.INHERIT,
      description = "Print stack traces with errors.")
  boolean verbose;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "missing a command");
  }

  /** The version, from the build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      Properties p = new Properties();
      try (InputStream in = ShoalCommand.class.getResourceAsStream("/shoal-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      return new String[] {"shoal " + p.getProperty("version", "unknown")};
    }
  }
}
