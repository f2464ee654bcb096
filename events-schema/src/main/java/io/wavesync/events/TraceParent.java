package io.wavesync.events;

import java.security.SecureRandom;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The W3C Trace Context {@code traceparent} value that carries a sync's trace from service to
 * service as a Kafka record header ({@value #HEADER}) on every event.
 *
 * <p>Format: {@code 00-<32 hex trace id>-<16 hex parent span id>-<2 hex flags>}. Framework-free: a
 * client without an OpenTelemetry SDK (the CLI) starts a trace with {@link #newRoot()}.
 */
public final class TraceParent {

  /** The Kafka record header of the W3C Trace Context propagator. */
  public static final String HEADER = "traceparent";

  private static final Pattern FORMAT =
      Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
  private static final String INVALID_TRACE = "0".repeat(32);
  private static final String INVALID_SPAN = "0".repeat(16);
  private static final SecureRandom RANDOM = new SecureRandom();

  private TraceParent() {}

  /** A fresh, sampled {@code traceparent}: a new trace id and a new parent span id. */
  public static String newRoot() {
    return "00-" + hex(16) + "-" + hex(8) + "-01";
  }

  /** Whether {@code value} is a valid version-00 {@code traceparent} (all-zero ids are not). */
  public static boolean isValid(String value) {
    if (value == null) {
      return false;
    }
    var m = FORMAT.matcher(value);
    return m.matches() && !m.group(1).equals(INVALID_TRACE) && !m.group(2).equals(INVALID_SPAN);
  }

  /** The trace id of a valid {@code traceparent}. */
  public static Optional<String> traceId(String value) {
    return isValid(value) ? Optional.of(value.substring(3, 35)) : Optional.empty();
  }

  /** The parent span id of a valid {@code traceparent}. */
  public static Optional<String> parentSpanId(String value) {
    return isValid(value) ? Optional.of(value.substring(36, 52)) : Optional.empty();
  }

  private static String hex(int bytes) {
    String s;
    do {
      byte[] b = new byte[bytes];
      RANDOM.nextBytes(b);
      StringBuilder sb = new StringBuilder(bytes * 2);
      for (byte x : b) {
        sb.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      s = sb.toString();
    } while (s.chars().allMatch(c -> c == '0'));
    return s;
  }
}
