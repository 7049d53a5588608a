package io.shoal.traces.stats;

import io.shoal.traces.TraceRequest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * What a trace holds, from one pass: see {@link #of(Stream)} and {@link Summary}. An object is
 * a distinct key; its size is the first known size of a request for it.
 */
public final class TraceStats {
  private final Map<String, Counter> objects = new HashMap<>();
  private final Set<String> clients = new HashSet<>();
  private String lastClient = "";
  private long requests;
  private long sizedRequests;
  private long totalBytes;
  private long repeatBytes;
  private long firstTime = Long.MAX_VALUE;
  private long lastTime = Long.MIN_VALUE;

  /** Adds one request. */
  public void add(TraceRequest request) {
    requests++;
    Counter counter = objects.computeIfAbsent(request.key(), k -> new Counter());
    boolean seen = counter.count > 0;
    counter.count++;
    if (request.hasSize()) {
      sizedRequests++;
      totalBytes += request.size();
      if (seen) {
        repeatBytes += request.size();
      }
      if (counter.size < 0) {
        counter.size = request.size();
      }
    }
    if (request.hasTime()) {
      firstTime = Math.min(firstTime, request.timeMicros());
      lastTime = Math.max(lastTime, request.timeMicros());
    }
    String client = request.client();
    if (!client.isEmpty() && !client.equals(lastClient)) {
      clients.add(client);
      lastClient = client;
    }
  }

  /** The statistics of every request of {@code requests}, keeping the {@code top} most requested. */
  public static Summary of(Stream<TraceRequest> requests, int top) {
    TraceStats stats = new TraceStats();
    requests.forEachOrdered(stats::add);
    return stats.summary(top);
  }

  /** The statistics so far, with the {@code top} most requested objects. */
  public Summary summary(int top) {
    List<Map.Entry<String, Counter>> entries = new ArrayList<>(objects.entrySet());
    entries.sort(Comparator.comparingLong((Map.Entry<String, Counter> e) -> -e.getValue().count)
        .thenComparing(Map.Entry::getKey));
    long[] counts = entries.stream().mapToLong(e -> e.getValue().count).toArray();
    long oneTimers = Arrays.stream(counts).filter(c -> c == 1).count();
    List<TopObject> topObjects = new ArrayList<>();
    for (int i = 0; i < Math.min(top, entries.size()); i++) {
      Map.Entry<String, Counter> e = entries.get(i);
      topObjects.add(new TopObject(e.getKey(), e.getValue().count, e.getValue().size));
    }
    long[] sizes = objects.values().stream().mapToLong(c -> c.size).filter(s -> s >= 0).sorted()
        .toArray();
    long uniqueBytes = Arrays.stream(sizes).sum();
    return new Summary(requests, objects.size(), clients.size(),
        new Bytes(sizedRequests, totalBytes, uniqueBytes, repeatBytes),
        new Popularity(oneTimers, topObjects, share(counts, 0.01), share(counts, 0.10), ZipfFit.of(counts)),
        new SizePercentiles(sizes),
        new TimeSpan(firstTime == Long.MAX_VALUE ? TraceRequest.UNKNOWN : firstTime,
            lastTime == Long.MIN_VALUE ? TraceRequest.UNKNOWN : lastTime));
  }

  private double share(long[] sortedCounts, double fraction) {
    int n = (int) Math.ceil(sortedCounts.length * fraction);
    long sum = 0;
    for (int i = 0; i < n; i++) {
      sum += sortedCounts[i];
    }
    return requests == 0 ? 0 : (double) sum / requests;
  }

  private static final class Counter {
    long count;
    long size = TraceRequest.UNKNOWN;
  }

  /** One of the most requested objects. */
  public record TopObject(String key, long requests, long size) {}

  /** Percentiles of the sizes of the distinct objects of known size. */
  public static final class SizePercentiles {
    private final long[] sorted;

    SizePercentiles(long[] sorted) {
      this.sorted = sorted;
    }

    /** How many objects have a known size. */
    public int count() {
      return sorted.length;
    }

    /** The {@code p}-th percentile (nearest rank), or -1 if no size is known. */
    public long percentile(double p) {
      if (sorted.length == 0) {
        return TraceRequest.UNKNOWN;
      }
      int rank = (int) Math.ceil(p / 100 * sorted.length);
      return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))];
    }

    /** The mean, or NaN if no size is known. */
    public double mean() {
      return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(Double.NaN);
    }
  }

  /**
   * The statistics of a trace.
   *
   * @param requests how many requests
   * @param objects how many distinct keys
   * @param clients how many distinct clients (0 if the format carries none)
   * @param bytes the bytes requested
   * @param popularity how the requests spread over the objects
   * @param sizes the object size percentiles
   * @param time when the requests were made
   */
  public record Summary(long requests, long objects, long clients, Bytes bytes, Popularity popularity,
      SizePercentiles sizes, TimeSpan time) {

    /** The hit ratio of an infinite cache: every request but the first for each object. */
    public double idealHitRatio() {
      return requests == 0 ? 0 : (double) (requests - objects) / requests;
    }

    /** The byte hit ratio of an infinite cache, over requests of known size. */
    public double idealByteHitRatio() {
      return bytes.total() == 0 ? Double.NaN : (double) bytes.repeat() / bytes.total();
    }
  }

  /**
   * The bytes a trace requests, over the requests of known size.
   *
   * @param sizedRequests how many requests had a known size
   * @param total the sum of the known sizes of all requests
   * @param unique the sum of the sizes of the distinct objects
   * @param repeat the bytes of requests for an object already requested before
   */
  public record Bytes(long sizedRequests, long total, long unique, long repeat) {}

  /**
   * How the requests of a trace spread over its objects.
   *
   * @param oneTimers how many objects were requested exactly once
   * @param top the most requested objects, most requested first
   * @param top1PercentShare the share of requests for the most requested 1% of objects
   * @param top10PercentShare the share of requests for the most requested 10% of objects
   * @param zipf the Zipf fit of the rank-frequency curve
   */
  public record Popularity(long oneTimers, List<TopObject> top, double top1PercentShare,
      double top10PercentShare, ZipfFit zipf) {
    public Popularity {
      top = List.copyOf(top);
    }
  }

  /**
   * When the requests of a trace were made, in microseconds.
   *
   * @param first the earliest request time, or -1
   * @param last the latest request time, or -1
   */
  public record TimeSpan(long first, long last) {}
}
