package io.shoal.bench.memory.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ClassHistogramTest {
  /** The layout {@code jcmd PID GC.class_histogram} prints on JDK 17. */
  private static final String EMPTY = """
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:          1000          64000  [B (java.base@17.0.15)
         2:           500          12000  java.lang.String (java.base@17.0.15)
         3:            10            160  java.lang.Object (java.base@17.0.15)
      Total          1510          76160
      """;
  private static final String FULL = """
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:          3000        1064000  [B (java.base@17.0.15)
         2:          2500          60000  java.lang.String (java.base@17.0.15)
         3:          1000          72000  io.shoal.node.internal.cache.StoredResponse
         4:            10            160  java.lang.Object (java.base@17.0.15)
      Total          6510        1196160
      """;

  @Test
  void totalIsTheSumOfTheRows() {
    assertThat(ClassHistogram.parse(EMPTY).totalBytes()).isEqualTo(76_160);
    assertThat(ClassHistogram.parse(FULL).totalBytes()).isEqualTo(1_196_160);
  }

  @Test
  void growthIsLargestFirstAndCountsNewClassesFromZero() {
    List<ClassHistogram.Row> growth = ClassHistogram.parse(FULL).growthSince(ClassHistogram.parse(EMPTY), 3);
    assertThat(growth).containsExactly(
        new ClassHistogram.Row("[B", 2000, 1_000_000),
        new ClassHistogram.Row("io.shoal.node.internal.cache.StoredResponse", 1000, 72_000),
        new ClassHistogram.Row("java.lang.String", 2000, 48_000));
  }

  @Test
  void linesThatAreNotRowsAreSkipped() {
    assertThat(ClassHistogram.parse("12345:\nno histogram here\n").totalBytes()).isZero();
  }
}
