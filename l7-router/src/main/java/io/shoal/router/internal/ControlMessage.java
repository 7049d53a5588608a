package io.shoal.router.internal;

import io.shoal.router.LoadReport;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/** The control-plane messages nodes exchange over the JGroups channel, and their byte layout. */
public sealed interface ControlMessage {
  byte LOAD = 1;
  byte DRAIN = 2;
  byte SWITCH_REQUEST = 3;
  byte STRATEGY = 4;
  byte STATE = 5;
  byte INVALIDATE = 6;
  byte INVALIDATED = 7;

  /** A node's load report. */
  record Load(String node, LoadReport report) implements ControlMessage {}

  /** A node starts (or stops) draining. */
  record Drain(String node, boolean draining) implements ControlMessage {}

  /** Asks the coordinator to switch the cluster's strategy. */
  record SwitchRequest(String spec) implements ControlMessage {}

  /** The coordinator's strategy: every node adopts it. */
  record Strategy(String spec, long generation) implements ControlMessage {}

  /** The coordinator's strategy state, encoded by {@link StateCodec}. */
  record State(String spec, long generation, byte[] state) implements ControlMessage {}

  /** Invalidate {@code key} on its owner; answered with {@link Invalidated}. */
  record Invalidate(long id, String key) implements ControlMessage {}

  record Invalidated(long id, boolean removed) implements ControlMessage {}

  /** The bytes of {@code m}. */
  static byte[] encode(ControlMessage m) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (m instanceof Load l) {
        out.writeByte(LOAD);
        out.writeUTF(l.node);
        out.writeLong(l.report.inFlight());
        out.writeDouble(l.report.cpu());
        out.writeDouble(l.report.cacheFill());
        out.writeDouble(l.report.requestRate());
      } else if (m instanceof Drain d) {
        out.writeByte(DRAIN);
        out.writeUTF(d.node);
        out.writeBoolean(d.draining);
      } else if (m instanceof SwitchRequest s) {
        out.writeByte(SWITCH_REQUEST);
        out.writeUTF(s.spec);
      } else if (m instanceof Strategy s) {
        out.writeByte(STRATEGY);
        out.writeUTF(s.spec);
        out.writeLong(s.generation);
      } else if (m instanceof State s) {
        out.writeByte(STATE);
        out.writeUTF(s.spec);
        out.writeLong(s.generation);
        out.writeInt(s.state.length);
        out.write(s.state);
      } else if (m instanceof Invalidate i) {
        out.writeByte(INVALIDATE);
        out.writeLong(i.id);
        out.writeUTF(i.key);
      } else if (m instanceof Invalidated i) {
        out.writeByte(INVALIDATED);
        out.writeLong(i.id);
        out.writeBoolean(i.removed);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * The message in {@code bytes}.
   *
   * @throws IllegalArgumentException when the bytes are not a control message
   */
  static ControlMessage decode(byte[] bytes, int offset, int length) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
      byte type = in.readByte();
      return switch (type) {
        case LOAD -> new Load(in.readUTF(), new LoadReport(in.readLong(), in.readDouble(), in.readDouble(), in.readDouble()));
        case DRAIN -> new Drain(in.readUTF(), in.readBoolean());
        case SWITCH_REQUEST -> new SwitchRequest(in.readUTF());
        case STRATEGY -> new Strategy(in.readUTF(), in.readLong());
        case STATE -> {
          String spec = in.readUTF();
          long generation = in.readLong();
          byte[] state = new byte[in.readInt()];
          in.readFully(state);
          yield new State(spec, generation, state);
        }
        case INVALIDATE -> new Invalidate(in.readLong(), in.readUTF());
        case INVALIDATED -> new Invalidated(in.readLong(), in.readBoolean());
        default -> throw new IllegalArgumentException("control message: type " + type + " (expected: 1-7)");
      };
    } catch (IOException e) {
      throw new IllegalArgumentException("control message: truncated (" + length + " bytes)", e);
    }
  }
}
