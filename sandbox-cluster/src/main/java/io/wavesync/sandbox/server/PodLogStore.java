package io.wavesync.sandbox.server;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Simulated container output, written by the workload simulator and served as pod logs. */
public final class PodLogStore {

  private record Line(Instant time, String container, String text) {
  }

  private final Map<String, List<Line>> lines = new ConcurrentHashMap<>();

  public void append(String namespace, String pod, String container, String text) {
    List<Line> podLines = lines.computeIfAbsent(key(namespace, pod), k -> new ArrayList<>());
    synchronized (podLines) {
      podLines.add(new Line(Instant.now(), container, text));
    }
  }

  public void remove(String namespace, String pod) {
    lines.remove(key(namespace, pod));
  }

  /**
   * The log of one container as {@code kubectl logs} shows it.
   *
   * @param tailLines keep only the last lines, or all when null
   * @param timestamps prefix each line with its RFC 3339 time, as {@code --timestamps} does
   */
  public String render(String namespace, String pod, String container, Integer tailLines,
      boolean timestamps) {
    List<Line> podLines = lines.getOrDefault(key(namespace, pod), List.of());
    List<Line> selected = new ArrayList<>();
    synchronized (podLines) {
      for (Line line : podLines) {
        if (line.container().equals(container)) {
          selected.add(line);
        }
      }
    }
    if (tailLines != null && tailLines >= 0 && selected.size() > tailLines) {
      selected = selected.subList(selected.size() - tailLines, selected.size());
    }
    StringBuilder out = new StringBuilder();
    for (Line line : selected) {
      if (timestamps) {
        out.append(line.time()).append(' ');
      }
      out.append(line.text()).append('\n');
    }
    return out.toString();
  }

  private static String key(String namespace, String pod) {
    return namespace + "/" + pod;
  }
}
