package io.wavesync.watcher.domain;

import io.wavesync.events.payload.LogTail;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a hook's log tail is put together: which pod of a Job to read, how the logs of several
 * containers are joined, what the tail says when logs cannot be read, and the 64 KiB bound.
 */
public final class HookLogs {

  /** Starts every line the watcher writes into a log tail itself. */
  public static final String MARK = "[hook-watcher] ";

  private HookLogs() {}

  /**
   * The log of one container, or why it could not be read.
   *
   * @param container the container name
   * @param text the log text, null when it could not be read
   * @param error why it could not be read, null when it was
   */
  public record ContainerLog(String container, String text, String error) {

    public ContainerLog {
      Objects.requireNonNull(container, "container");
      if ((text == null) == (error == null)) {
        throw new IllegalArgumentException("a container log has either text or an error");
      }
    }

    public static ContainerLog read(String container, String text) {
      return new ContainerLog(container, text, null);
    }

    public static ContainerLog failed(String container, String error) {
      return new ContainerLog(container, null, error == null ? "unknown error" : error);
    }
  }

  /**
   * A pod that may hold a Job's logs.
   *
   * @param name pod name
   * @param creationTimestamp RFC 3339 creation time; may be null or empty
   */
  public record PodCandidate(String name, String creationTimestamp) {}

  /**
   * The pod to read a Job's logs from: the newest one (a Job that retried has one pod per attempt,
   * and the last attempt is the one that decided the outcome). Ties go to the greater name, so the
   * choice does not depend on list order.
   */
  public static Optional<PodCandidate> newest(List<PodCandidate> pods) {
    return pods.stream()
        .max(
            Comparator.comparing((PodCandidate p) -> created(p.creationTimestamp()))
                .thenComparing(PodCandidate::name));
  }

  /**
   * The logs of a pod's containers as one bounded text. One container's log is kept as it is;
   * several are each introduced by a {@code ==> container NAME <==} line, in the given order (init
   * containers first, so that the main container's end survives the bound).
   */
  public static String compose(List<ContainerLog> logs) {
    if (logs.isEmpty()) {
      return unavailable("the pod has no started containers");
    }
    if (logs.size() == 1) {
      ContainerLog only = logs.get(0);
      return only.text() != null
          ? LogTail.keepLast(only.text())
          : unavailable("container " + only.container() + ": " + only.error());
    }
    StringBuilder out = new StringBuilder();
    for (ContainerLog log : logs) {
      out.append("==> container ").append(log.container()).append(" <==\n");
      if (log.text() != null) {
        out.append(log.text());
        if (!log.text().isEmpty() && !log.text().endsWith("\n")) {
          out.append('\n');
        }
      } else {
        out.append(MARK).append("logs unavailable: ").append(log.error()).append('\n');
      }
    }
    return LogTail.keepLast(out.toString());
  }

  /** The tail of a hook whose logs could not be read: one line saying why. */
  public static String unavailable(String why) {
    return LogTail.keepLast(MARK + "logs unavailable: " + why + "\n");
  }

  private static Instant created(String timestamp) {
    if (timestamp == null || timestamp.isEmpty()) {
      return Instant.MIN;
    }
    try {
      return Instant.parse(timestamp);
    } catch (DateTimeParseException e) {
      return Instant.MIN;
    }
  }
}
