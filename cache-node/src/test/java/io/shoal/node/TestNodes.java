package io.shoal.node;

import java.util.LinkedHashMap;
import java.util.Map;

/** Nodes for tests: loopback only, ephemeral ports, loopback origins allowed, short shutdown. */
final class TestNodes {
  private TestNodes() {}

  static CacheNode start(String... settings) {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("node.id", "test-node");
    m.put("proxy.host", "127.0.0.1");
    m.put("proxy.port", "0");
    m.put("admin.port", "0");
    m.put("proxy.allowed-destinations", "127.0.0.0/8");
    m.put("shutdown.timeout", "2s");
    for (int i = 0; i < settings.length; i += 2) {
      m.put(settings[i], settings[i + 1]);
    }
    return CacheNode.start(NodeConfig.of(m));
  }
}
