package io.wavesync.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import java.time.Instant;

/**
 * Any wavesync event: the envelope every event record carries.
 *
 * <p>Each topic has its own sealed sub-interface that permits exactly the records published on it.
 * The JSON type id is the existing {@code eventType} property, so the payload reads the same
 * whether or not a consumer uses Jackson's polymorphic typing.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "eventType",
    visible = true)
@JsonSubTypes({
  @JsonSubTypes.Type(value = SyncRequested.class, name = SyncRequested.TYPE),
  @JsonSubTypes.Type(value = TerminateRequested.class, name = TerminateRequested.TYPE),
  @JsonSubTypes.Type(value = WaveApplyRequested.class, name = WaveApplyRequested.TYPE),
  @JsonSubTypes.Type(value = CleanupRequested.class, name = CleanupRequested.TYPE),
  @JsonSubTypes.Type(value = ResourceApplied.class, name = ResourceApplied.TYPE),
  @JsonSubTypes.Type(value = ResourceApplyFailed.class, name = ResourceApplyFailed.TYPE),
  @JsonSubTypes.Type(value = WaveApplied.class, name = WaveApplied.TYPE),
  @JsonSubTypes.Type(value = HealthObserved.class, name = HealthObserved.TYPE),
  @JsonSubTypes.Type(value = HookCompleted.class, name = HookCompleted.TYPE),
  @JsonSubTypes.Type(value = ObjectDeleted.class, name = ObjectDeleted.TYPE),
  @JsonSubTypes.Type(value = CleanupCompleted.class, name = CleanupCompleted.TYPE),
  @JsonSubTypes.Type(value = OperationUpdated.class, name = OperationUpdated.TYPE)
})
public sealed interface WavesyncEvent
    permits SyncRequestEvent, WaveCommand, CleanupCommand, Observation, OperationEvent {

  /** A random UUID, unique per event; consumers deduplicate by it. */
  String eventId();

  /** The simple name of the event record, constant per record. */
  String eventType();

  /** The version of the event's JSON Schema the payload follows. */
  int schemaVersion();

  /** When the producer created the event. */
  Instant occurredAt();

  /**
   * The application the event belongs to: the aggregate key, and the Kafka record key, so that all
   * events of one application land in one partition, in order.
   */
  String application();
}
