package io.shoal.it.front;

import io.shoal.front.Front;
import io.shoal.front.FrontConfig;
import io.shoal.front.NodeAddress;
import java.net.InetSocketAddress;
import java.time.Duration;

/**
 * The userspace front run inside a front namespace: {@code FrontProcess PORT NODE...}. Listens on
 * every address of the namespace (so also on a VIP that keepalived adds later), prints
 * {@code ready} and relays until killed.
 */
public final class FrontProcess {
  private FrontProcess() {}

  public static void main(String[] args) throws InterruptedException {
    FrontConfig.Builder b = FrontConfig.builder().listen(new InetSocketAddress(Integer.parseInt(args[0])))
        .healthInterval(Duration.ofMillis(500));
    for (int i = 1; i < args.length; i++) {
      b.node(NodeAddress.parse(args[i]));
    }
    Front.start(b.build());
    System.out.println("ready");
    System.out.flush();
    Thread.currentThread().join();
  }
}
