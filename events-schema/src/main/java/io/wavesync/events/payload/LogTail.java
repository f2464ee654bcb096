package io.wavesync.events.payload;

import java.nio.charset.StandardCharsets;

/**
 * Bounds hook log tails so that one event stays far below Kafka's default 1 MiB record limit,
 * whatever a hook prints.
 */
public final class LogTail {

  /** The largest log tail an event carries, in UTF-8 bytes (64 KiB). */
  public static final int MAX_BYTES = 64 * 1024;

  private LogTail() {}

  /**
   * Returns the last {@link #MAX_BYTES} bytes of {@code log} (the end of a log is where a failure
   * shows), cut on a character boundary; null stays null.
   */
  public static String keepLast(String log) {
    if (log == null) {
      return null;
    }
    // A UTF-8 character is at most 4 bytes: shorter strings can never exceed the bound.
    if (log.length() * 4L <= MAX_BYTES) {
      return log;
    }
    byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
    if (bytes.length <= MAX_BYTES) {
      return log;
    }
    int start = bytes.length - MAX_BYTES;
    // Skip UTF-8 continuation bytes (10xxxxxx) so the tail starts on a whole character.
    while (start < bytes.length && (bytes[start] & 0xC0) == 0x80) {
      start++;
    }
    return new String(bytes, start, bytes.length - start, StandardCharsets.UTF_8);
  }

  /** Whether {@code log} fits the bound. */
  public static boolean fits(String log) {
    return log == null || log.getBytes(StandardCharsets.UTF_8).length <= MAX_BYTES;
  }
}
