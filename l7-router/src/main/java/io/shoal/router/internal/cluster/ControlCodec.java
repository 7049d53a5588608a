package io.shoal.router.internal.cluster;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInput;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/**
 * The byte layout of a {@link ControlMessage}: its type byte, then the fields it writes itself.
 * Every record of {@link ControlMessage} declares its {@link Kind} as {@code static final KIND};
 * one without, or two with the same type byte, fail this class's initialization.
 */
public final class ControlCodec {
  private static final Map<Class<?>, Kind<?>> BY_CLASS = new HashMap<>();
  private static final Map<Byte, Kind<?>> BY_TYPE = new HashMap<>();

  static {
    for (Class<?> c : ControlMessage.class.getPermittedSubclasses()) {
      Kind<?> k = kindOf(c);
      if (BY_CLASS.put(c, k) != null || BY_TYPE.put(k.type, k) != null || k.messageClass != c) {
        throw new IllegalStateException("control message " + c.getSimpleName() + ": type " + k.type
            + " (expected: a type byte of its own, in its own KIND)");
      }
    }
  }

  private ControlCodec() {}

  /** Reads one message type's fields. */
  interface Reader<M extends ControlMessage> {
    M read(DataInput in) throws IOException;
  }

  /** A message type: its type byte, its record and how its fields are read. */
  record Kind<M extends ControlMessage>(byte type, Class<M> messageClass, Reader<M> reader) {
    Kind(int type, Class<M> messageClass, Reader<M> reader) {
      this((byte) type, messageClass, reader);
    }
  }

  private static Kind<?> kindOf(Class<?> message) {
    try {
      return (Kind<?>) message.getDeclaredField("KIND").get(null);
    } catch (ReflectiveOperationException | ClassCastException e) {
      throw new IllegalStateException("control message " + message.getSimpleName()
          + ": no type byte (expected: static final ControlCodec.Kind KIND in the record)", e);
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
        throw new IllegalArgumentException("control message: type " + type + " (expected: "
            + Collections.min(BY_TYPE.keySet()) + "-" + Collections.max(BY_TYPE.keySet()) + ")");
      }
      return kind.reader.read(in);
    } catch (IOException e) {
      throw new IllegalArgumentException("control message: truncated (" + length + " bytes)", e);
    }
  }
}
