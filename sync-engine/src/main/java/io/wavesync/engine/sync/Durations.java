package io.wavesync.engine.sync;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Durations as Argo CD writes them: Go syntax ({@code 300ms}, {@code 2m}, {@code 1h30m}) or, for retry
 * backoff, a bare integer meaning seconds (spec §5.5).
 */
public final class Durations {

  private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d*)?|\\.\\d+)(ns|us|µs|ms|s|m|h)");

  private Durations() {}

  /** Parses Go duration syntax, or a bare integer as seconds. */
  public static Duration parse(String text) {
    if (text == null || text.isBlank()) {
      throw new IllegalArgumentException("empty duration");
    }
    String s = text.strip();
    if (s.matches("[+-]?\\d+")) {
      return Duration.ofSeconds(Long.parseLong(s));
    }
    boolean negative = s.startsWith("-");
    if (s.startsWith("-") || s.startsWith("+")) {
      s = s.substring(1);
    }
    if ("0".equals(s)) {
      return Duration.ZERO;
    }
    Matcher m = PART.matcher(s);
    int pos = 0;
    double nanos = 0;
    while (pos < s.length()) {
      if (!m.find(pos) || m.start() != pos) {
        throw new IllegalArgumentException("invalid duration \"" + text + "\"");
      }
      double v = Double.parseDouble(m.group(1));
      nanos += v * switch (m.group(2)) {
        case "ns" -> 1d;
        case "us", "µs" -> 1e3;
        case "ms" -> 1e6;
        case "s" -> 1e9;
        case "m" -> 60e9;
        default -> 3600e9;
      };
      pos = m.end();
    }
    Duration d = Duration.ofNanos((long) nanos);
    return negative ? d.negated() : d;
  }

  /** Formats like Go's {@code time.Duration.String()}: {@code 5s}, {@code 10m0s}, {@code 1h0m0s}. */
  public static String format(Duration d) {
    if (d.isZero()) {
      return "0s";
    }
    StringBuilder b = new StringBuilder();
    if (d.isNegative()) {
      b.append('-');
      d = d.negated();
    }
    if (d.compareTo(Duration.ofSeconds(1)) < 0) {
      long n = d.toNanos();
      if (n < 1_000) {
        return b.append(n).append("ns").toString();
      }
      if (n < 1_000_000) {
        return b.append(trim(n / 1e3)).append("µs").toString();
      }
      return b.append(trim(n / 1e6)).append("ms").toString();
    }
    long h = d.toHours();
    long m = d.toMinutesPart();
    double s = d.toSecondsPart() + d.toNanosPart() / 1e9;
    if (h > 0) {
      b.append(h).append('h');
    }
    if (h > 0 || m > 0) {
      b.append(m).append('m');
    }
    return b.append(trim(s)).append('s').toString();
  }

  private static String trim(double v) {
    String s = String.valueOf(v);
    if (s.contains("E")) {
      s = java.math.BigDecimal.valueOf(v).toPlainString();
    }
    if (s.contains(".")) {
      s = s.replaceAll("0+$", "").replaceAll("\\.$", "");
    }
    return s;
  }
}
