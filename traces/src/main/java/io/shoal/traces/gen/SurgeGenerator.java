package io.shoal.traces.gen;

import io.shoal.base.Checks;
import io.shoal.traces.TraceField;
import io.shoal.traces.TraceReader;
import io.shoal.traces.TraceRequest;
import io.shoal.traces.internal.RequestStreams;
import java.util.Arrays;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;

/**
 * Generates a SURGE-model workload ({@link SurgeModel} has the parameters):
 *
 * <ol>
 *   <li><b>Sizes.</b> Each file's size is drawn from the lognormal body; a draw above the tail's
 *       k (133 KB, about 3% of files) is redrawn from the Pareto tail, so the spliced density
 *       is continuous at k. Sizes are capped at {@link SurgeModel#MAX_SIZE}.
 *   <li><b>Popularity.</b> Files get popularity ranks in random order (independent of size);
 *       the file of rank r gets {@code requests * r^-s / H(files, s)} requests, rounded so that
 *       the counts add up to exactly {@code requests} (largest remainders).
 *   <li><b>Temporal locality.</b> The request sequence is drawn from an LRU stack of the files
 *       that still have requests left, initially in a random order weighted by popularity: each
 *       step draws a depth from the lognormal stack distance, requests the file at that depth
 *       (the deepest if the stack is shallower), moves it to the top, and drops it once its
 *       requests are used up. So the counts are exactly Zipf and re-references are near.
 *   <li><b>Users.</b> {@code users} user equivalents take turns on that sequence: each requests
 *       an object — a base file and then a Pareto number of embedded files, separated by
 *       Weibull active OFF times — then thinks for a Pareto time before the next object.
 * </ol>
 *
 * Times start at 0 and are in microseconds; the client is {@code ue<n>}; the key is the file
 * number. The same parameters and seed give the same requests.
 */
public final class SurgeGenerator implements TraceReader {
  public static final Set<TraceField> FIELDS =
      Set.of(TraceField.TIME, TraceField.CLIENT, TraceField.KEY, TraceField.SIZE);

  private final int files;
  private final long requests;
  private final long seed;
  private final int users;
  private final double zipf;

  private SurgeGenerator(Builder b) {
    this.files = b.files;
    this.requests = b.requests;
    this.seed = b.seed;
    this.users = b.users;
    this.zipf = b.zipf;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public Set<TraceField> fields() {
    return FIELDS;
  }

  /** The number of requests the stream yields. */
  public long size() {
    return requests;
  }

  @Override
  public Stream<TraceRequest> requests() {
    SplittableRandom root = new SplittableRandom(seed);
    long[] sizes = sizes(new Sampler(root.split()));
    long[] counts = counts(new Sampler(root.split()));
    Sequence sequence = new Sequence(counts, new Sampler(root.split()));
    Sampler time = new Sampler(root.split());
    String[] keys = new String[files];
    for (int i = 0; i < files; i++) {
      keys[i] = Integer.toString(i);
    }
    String[] clients = new String[users];
    PriorityQueue<long[]> due = new PriorityQueue<>(users,
        (a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0]) : Long.compare(a[1], b[1]));
    for (int u = 0; u < users; u++) {
      clients[u] = "ue" + u;
      // {next request time in µs, user, files left in the current object}
      due.add(new long[] {micros(time.pareto(SurgeModel.THINK_K, SurgeModel.THINK_ALPHA)), u, 0});
    }
    return RequestStreams.sized(requests, () -> {
      long[] user = due.poll();
      int file = sequence.next();
      TraceRequest request = new TraceRequest(user[0], clients[(int) user[1]], "GET", keys[file],
          sizes[file], TraceRequest.UNKNOWN);
      if (user[2] > 0) {
        user[2]--;
        user[0] += micros(time.weibull(SurgeModel.ACTIVE_OFF_ALPHA, SurgeModel.ACTIVE_OFF_BETA));
      } else {
        user[2] = embedded(time);
        user[0] += micros(time.pareto(SurgeModel.THINK_K, SurgeModel.THINK_ALPHA));
      }
      due.add(user);
      return request;
    });
  }

