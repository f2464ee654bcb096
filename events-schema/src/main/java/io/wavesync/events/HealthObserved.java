package io.wavesync.events;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.events.payload.Fields;
import io.wavesync.events.payload.Health;
import io.wavesync.events.payload.InvalidFieldException;
import io.wavesync.events.payload.ObjectRef;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * The state of an object an operation applied, as the watcher saw it change.
 *
 * <p>Produced by the hook-watcher-service on {@value Topics#OBSERVATIONS}. Consumed by the
 * planner-service, which waits for a wave's resources to be healthy. Health only counts when it is
 * fresh: the planner ignores an observation whose {@code observedGeneration} is older than the
 * generation it applied.
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the watcher saw the change
 * @param application envelope and Kafka key: the application the object belongs to
 * @param operationId the operation that applied the object, when the watcher knows it
 * @param ref the object; with its UID whenever the object exists
 * @param exists the object exists (false once it is deleted)
 * @param generation the object's {@code metadata.generation} (0 when it has none)
 * @param observedGeneration the generation the object's controller last acted on, when the status
 *     reports one
 * @param deletionTimestamp the object's deletion timestamp, when it is being deleted
 * @param finalizers the object's finalizers
 * @param health the object's health; absent when the kind has no health check
 * @param object a trimmed copy of the object (metadata and status), when the watcher sends one;
 *     returned as a copy
 * @param resourceVersion the object's resource version, when it exists
 */
public record HealthObserved(
    String eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String application,
    String operationId,
    ObjectRef ref,
    boolean exists,
    long generation,
    Long observedGeneration,
    String deletionTimestamp,
    List<String> finalizers,
    Health health,
    ObjectNode object,
    String resourceVersion)
    implements Observation {

  public static final String TYPE = "HealthObserved";
  public static final int SCHEMA_VERSION = 1;

  public HealthObserved {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.optionalText(operationId, "operationId");
    Fields.required(ref, "ref");
    if (exists && ref.uid() == null) {
      throw InvalidFieldException.missing("ref.uid");
    }
    Fields.nonNegative(generation, "generation");
    Fields.nonNegative(observedGeneration, "observedGeneration");
    if (deletionTimestamp != null) {
      try {
        OffsetDateTime.parse(deletionTimestamp);
      } catch (DateTimeParseException e) {
        throw InvalidFieldException.invalid(
            "deletionTimestamp", "'" + deletionTimestamp + "' is not an RFC 3339 date-time");
      }
    }
    finalizers = Fields.list(finalizers, "finalizers");
    object = Fields.copy(object);
    Fields.optionalText(resourceVersion, "resourceVersion");
  }

  /** A copy of the trimmed object, or null. */
  @Override
  public ObjectNode object() {
    return Fields.copy(object);
  }

  /** A new observation with a fresh envelope; the arguments follow the record's payload fields. */
  public static HealthObserved of(
      String application,
      String operationId,
      ObjectRef ref,
      boolean exists,
      long generation,
      Long observedGeneration,
      String deletionTimestamp,
      List<String> finalizers,
      Health health,
      ObjectNode object,
      String resourceVersion) {
    return new HealthObserved(
        Envelope.newEventId(),
        TYPE,
        SCHEMA_VERSION,
        Envelope.now(),
        application,
        operationId,
        ref,
        exists,
        generation,
        observedGeneration,
        deletionTimestamp,
        finalizers,
        health,
        object,
        resourceVersion);
  }
}
