package io.shoal.router.internal.cluster;

import io.shoal.router.Peer;
import java.net.InetSocketAddress;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.jgroups.Address;
import org.jgroups.BytesMessage;
import org.jgroups.Event;
import org.jgroups.JChannel;
import org.jgroups.Message;
import org.jgroups.Receiver;
import org.jgroups.View;
import org.jgroups.stack.IpAddress;

/**
 * The JGroups channel of one node: its stack, its address with the node's metadata, control
 * messages sent as bytes, and received ones decoded and handed to a {@link Dispatcher}.
 */
final class Transport implements AutoCloseable {
  private static final Logger LOG = Logger.getLogger(Transport.class.getName());

  private final String selfId;
  private final JChannel channel;

  /**
   * A channel over the stack of {@code settings}, not connected yet.
   *
   * @throws IllegalArgumentException when the bind address does not resolve
   */
  Transport(JGroupsStack.Settings settings, Peer self, boolean relay) throws Exception {
    this.selfId = self.id();
    this.channel = new JChannel(JGroupsStack.build(settings));
    channel.name(self.id());
    channel.addAddressGenerator(MemberMetadata.of(self, relay));
  }

  /** Joins {@code cluster}: views go to {@code onView}, messages to {@code dispatcher}. Blocks up to the join timeout. */
  void connect(String cluster, Consumer<View> onView, Dispatcher dispatcher) throws Exception {
    channel.setReceiver(new Receiver() {
      @Override
      public void viewAccepted(View view) {
        onView.accept(view);
      }

      @Override
      public void receive(Message msg) {
        Transport.this.receive(msg, dispatcher);
      }
    });
    channel.connect(cluster);
  }

  /** This node's address (null before {@link #connect}). */
  Address address() {
    return channel.getAddress();
  }

  /** The view the channel installed last. */
  View view() {
    return channel.getView();
  }

  /** The physical address the channel listens on. */
  InetSocketAddress physicalAddress() {
    Object physical = channel.down(new Event(Event.GET_PHYSICAL_ADDRESS, channel.getAddress()));
    if (physical instanceof IpAddress ip) {
      return new InetSocketAddress(ip.getIpAddress(), ip.getPort());
    }
    throw new IllegalStateException("no physical address yet");
  }

  /** Sends {@code m} to {@code to}, or to every member when {@code to} is null; a failure is logged. */
  void send(Address to, ControlMessage m) {
    try {
      channel.send(new BytesMessage(to, ControlCodec.encode(m)));
    } catch (Exception e) {
      if (channel.isConnected()) {
        LOG.log(Level.WARNING, selfId + ": cannot send " + m.getClass().getSimpleName(), e);
      }
    }
  }

  @Override
  public void close() {
    channel.close();
  }

  private void receive(Message msg, Dispatcher dispatcher) {
    ControlMessage m;
    try {
      m = ControlCodec.decode(msg.getArray(), msg.getOffset(), msg.getLength());
    } catch (IllegalArgumentException e) {
      LOG.warning(selfId + ": dropped a control message from " + msg.src() + ": " + e.getMessage());
      return;
    }
    try {
      dispatcher.dispatch(m, msg.src());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, selfId + ": control message " + m + " from " + msg.src() + " failed", e);
    }
  }
}
