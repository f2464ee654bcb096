package io.wavesync.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The events on {@value Topics#SYNC_REQUESTS}: requests to start or stop a sync, from users and
 * tools to the planner.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "eventType",
    visible = true)
@JsonSubTypes({
  @JsonSubTypes.Type(value = SyncRequested.class, name = SyncRequested.TYPE),
  @JsonSubTypes.Type(value = TerminateRequested.class, name = TerminateRequested.TYPE)
})
public sealed interface SyncRequestEvent extends WavesyncEvent
    permits SyncRequested, TerminateRequested {

  /** The operation the request is about; absent when the planner is to choose. */
  String operationId();
}
