package io.wavesync.sandbox.server;

import io.fabric8.mockwebserver.crud.AttributeSet;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * A bounded history of changes by resource version. The CRUD store streams watch events only over
 * WebSocket; this history lets the sandbox answer client-go's plain HTTP watches (kubectl wait,
 * rollout status, delete --wait) as long polls that resume from any recent resource version.
 */
final class WatchLog {

  record Event(long resourceVersion, String type, AttributeSet attributes, String object) {
  }

  private final Deque<Event> events = new ArrayDeque<>();
  private final int capacity;
  private long horizon;
  private long last;

  WatchLog(int capacity) {
    this.capacity = capacity;
  }

  synchronized void add(Event event) {
    events.addLast(event);
    last = Math.max(last, event.resourceVersion());
    if (events.size() > capacity) {
      horizon = events.removeFirst().resourceVersion();
    }
  }

  /**
   * The newest resource version in the history. Every change with a higher version is added later,
   * so a client resuming from here misses nothing.
   */
  synchronized long lastResourceVersion() {
    return last;
  }

  /**
   * Events after {@code resourceVersion} that match {@code query}, or empty when that version is
   * older than the retained history (the client must list again, as with a real 410 Gone).
   */
  synchronized Optional<List<Event>> since(long resourceVersion, AttributeSet query) {
    if (resourceVersion < horizon) {
      return Optional.empty();
    }
    List<Event> result = new ArrayList<>();
    for (Event event : events) {
      if (event.resourceVersion() > resourceVersion && event.attributes().matches(query)) {
        result.add(event);
      }
    }
    return Optional.of(result);
  }
}
