package io.wavesync.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The events on {@value Topics#OPERATIONS}, a compacted topic: the latest state of each
 * application's operation, from the planner to everyone who follows it.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "eventType",
    visible = true)
@JsonSubTypes({@JsonSubTypes.Type(value = OperationUpdated.class, name = OperationUpdated.TYPE)})
public sealed interface OperationEvent extends WavesyncEvent permits OperationUpdated {

  /** The operation the event describes. */
  String operationId();
}
