package io.wavesync.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The registry of event types: name, schema version and record class of every event.
 *
 * <p>The list is written out rather than read from the sealed interfaces at run time, so that it
 * works the same in a native image; a test checks that it matches the sealed hierarchy exactly.
 */
public final class EventTypes {

  /**
   * One event type.
   *
   * @param eventType the {@code eventType} value, the record's simple name
   * @param schemaVersion the schema version the record reads and writes
   * @param recordClass the record
   */
  public record Entry(
      String eventType, int schemaVersion, Class<? extends WavesyncEvent> recordClass) {}

  private static final Map<String, Entry> BY_TYPE = new LinkedHashMap<>();

  static {
    register(SyncRequested.TYPE, SyncRequested.SCHEMA_VERSION, SyncRequested.class);
    register(TerminateRequested.TYPE, TerminateRequested.SCHEMA_VERSION, TerminateRequested.class);
    register(WaveApplyRequested.TYPE, WaveApplyRequested.SCHEMA_VERSION, WaveApplyRequested.class);
    register(CleanupRequested.TYPE, CleanupRequested.SCHEMA_VERSION, CleanupRequested.class);
    register(ResourceApplied.TYPE, ResourceApplied.SCHEMA_VERSION, ResourceApplied.class);
    register(
        ResourceApplyFailed.TYPE, ResourceApplyFailed.SCHEMA_VERSION, ResourceApplyFailed.class);
    register(WaveApplied.TYPE, WaveApplied.SCHEMA_VERSION, WaveApplied.class);
    register(HealthObserved.TYPE, HealthObserved.SCHEMA_VERSION, HealthObserved.class);
    register(HookCompleted.TYPE, HookCompleted.SCHEMA_VERSION, HookCompleted.class);
    register(ObjectDeleted.TYPE, ObjectDeleted.SCHEMA_VERSION, ObjectDeleted.class);
    register(CleanupCompleted.TYPE, CleanupCompleted.SCHEMA_VERSION, CleanupCompleted.class);
    register(OperationUpdated.TYPE, OperationUpdated.SCHEMA_VERSION, OperationUpdated.class);
  }

  private EventTypes() {}

  private static void register(
      String eventType, int schemaVersion, Class<? extends WavesyncEvent> recordClass) {
    BY_TYPE.put(eventType, new Entry(eventType, schemaVersion, recordClass));
  }

  /** Every event type, grouped by topic. */
  public static List<Entry> all() {
    return List.copyOf(BY_TYPE.values());
  }

  /** The event type named {@code eventType}, if there is one. */
  public static Optional<Entry> find(String eventType) {
    return Optional.ofNullable(eventType == null ? null : BY_TYPE.get(eventType));
  }

  /** The event type of {@code recordClass}. */
  public static Entry of(Class<? extends WavesyncEvent> recordClass) {
    return BY_TYPE.values().stream()
        .filter(e -> e.recordClass().equals(recordClass))
        .findFirst()
        .orElseThrow(
            () -> new IllegalArgumentException(recordClass.getName() + " is not an event record"));
  }
}
