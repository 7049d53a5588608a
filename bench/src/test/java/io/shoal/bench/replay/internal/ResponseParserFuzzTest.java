package io.shoal.bench.replay.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * The response parser fed any bytes: it parses them or throws {@link ResponseParser.BadResponse}
 * (never another exception, never a hang), and cutting the same bytes into other pieces (sizes
 * drawn from a hash of the input) gives the same responses and the same error. Under plain {@code
 * mvn verify} Jazzer runs only the seeds in {@code ResponseParserFuzzTestInputs/}; to fuzz, run
 * {@code JAZZER_FUZZ=1 mvn -pl bench test -Dtest=ResponseParserFuzzTest}.
 */
class ResponseParserFuzzTest {
  record Outcome(List<ResponseParserTest.Parsed> responses, String error) {}

  @FuzzTest(maxDuration = "60s")
  void anySplitOfAnyBytesParsesTheSame(byte[] input) {
    Outcome whole = parse(List.of(input));
    Random random = new Random(Arrays.hashCode(input));
    for (int round = 0; round < 4; round++) {
      List<byte[]> pieces = new ArrayList<>();
      for (int at = 0; at < input.length; ) {
        int n = Math.min(input.length - at, 1 + random.nextInt(1 << (2 * round + 1)));
        pieces.add(Arrays.copyOfRange(input, at, at + n));
        at += n;
      }
      assertThat(parse(pieces)).as("%d pieces", pieces.size()).isEqualTo(whole);
    }
  }

  private static Outcome parse(List<byte[]> pieces) {
    List<ResponseParserTest.Parsed> out = new ArrayList<>();
    ResponseParser p = new ResponseParser((s, x, b, c) ->
        out.add(new ResponseParserTest.Parsed(s, x == null ? null : x.value(), b, c)));
    try {
      for (byte[] piece : pieces) {
        ByteBuf in = Unpooled.wrappedBuffer(piece);
        while (in.isReadable()) {
          p.feed(in);
        }
      }
      p.eof();
      return new Outcome(out, null);
    } catch (ResponseParser.BadResponse e) {
      return new Outcome(out, e.getMessage());
    }
  }
}
