package io.shoal.bench.memory.internal;

import java.lang.management.ManagementFactory;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.management.JMException;
import javax.management.ObjectName;

/**
 * Live objects of this JVM by class, as {@code jcmd PID GC.class_histogram} prints them (it runs
 * a full collection first), read through the in-process diagnostic command bean.
 */
public final class ClassHistogram {
  private static final Pattern ROW = Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)");

  private final Map<String, Row> rows;

  private ClassHistogram(Map<String, Row> rows) {
    this.rows = rows;
  }

  /** Instances and bytes of one class (or, in a difference, their growth). */
  public record Row(String className, long instances, long bytes) {}

  /** The histogram of this JVM now. */
  public static ClassHistogram take() {
    try {
      ObjectName bean = new ObjectName("com.sun.management:type=DiagnosticCommand");
      String text = (String) ManagementFactory.getPlatformMBeanServer().invoke(bean, "gcClassHistogram",
          new Object[] {new String[0]}, new String[] {String[].class.getName()});
      return parse(text);
    } catch (JMException e) {
      throw new IllegalStateException("cannot take a class histogram: " + e.getMessage(), e);
    }
  }

  /** Reads the text of {@code GC.class_histogram}: rows {@code N: INSTANCES BYTES CLASS (MODULE)}. */
  static ClassHistogram parse(String text) {
    Objects.requireNonNull(text, "text");
    Map<String, Row> rows = new HashMap<>();
    for (String line : text.split("\n")) {
      Matcher m = ROW.matcher(line);
      if (m.find()) {
        rows.merge(m.group(3), new Row(m.group(3), Long.parseLong(m.group(1)), Long.parseLong(m.group(2))),
            (a, b) -> new Row(a.className(), a.instances() + b.instances(), a.bytes() + b.bytes()));
      }
    }
    return new ClassHistogram(rows);
  }

  /** Bytes of all live objects. */
  public long totalBytes() {
    return rows.values().stream().mapToLong(Row::bytes).sum();
  }

  /** The classes that grew most in bytes from {@code before} to this one, largest first. */
  public List<Row> growthSince(ClassHistogram before, int limit) {
    Objects.requireNonNull(before, "before");
    List<Row> growth = new ArrayList<>();
    rows.forEach((name, r) -> {
      Row b = before.rows.getOrDefault(name, new Row(name, 0, 0));
      growth.add(new Row(name, r.instances() - b.instances(), r.bytes() - b.bytes()));
    });
    growth.sort(Comparator.comparingLong(Row::bytes).reversed());
    return growth.subList(0, Math.min(limit, growth.size()));
  }
}
