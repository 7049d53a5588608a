package io.shoal.traces;

import static io.shoal.traces.TestFiles.read;
import static io.shoal.traces.TestFiles.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SurgeTraceReaderTest {
  @TempDir
  Path dir;

  @Test
  void expandsEachObjectRequestIntoItsFiles() {
    write(dir, "mout.txt", "5 100 1\n9 2000 2\n3 30 2\n1 7 3\n");
    write(dir, "objout.txt", "3\n0 1 2\n");
    write(dir, "name.txt", "1\n0\n1 0\n");
    assertThat(read("surge", dir)).containsExactly(
        TraceRequest.of("/0.txt", 100), TraceRequest.of("/1.txt", 2000),
        TraceRequest.of("/2.txt", 30),
        TraceRequest.of("/3.txt", 7),
        TraceRequest.of("/0.txt", 100), TraceRequest.of("/1.txt", 2000),
        TraceRequest.of("/2.txt", 30),
        TraceRequest.of("/3.txt", 7));
  }

  @Test
  void outOfRangeNamesAreErrors() {
    write(dir, "mout.txt", "5 100 1\n9 2000 2\n");
    write(dir, "objout.txt", "0 1\n");
    write(dir, "name.txt", "0\n0 1\n");
    assertThatThrownBy(() -> read("surge", dir))
        .isInstanceOf(TraceException.class)
        .hasMessage(dir.resolve("name.txt") + ", line 2: object: 1 (expected: an object number"
            + " < 1 (the lines of objout.txt))");
    write(dir, "objout.txt", "0 2\n");
    assertThatThrownBy(() -> read("surge", dir))
        .hasMessage(dir.resolve("objout.txt") + ", line 1: file: 2 (expected: a file name < 2"
            + " (the lines of mout.txt))");
    write(dir, "mout.txt", "5 100 4\n");
    assertThatThrownBy(() -> read("surge", dir))
        .hasMessage(dir.resolve("mout.txt") + ", line 1: group: 4 (expected: 1 (base), 2"
            + " (embedded) or 3 (loner))");
  }

  @Test
  void missingFileIsNamed() {
    write(dir, "mout.txt", "5 100 1\n");
    assertThatThrownBy(() -> read("surge", dir))
        .isInstanceOf(TraceException.class)
        .hasMessage(dir.resolve("objout.txt") + ": no such file");
  }
}
