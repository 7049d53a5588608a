package io.shoal.cli.front;

import io.shoal.front.FrontConfig;
import io.shoal.front.NodeAddress;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Option;

/**
 * How {@code shoal front} relays in userspace: timeouts, limits, health checks, PROXY headers,
 * draining. Every option but {@code --drain} stands for a {@code front.*} setting: {@link
 * FrontCommand.Defaults} gives its default, checks a given value and passes it on as an override
 * of the configuration, so the fields themselves are only declarations.
 */
final class RelayOptions {
  @Option(names = "--idle-timeout", paramLabel = "DURATION",
      description = "Close connections idle this long, e.g. 300s, 5m (default: ${DEFAULT-VALUE}).")
  String idleTimeout;

  @Option(names = "--connect-timeout", paramLabel = "DURATION",
      description = "Node connect timeout (default: ${DEFAULT-VALUE}).")
  String connectTimeout;

  @Option(names = "--max-connections", description = "Most client connections at once (default: ${DEFAULT-VALUE}).")
  String maxConnections;

  @Option(names = "--max-per-client", description = "Most connections from one client address (default: ${DEFAULT-VALUE}).")
  String maxPerClient;

  @Option(names = "--health-interval", paramLabel = "DURATION",
      description = "Health check interval (default: ${DEFAULT-VALUE}).")
  String healthInterval;

  @Option(names = "--rise", description = "Good checks that bring a node back (default: ${DEFAULT-VALUE}).")
  String rise;

  @Option(names = "--fall", description = "Failed checks that take a node down (default: ${DEFAULT-VALUE}).")
  String fall;

  @Option(names = "--health-path", paramLabel = "PATH", description = "Check with HTTP GET PATH (2xx passes) instead of a TCP connect, e.g. /health.")
  String healthPath;

  @Option(names = "--proxy-protocol", description = "Send a PROXY protocol v2 header to the nodes.")
  boolean proxyProtocol;

  @Option(names = "--drain", split = ",", paramLabel = "HOST:PORT", description = "Start with these nodes draining.")
  List<String> drain = new ArrayList<>();

  @Option(names = "--transport", description = "auto (epoll where available), epoll or nio.")
  String transport;

  /**
   * Sets what only the command line gives on {@code b}: the nodes to start draining.
   *
   * @throws IllegalArgumentException naming a bad node
   */
  FrontConfig.Builder applyTo(FrontConfig.Builder b) {
    drain.forEach(d -> b.drain(NodeAddress.parse(d)));
    return b;
  }
}
