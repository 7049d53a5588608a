package io.shoal.bench.jmh;

import io.shoal.distiller.Distiller;
import io.shoal.distiller.Input;
import io.shoal.distiller.Profile;
import io.shoal.distiller.fixture.SyntheticImages;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.GradientPaint;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import org.openjdk.jmh.infra.Blackhole;

/**
 * JPEG images distilled per second on one thread (so the score is images/s per core), for the
 * three profiles of {@code distiller/README.md}: {@code q50} (quality 50, no resize: the
 * target is 150 images/s per core), {@code save-data} (q50, at most 1280 px) and {@code mobile}
 * (q40, at most 800 px), each with {@code standard} and {@code optimized} Huffman tables (the
 * built-in {@code save-data} profile is the optimized one). The images are SYNTHETIC photo-like JPEGs drawn with Java2D (gradients,
 * shapes, grain), about 100 KB each at quality 85, 960x720; no licensed photos. One operation is
 * one image.
 *
 * <p>Run: {@code java -jar bench/target/benchmarks.jar DistillerBenchmark}; write the same images
 * to a directory with {@code java -cp bench/target/benchmarks.jar io.shoal.bench.jmh.DistillerBenchmark
 * write DIR}, and print the size reduction per profile with {@code ... DistillerBenchmark sizes}.
 * {@code distiller/bench/compare-cjpeg.sh} does all three and runs {@code djpeg | cjpeg} beside.
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 3)
@Measurement(iterations = 5, time = 3)
@Fork(1)
@Threads(1)
@State(Scope.Benchmark)
public class DistillerBenchmark {
  static final int IMAGES = 16;

  @Param({"q50", "save-data", "mobile"})
  public String profile;

  @Param({"standard", "optimized"})
  public String huffman;

  private List<byte[]> images;
  private Profile p;

  @Setup
  public void setUp() {
    images = corpus();
    p = profile(profile, Profile.Huffman.of(huffman));
  }

  @Benchmark
  @OperationsPerInvocation(IMAGES)
  public void jpeg(Blackhole bh) throws IOException {
    for (byte[] image : images) {
      bh.consume(Distiller.jpeg().distill(Input.of("image/jpeg", image, p)));
    }
  }

  static Profile profile(String name, Profile.Huffman huffman) {
    Profile.Builder b = Profile.builder(name).huffman(huffman);
    switch (name) {
      case "q50":
        return b.quality(50).build();
      case "save-data":
        return b.quality(50).maxDimension(1280).build();
      case "mobile":
        return b.quality(40).maxDimension(800).build();
      default:
        throw new IllegalArgumentException("profile: " + name + " (expected: q50, save-data or mobile)");
    }
  }

  /** The {@value #IMAGES} synthetic JPEGs, the same on every call. */
  static List<byte[]> corpus() {
    List<byte[]> out = new ArrayList<>();
    for (int i = 0; i < IMAGES; i++) {
      out.add(SyntheticImages.jpeg(photo(960, 720, 1000 + i), 85));
    }
    return out;
  }

  /** {@code write DIR}: the corpus as DIR/img-NN.jpg; {@code sizes}: bytes in and out per profile. */
  public static void main(String[] args) throws IOException {
    if (args.length == 2 && args[0].equals("write")) {
      Path dir = Files.createDirectories(Path.of(args[1]));
      List<byte[]> c = corpus();
      for (int i = 0; i < c.size(); i++) {
        Files.write(dir.resolve(String.format(Locale.ROOT, "img-%02d.jpg", i)), c.get(i));
      }
      return;
    }
    if (args.length == 1 && args[0].equals("sizes")) {
      List<byte[]> c = corpus();
      long in = c.stream().mapToLong(b -> b.length).sum();
      System.out.printf(Locale.ROOT, "%d images, %d bytes, mean %.1f KB%n", c.size(), in, in / 1024.0 / c.size());
      for (String name : new String[] {"q50", "save-data", "mobile"}) {
        for (Profile.Huffman h : Profile.Huffman.values()) {
          long out = 0;
          for (byte[] b : c) {
            out += Distiller.jpeg().distill(Input.of("image/jpeg", b, profile(name, h))).body().length;
          }
          System.out.printf(Locale.ROOT, "%-10s %-9s %9d bytes  %5.1f%% of the original (-%.1f%%)%n",
              name, h.configName(), out, 100.0 * out / in, 100.0 - 100.0 * out / in);
        }
      }
      return;
    }
    throw new IllegalArgumentException("usage: DistillerBenchmark write DIR | sizes");
  }

  /**
   * A photo-like image: sky gradient, soft shapes, film grain. Not the distiller's {@link
   * SyntheticImages#photo}: these 16 are the corpus the distiller README's recorded runs measured.
   */
  static BufferedImage photo(int w, int h, long seed) {
    Random r = new Random(seed);
    BufferedImage img = new BufferedImage(w, h, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = img.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setPaint(new GradientPaint(0, 0, new Color(60 + r.nextInt(60), 120, 200), 0, h,
        new Color(220, 190 + r.nextInt(40), 140)));
    g.fillRect(0, 0, w, h);
    for (int i = 0; i < 60; i++) {
      g.setColor(new Color(r.nextInt(256), r.nextInt(256), r.nextInt(256), 60 + r.nextInt(150)));
      int x = r.nextInt(w);
      int y = r.nextInt(h);
      int s = 8 + r.nextInt(Math.min(w, h) / 3);
      switch (i % 3) {
        case 0 -> g.fillOval(x - s / 2, y - s / 2, s, s);
        case 1 -> g.fillRect(x - s / 2, y - s / 4, s, s / 2);
        default -> {
          g.setStroke(new BasicStroke(1 + r.nextInt(5)));
          g.drawLine(x, y, r.nextInt(w), r.nextInt(h));
        }
      }
    }
    g.dispose();
    int[] row = new int[w];
    for (int y = 0; y < h; y++) {
      img.getRGB(0, y, w, 1, row, 0, w);
      for (int x = 0; x < w; x++) {
        int n = (int) (r.nextGaussian() * 4);
        int p = row[x];
        row[x] = c((p >> 16 & 0xFF) + n) << 16 | c((p >> 8 & 0xFF) + n) << 8 | c((p & 0xFF) + n);
      }
      img.setRGB(0, y, w, 1, row, 0, w);
    }
    return img;
  }

  private static int c(int v) {
    return Math.max(0, Math.min(255, v));
  }
}
