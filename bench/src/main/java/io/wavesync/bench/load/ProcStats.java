package io.wavesync.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * CPU time and resident memory of a process from {@code /proc}: {@code utime + stime} of
 * {@code /proc/<pid>/stat} (fields 14 and 15, in clock ticks) and {@code VmRSS} of {@code
 * /proc/<pid>/status}.
 *
 * @param cpuTicks user plus system time in clock ticks
 * @param rssKib resident set size in KiB
 */
public record ProcStats(long cpuTicks, long rssKib) {

  /** Clock ticks per second; 100 on every Linux configuration this runs on. */
  public static final long TICKS_PER_SECOND = 100;

  /** Reads the process, or nothing if it is gone or {@code /proc} is not readable. */
  public static Optional<ProcStats> read(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
      String status = Files.readString(Path.of("/proc", Long.toString(pid), "status"));
      return Optional.of(new ProcStats(cpuTicks(stat), rssKib(status)));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }

  /**
   * {@code utime + stime} from the text of {@code /proc/<pid>/stat}. The command name (field 2) is
   * in parentheses and may itself hold spaces and parentheses, so fields are counted from the last
   * {@code )}.
   */
  public static long cpuTicks(String stat) {
    int close = stat.lastIndexOf(')');
    if (close < 0) {
      throw new IllegalArgumentException("not a /proc/<pid>/stat line: " + stat);
    }
    String[] rest = stat.substring(close + 1).trim().split("\\s+");
    // rest[0] is field 3 (state): utime is field 14, stime field 15
    return Long.parseLong(rest[14 - 3]) + Long.parseLong(rest[15 - 3]);
  }

  /** {@code VmRSS} in KiB from the text of {@code /proc/<pid>/status}. */
  public static long rssKib(String status) {
    for (String line : status.split("\n")) {
      if (line.startsWith("VmRSS:")) {
        return Long.parseLong(line.substring("VmRSS:".length()).trim().split("\\s+")[0]);
      }
    }
    throw new IllegalArgumentException("no VmRSS line in /proc/<pid>/status");
  }

  public double cpuSeconds() {
    return (double) cpuTicks / TICKS_PER_SECOND;
  }

  public double rssMib() {
    return rssKib / 1024.0;
  }
}
