package io.wavesync.events;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

/**
 * The events on the wave topics ({@value Topics#WAVES_PRESYNC}, {@value Topics#WAVES_SYNC}, {@value
 * Topics#WAVES_POSTSYNC}, {@value Topics#WAVES_SYNCFAIL}): commands to the phase runners.
 */
@JsonTypeInfo(
    use = JsonTypeInfo.Id.NAME,
    include = JsonTypeInfo.As.EXISTING_PROPERTY,
    property = "eventType",
    visible = true)
@JsonSubTypes({
  @JsonSubTypes.Type(value = WaveApplyRequested.class, name = WaveApplyRequested.TYPE)
})
public sealed interface WaveCommand extends WavesyncEvent permits WaveApplyRequested {

  /** The operation the command belongs to. */
  String operationId();

  /** The command's deterministic id, echoed by every observation that answers it. */
  String commandId();
}
