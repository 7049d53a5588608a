package io.shoal.node.internal.cache;

import java.util.Arrays;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Strings numbered 1 to 32,767 in the order first seen, for the whole process, so that stored
 * responses hold two bytes for a string many of them share instead of its text. Never forgets
 * (a few MB at most); once full, {@link #idOf} answers 0 and the text is kept. Thread-safe.
 */
final class Numbering {
  static final int MAX = 0x7FFF;
  private final ConcurrentHashMap<String, Integer> ids = new ConcurrentHashMap<>();
  private volatile String[] strings = new String[64];

  /** The number of {@code s}, numbering it if there is room; 0 when there is none. */
  int idOf(String s) {
    Integer id = ids.get(s);
    if (id != null) {
      return id;
    }
    synchronized (ids) {
      id = ids.get(s);
      if (id == null) {
        if (ids.size() >= MAX) {
          return 0;
        }
        id = ids.size() + 1;
        String[] table = strings;
        if (id >= table.length) {
          table = Arrays.copyOf(table, Math.min(MAX + 1, table.length * 2));
        }
        table[id] = s;
        strings = table; // published before the number can be seen
        ids.put(s, id);
      }
      return id;
    }
  }

  /** The string numbered {@code id}. */
  String get(int id) {
    return strings[id];
  }
}
