package io.wavesync.events.payload;

/**
 * Retries of a failed sync, as Argo CD's {@code retry}.
 *
 * @param limit how many times a failed operation is retried; 0 means never, a negative value means
 *     without limit (Argo CD's convention)
 * @param backoff the wait between retries; absent means the planner's default
 */
public record RetryPolicy(int limit, Backoff backoff) {}
