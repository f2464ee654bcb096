package io.wavesync.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The events on {@value Topics#OBSERVATIONS}: what the phase runners, the hook watcher and the
 * cleanup service saw happen in the cluster, for the planner.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "eventType",
    visible = true)
@JsonSubTypes({
  @JsonSubTypes.Type(value = ResourceApplied.class, name = ResourceApplied.TYPE),
  @JsonSubTypes.Type(value = ResourceApplyFailed.class, name = ResourceApplyFailed.TYPE),
  @JsonSubTypes.Type(value = WaveApplied.class, name = WaveApplied.TYPE),
  @JsonSubTypes.Type(value = HealthObserved.class, name = HealthObserved.TYPE),
  @JsonSubTypes.Type(value = HookCompleted.class, name = HookCompleted.TYPE),
  @JsonSubTypes.Type(value = ObjectDeleted.class, name = ObjectDeleted.TYPE),
  @JsonSubTypes.Type(value = CleanupCompleted.class, name = CleanupCompleted.TYPE)
})
public sealed interface Observation extends WavesyncEvent
    permits ResourceApplied,
        ResourceApplyFailed,
        WaveApplied,
        HealthObserved,
        HookCompleted,
        ObjectDeleted,
        CleanupCompleted {

  /**
   * The operation the observation belongs to; absent for observations the watcher makes on its own,
   * which the planner matches to an operation by the object.
   */
  String operationId();
}
