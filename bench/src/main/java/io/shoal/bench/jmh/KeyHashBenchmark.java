package io.shoal.bench.jmh;

import com.google.common.hash.Hashing;
import io.shoal.bench.keys.RandomUrls;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.bouncycastle.crypto.digests.MD5Digest;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The cost of hashing one URL key (40-120 bytes) with each candidate hash function.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar KeyHashBenchmark}
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
@State(Scope.Thread)
public class KeyHashBenchmark {
  private byte[][] keys;
  private int next;
  private MessageDigest jdkMd5;

  @Setup
  public void setUp() throws NoSuchAlgorithmException {
    List<String> urls = RandomUrls.generate(4096, 1);
    keys = urls.stream().map(u -> u.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
    jdkMd5 = MessageDigest.getInstance("MD5");
  }

  private byte[] nextKey() {
    next = (next + 1) & 4095;
    return keys[next];
  }

  @Benchmark
  public byte[] bouncyCastleMd5() {
    byte[] key = nextKey();
    MD5Digest d = new MD5Digest();
    d.update(key, 0, key.length);
    byte[] out = new byte[16];
    d.doFinal(out, 0);
    return out;
  }

  @Benchmark
  public byte[] jdkMd5Reused() {
    return jdkMd5.digest(nextKey());
  }

  @Benchmark
  public long guavaMurmur3x128() {
    return Hashing.murmur3_128().hashBytes(nextKey()).asLong();
  }

  @Benchmark
  public long guavaFarmHashFingerprint64() {
    return Hashing.farmHashFingerprint64().hashBytes(nextKey()).asLong();
  }
}
