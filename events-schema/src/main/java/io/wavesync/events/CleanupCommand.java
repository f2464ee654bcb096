package io.wavesync.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/** The events on {@value Topics#CLEANUP}: commands from the planner to the cleanup service. */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "eventType",
    visible = true)
@JsonSubTypes({@JsonSubTypes.Type(value = CleanupRequested.class, name = CleanupRequested.TYPE)})
public sealed interface CleanupCommand extends WavesyncEvent permits CleanupRequested {

  /** The operation the command belongs to. */
  String operationId();

  /** The command's deterministic id, echoed by every observation that answers it. */
  String commandId();
}
