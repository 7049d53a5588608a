package io.shoal.router.internal.cluster;

import io.shoal.router.LoadReport;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * How a node reports its load: sampled every {@code interval}, sent when it differs from the last
 * report by more than {@code threshold} or after {@code maxSilence}; {@code source} is the load
 * (null: the one the router binds).
 */
public record LoadSettings(Duration interval, double threshold, Duration maxSilence, Supplier<LoadReport> source) {}
