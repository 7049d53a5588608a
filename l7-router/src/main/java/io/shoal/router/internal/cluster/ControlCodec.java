package io.shoal.router.internal.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The byte layout of a {@link ControlMessage}: its type byte, then the fields it writes itself.
 * Every message type has one line in {@link #KINDS}; a type without one fails this class's
 * initialization.
 */
public final class ControlCodec {
  private static final List<Kind<?>> KINDS = List.of(
      new Kind<>(1, ControlMessage.Load.class, ControlMessage.Load::read),
      new Kind<>(2, ControlMessage.Drain.class, ControlMessage.Drain::read),
      new Kind<>(3, ControlMessage.SwitchRequest.class, ControlMessage.SwitchRequest::read),
      new Kind<>(4, ControlMessage.Strategy.class, ControlMessage.Strategy::read),
      new Kind<>(5, ControlMessage.State.class, ControlMessage.State::read),
      new Kind<>(6, ControlMessage.Invalidate.class, ControlMessage.Invalidate::read),
      new Kind<>(7, ControlMessage.Invalidated.class, ControlMessage.Invalidated::read));
  private static final Map<Class<?>, Kind<?>> BY_CLASS = new HashMap<>();
  private static final Map<Byte, Kind<?>> BY_TYPE = new HashMap<>();

  static {
    for (Kind<?> k : KINDS) {
      if (BY_CLASS.put(k.messageClass, k) != null || BY_TYPE.put(k.type, k) != null) {
        throw new IllegalStateException("control message " + k.messageClass.getSimpleName() + " or type "
            + k.type + " listed twice (expected: one type byte per message)");
      }
    }
    for (Class<?> c : ControlMessage.class.getPermittedSubclasses()) {
      if (!BY_CLASS.containsKey(c)) {
        throw new IllegalStateException("control message " + c.getSimpleName() + ": no type byte (expected: a line in KINDS)");
      }
    }
  }

  private ControlCodec() {}

  /** Reads one message type's fields. */
  private interface Reader<M extends ControlMessage> {
    M read(DataInput in) throws IOException;
  }

  private record Kind<M extends ControlMessage>(byte type, Class<M> messageClass, Reader<M> reader) {
    Kind(int type, Class<M> messageClass, Reader<M> reader) {
      this((byte) type, messageClass, reader);
    }
  }

  /** The bytes of {@code m}. */
  public static byte[] encode(ControlMessage m) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      out.writeByte(BY_CLASS.get(m.getClass()).type);
      m.write(out);
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
  public static ControlMessage decode(byte[] bytes, int offset, int length) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes, offset, length))) {
      byte type = in.readByte();
      Kind<?> kind = BY_TYPE.get(type);
      if (kind == null) {
        throw new IllegalArgumentException("control message: type " + type + " (expected: 1-" + KINDS.size() + ")");
      }
      return kind.reader.read(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("control message: truncated (" + length + " bytes)", e);
    }
  }
}
