package io.wavesync.events;

import io.wavesync.events.payload.Fields;
import io.wavesync.events.payload.StepResult;
import io.wavesync.events.payload.TaskOutcome;
import java.time.Instant;
import java.util.List;

/**
 * A wave command has been carried out: the runner's answer to the whole command.
 *
 * <p>Produced by the phase-runner-service on {@value Topics#OBSERVATIONS}, once per wave command,
 * after the per-task observations. Consumed by the planner-service, which never starts the next
 * wave while a command is unanswered.
 *
 * @param eventId envelope: random UUID
 * @param eventType envelope: always {@value #TYPE}
 * @param schemaVersion envelope: always {@value #SCHEMA_VERSION}
 * @param occurredAt envelope: when the runner finished the command
 * @param application envelope and Kafka key: the application being synced
 * @param operationId the operation
 * @param commandId the wave command this answers
 * @param stepResult the outcome of the command as a whole
 * @param results one outcome per task, in the command's task order
 */
public record WaveApplied(
    String eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String application,
    String operationId,
    String commandId,
    StepResult stepResult,
    List<TaskOutcome> results,
    List<String> awaitingConfirmation)
    implements Observation {

  public static final String TYPE = "WaveApplied";
  public static final int SCHEMA_VERSION = 1;

  public WaveApplied {
    Envelope.check(
        eventId, eventType, TYPE, schemaVersion, SCHEMA_VERSION, occurredAt, application);
    Fields.requiredText(operationId, "operationId");
    Fields.requiredText(commandId, "commandId");
    Fields.required(stepResult, "stepResult");
    results = Fields.list(results, "results");
    awaitingConfirmation = Fields.list(awaitingConfirmation, "awaitingConfirmation");
  }

  /** A new observation with a fresh envelope; the arguments follow the record's payload fields. */
  public static WaveApplied of(
      String application,
      String operationId,
      String commandId,
      StepResult stepResult,
      List<TaskOutcome> results,
      List<String> awaitingConfirmation) {
    return new WaveApplied(
        Envelope.newEventId(),
        TYPE,
        SCHEMA_VERSION,
        Envelope.now(),
        application,
        operationId,
        commandId,
        stepResult,
        results,
        awaitingConfirmation);
  }
}