  /** The number of embedded files of an object: floor of a Pareto draw, at most the limit. */
  static int embedded(Sampler sampler) {
    double x = sampler.pareto(SurgeModel.EMBEDDED_K, SurgeModel.EMBEDDED_ALPHA);
    return (int) Math.min(SurgeModel.MAX_EMBEDDED, Math.floor(x));
  }

  private static long micros(double seconds) {
    return Math.round(seconds * 1_000_000.0);
  }

  private long[] sizes(Sampler sampler) {
    long[] sizes = new long[files];
    for (int i = 0; i < files; i++) {
      sizes[i] = size(sampler);
    }
    return sizes;
  }

  /** One file size from the spliced lognormal body and Pareto tail. */
  static long size(Sampler sampler) {
    double x = sampler.lognormal(SurgeModel.SIZE_BODY_MU, SurgeModel.SIZE_BODY_SIGMA);
    if (x > SurgeModel.SIZE_TAIL_K) {
      x = sampler.pareto(SurgeModel.SIZE_TAIL_K, SurgeModel.SIZE_TAIL_ALPHA);
    }
    return Math.max(1, Math.min(SurgeModel.MAX_SIZE, Math.round(x)));
  }

  /** Requests per file: Zipf over a random ranking, rounded to add up to {@code requests}. */
  private long[] counts(Sampler sampler) {
    int[] fileOfRank = new int[files];
    for (int i = 0; i < files; i++) {
      fileOfRank[i] = i;
    }
    for (int i = files - 1; i > 0; i--) {
      int j = sampler.nextInt(i + 1);
      int t = fileOfRank[i];
      fileOfRank[i] = fileOfRank[j];
      fileOfRank[j] = t;
    }
    double harmonic = 0;
    for (int r = 1; r <= files; r++) {
      harmonic += Math.pow(r, -zipf);
    }
    long[] counts = new long[files];
    double[] remainders = new double[files];
    long assigned = 0;
    for (int r = 1; r <= files; r++) {
      double exact = requests * Math.pow(r, -zipf) / harmonic;
      long whole = (long) Math.floor(exact);
      counts[fileOfRank[r - 1]] = whole;
      remainders[r - 1] = exact - whole;
      assigned += whole;
    }
    Integer[] byRemainder = new Integer[files];
    for (int i = 0; i < files; i++) {
      byRemainder[i] = i;
    }
    Arrays.sort(byRemainder, (a, b) -> a.equals(b) ? 0
        : remainders[a] != remainders[b] ? Double.compare(remainders[b], remainders[a])
        : Integer.compare(a, b));
    for (int i = 0; assigned < requests; i++, assigned++) {
      counts[fileOfRank[byRemainder[i % files]]]++;
    }
    return counts;
  }

  /** Builds a {@link SurgeGenerator}; every setter checks its value. */
  public static final class Builder {
    private int files = 2000;
    private long requests = 100_000;
    private long seed = 42;
    private int users = 100;
    private double zipf = 1.0;

    private Builder() {}

    /** How many files (objects) the workload has; default 2000. */
    public Builder files(int files) {
      this.files = Checks.positive("files", files);
      return this;
    }

    /** How many requests to generate; default 100000. */
    public Builder requests(long requests) {
      this.requests = Checks.positive("requests", requests);
      return this;
    }

    /** The seed; default 42. */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /** How many user equivalents request concurrently; default 100. */
    public Builder users(int users) {
      this.users = Checks.positive("users", users);
      return this;
    }

    /** The Zipf exponent of popularity; default 1. */
    public Builder zipf(double zipf) {
      if (!(zipf >= 0 && zipf <= 10)) {
        throw new IllegalArgumentException("zipf: " + zipf + " (expected: 0..10)");
      }
      this.zipf = zipf;
      return this;
    }

    public SurgeGenerator build() {
      return new SurgeGenerator(this);
    }
  }
}
