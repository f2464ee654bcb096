package io.wavesync.events.payload;

/**
 * How long to wait between retries of a failed sync, as Argo CD's {@code retry.backoff}.
 *
 * @param duration first wait, a duration such as {@code 5s}; absent means the planner's default
 * @param factor multiplier applied to the wait after each retry, at least 1; absent means the
 *     planner's default
 * @param maxDuration upper bound of the wait, a duration such as {@code 3m}
 */
public record Backoff(String duration, Integer factor, String maxDuration) {

  public Backoff {
    Vocabulary.duration(duration, "duration");
    if (factor != null && factor < 1) {
      throw InvalidFieldException.invalid("factor", "must be at least 1, was " + factor);
    }
    Vocabulary.duration(maxDuration, "maxDuration");
  }
}
