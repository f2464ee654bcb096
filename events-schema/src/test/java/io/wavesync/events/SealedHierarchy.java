package io.wavesync.events;

import java.util.ArrayList;
import java.util.List;

/** The event records, read from the sealed interfaces, so that a new event shows up by itself. */
final class SealedHierarchy {

  private SealedHierarchy() {}

  /** The sealed interfaces under {@link WavesyncEvent}, one per topic (group). */
  static List<Class<?>> topicInterfaces() {
    return List.of(WavesyncEvent.class.getPermittedSubclasses());
  }

  /** Every record that implements {@link WavesyncEvent}, found through permitted subclasses. */
  static List<Class<? extends WavesyncEvent>> records() {
    List<Class<? extends WavesyncEvent>> records = new ArrayList<>();
    collect(WavesyncEvent.class, records);
    return List.copyOf(records);
  }

  private static void collect(Class<?> type, List<Class<? extends WavesyncEvent>> into) {
    if (type.isRecord()) {
      into.add(type.asSubclass(WavesyncEvent.class));
      return;
    }
    if (!type.isSealed()) {
      throw new AssertionError(type + " is neither a record nor a sealed interface");
    }
    for (Class<?> sub : type.getPermittedSubclasses()) {
      collect(sub, into);
    }
  }
}
