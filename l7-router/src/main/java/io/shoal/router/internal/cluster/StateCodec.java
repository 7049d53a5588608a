package io.shoal.router.internal.cluster;

import io.shoal.hashing.HtRrStrategy;
import io.shoal.hashing.ModChStrategy;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The byte layout of the state snapshots of stateful strategies: {@code ht-rr} (bucket owners,
 * cursor, hot keys), {@code mod-ch} (multipliers, time) and {@code bounded-load} (in-flight
 * counts).
 */
public final class StateCodec {
  private static final byte HT_RR = 1;
  private static final byte MOD_CH = 2;
  private static final byte COUNTS = 3;

  private StateCodec() {}

  public static byte[] encode(Object state) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    try (DataOutputStream out = new DataOutputStream(bytes)) {
      if (state instanceof HtRrStrategy.State s) {
        out.writeByte(HT_RR);
        out.writeInt(s.buckets().size());
        for (String owner : s.buckets()) {
          out.writeUTF(owner == null ? "" : owner);
        }
        out.writeLong(s.cursor());
        out.writeInt(s.hotKeys().size());
        for (String key : s.hotKeys()) {
          out.writeUTF(key);
        }
      } else if (state instanceof ModChStrategy.State s) {
        out.writeByte(MOD_CH);
        out.writeInt(s.multipliers().size());
        for (Map.Entry<String, Double> e : new TreeMap<>(s.multipliers()).entrySet()) {
          out.writeUTF(e.getKey());
          out.writeDouble(e.getValue());
        }
        out.writeLong(s.updatedAtMillis());
      } else if (state instanceof Map<?, ?> counts) {
        out.writeByte(COUNTS);
        out.writeInt(counts.size());
        for (Map.Entry<?, ?> e : counts.entrySet()) {
          out.writeUTF((String) e.getKey());
          out.writeLong((Long) e.getValue());
        }
      } else {
        throw new IllegalArgumentException("strategy state: " + state.getClass().getName()
            + " (expected: ht-rr, mod-ch or bounded-load state)");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  public static Object decode(byte[] bytes) {
    try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(bytes))) {
      byte type = in.readByte();
      switch (type) {
        case HT_RR -> {
          int n = in.readInt();
          List<String> buckets = new ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            String owner = in.readUTF();
            buckets.add(owner.isEmpty() ? null : owner);
          }
          long cursor = in.readLong();
          int hot = in.readInt();
          Set<String> keys = new HashSet<>();
          for (int i = 0; i < hot; i++) {
            keys.add(in.readUTF());
          }
          return new HtRrStrategy.State(buckets, cursor, keys);
        }
        case MOD_CH -> {
          int n = in.readInt();
          Map<String, Double> m = new TreeMap<>();
          for (int i = 0; i < n; i++) {
            m.put(in.readUTF(), in.readDouble());
          }
          return new ModChStrategy.State(m, in.readLong());
        }
        case COUNTS -> {
          int n = in.readInt();
          Map<String, Long> m = new TreeMap<>();
          for (int i = 0; i < n; i++) {
            m.put(in.readUTF(), in.readLong());
          }
          return m;
        }
        default -> throw new IllegalArgumentException("strategy state: type " + type + " (expected: 1-3)");
      }
    } catch (IOException e) {
      throw new IllegalArgumentException("strategy state: truncated (" + bytes.length + " bytes)", e);
    }
  }
}
