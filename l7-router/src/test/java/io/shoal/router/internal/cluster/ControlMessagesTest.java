package io.shoal.router.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.shoal.router.LoadReport;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jgroups.Address;
import org.jgroups.util.UUID;
import org.junit.jupiter.api.Test;

/** Each control message type: its bytes, and the way to its handler. */
class ControlMessagesTest {
  /** One message of every type, with its type byte on the wire (nodes of different builds must agree). */
  static final Map<ControlMessage, Integer> SAMPLES = new LinkedHashMap<>();

  static {
    SAMPLES.put(new ControlMessage.Load("n1", new LoadReport(7, 0.25, 0.5, 120.5)), 1);
    SAMPLES.put(new ControlMessage.Drain("n2", true), 2);
    SAMPLES.put(new ControlMessage.SwitchRequest("ketama(points=160)"), 3);
    SAMPLES.put(new ControlMessage.Strategy("md5", 42), 4);
    SAMPLES.put(new ControlMessage.State("ht-rr(buckets=64)", 3, new byte[] {1, 2, 3, 0, -1}), 5);
    SAMPLES.put(new ControlMessage.Invalidate(99, "http://example.com/a?b"), 6);
    SAMPLES.put(new ControlMessage.Invalidated(99, true), 7);
  }

  @Test
  void everyMessageTypeHasASample() {
    assertThat(SAMPLES.keySet()).extracting(Object::getClass)
        .containsExactlyInAnyOrder(ControlMessage.class.getPermittedSubclasses());
  }

  @Test
  void everyMessageRoundTripsThroughItsBytesAndReachesTheHandlerOfItsType() {
    List<String> handled = new ArrayList<>();
    List<byte[]> reached = new ArrayList<>();
    Address sender = UUID.randomUUID();
    Dispatcher.Builder b = Dispatcher.builder();
    for (Class<?> type : ControlMessage.class.getPermittedSubclasses()) {
      b.on(type.asSubclass(ControlMessage.class), (m, from) -> {
        assertThat(from).isSameAs(sender);
        handled.add(type.getSimpleName() + " got " + m.getClass().getSimpleName());
        reached.add(ControlCodec.encode(m));
      });
    }
    Dispatcher dispatcher = b.build();
    for (Map.Entry<ControlMessage, Integer> e : SAMPLES.entrySet()) {
      ControlMessage sample = e.getKey();
      byte[] bytes = ControlCodec.encode(sample);
      assertThat(bytes[0]).as(sample.getClass().getSimpleName() + "'s type byte").isEqualTo(e.getValue().byteValue());
      byte[] framed = new byte[bytes.length + 5];
      System.arraycopy(bytes, 0, framed, 3, bytes.length);
      ControlMessage decoded = ControlCodec.decode(framed, 3, bytes.length);
      assertThat(decoded).isInstanceOf(sample.getClass());
      handled.clear();
      reached.clear();
      dispatcher.dispatch(decoded, sender);
      String name = sample.getClass().getSimpleName();
      assertThat(handled).containsExactly(name + " got " + name);
      assertThat(reached.get(0)).isEqualTo(bytes);
    }
  }

  @Test
  void aDispatcherWithoutAHandlerForEveryTypeIsRefused() {
    Dispatcher.Builder b = Dispatcher.builder();
    for (Class<?> type : ControlMessage.class.getPermittedSubclasses()) {
      if (type != ControlMessage.Drain.class) {
        b.on(type.asSubclass(ControlMessage.class), (m, from) -> { });
      }
    }
    assertThatThrownBy(b::build).hasMessage("control message Drain: no handler (expected: one per message type)");
    assertThatThrownBy(() -> b.on(ControlMessage.Load.class, (m, from) -> { }))
        .hasMessage("control message Load: a second handler (expected: one per message type)");
  }

  @Test
  void bytesThatAreNoControlMessageAreRefused() {
    assertThatThrownBy(() -> ControlCodec.decode(new byte[] {8}, 0, 1))
        .hasMessage("control message: type 8 (expected: 1-7)");
    byte[] load = ControlCodec.encode(new ControlMessage.Load("n1", LoadReport.inFlight(3)));
    assertThatThrownBy(() -> ControlCodec.decode(load, 0, load.length - 1))
        .hasMessage("control message: truncated (" + (load.length - 1) + " bytes)");
  }
}
