package io.wavesync.engine.sync;

import java.time.Duration;
import java.time.Instant;

/**
 * Automatic retry of a failed operation (spec §5.5): {@code limit} retries (0 none, negative
 * unlimited), waiting {@code min(maxDuration, duration × factor^n)} before retry n.
 *
 * @param duration bare integer seconds or Go syntax; default {@code 5s}
 * @param factor default 2
 * @param maxDuration default {@code 3m}; zero or negative = uncapped
 */
public record RetryStrategy(int limit, String duration, Integer factor, String maxDuration) {

  public static final RetryStrategy NONE = new RetryStrategy(0, null, null, null);

  public RetryStrategy {
    duration = duration == null || duration.isBlank() ? "5s" : duration;
    factor = factor == null ? 2 : factor;
    maxDuration = maxDuration == null || maxDuration.isBlank() ? "3m" : maxDuration;
  }

  public static RetryStrategy limit(int limit) {
    return new RetryStrategy(limit, null, null, null);
  }

  /** Whether another retry is allowed after {@code retryCount} retries. */
  public boolean allows(int retryCount) {
    return limit < 0 || retryCount < limit;
  }

  /** {@code t + min(maxDuration, duration × factor^n)}; throws on an unparsable duration. */
  public Instant nextRetryAt(Instant t, int n) {
    Duration base = Durations.parse(duration);
    Duration max = Durations.parse(maxDuration);
    double nanos = base.toNanos() * Math.pow(factor, n);
    Duration wait = nanos >= Long.MAX_VALUE ? Duration.ofNanos(Long.MAX_VALUE) : Duration.ofNanos((long) nanos);
    if (!max.isNegative() && !max.isZero() && wait.compareTo(max) > 0) {
      wait = max;
    }
    return t.plus(wait);
  }
}
