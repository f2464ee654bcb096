package io.wavesync.runner.k8s;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.sync.ApiException;

/**
 * The typed outcome of one write. The outcome drives the kubectl-style message, the metrics and
 * the events; a failure carries the API's status and message instead of an object.
 *
 * @param outcome what the write did
 * @param message kubectl style ({@code job.batch/migrate created}) or the API's message
 * @param object the object as the API server returned it (for a dry run: as it would be); null
 *     for a failure
 * @param httpStatus the HTTP status of a failure; 0 when no request was sent or nothing failed
 */
public record ApplyResult(Outcome outcome, String message, ObjectNode object, int httpStatus) {

  /** What a write did, named as kubectl reports it. */
  public enum Outcome {
    CREATED("created"),
    CONFIGURED("configured"),
    UNCHANGED("unchanged"),
    SERVER_SIDE_APPLIED("serverside-applied"),
    REPLACED("replaced"),
    UPDATED("updated"),
    FAILED("failed");

    private final String verb;

    Outcome(String verb) {
      this.verb = verb;
    }

    /** The word kubectl prints after the object's name. */
    public String verb() {
      return verb;
    }
  }

  /** A successful write of {@code object}, described as kubectl would. */
  public static ApplyResult of(Outcome outcome, ApplyRequest request, ObjectNode object) {
    String name = object != null && object.path("metadata").path("name").isTextual()
        ? object.path("metadata").path("name").asText() : request.name();
    String message = request.displayName(name) + " " + outcome.verb()
        + (request.dryRun() ? " (dry run)" : "");
    return new ApplyResult(outcome, message, object, 0);
  }

  /** A refused write, with the API's status and message. */
  public static ApplyResult failed(ApiException e) {
    return new ApplyResult(Outcome.FAILED, e.getMessage(), null, e.code());
  }

  public boolean isFailed() {
    return outcome == Outcome.FAILED;
  }

  /** The failure as the engine's exception; only for failed results. */
  public ApiException toApiException() {
    if (!isFailed()) {
      throw new IllegalStateException("not a failure: " + message);
    }
    return new ApiException(httpStatus, message);
  }

  /** The written object's name, or "" when unknown. */
  public String name() {
    return metadataText("name");
  }

  /** The written object's UID, or "" when unknown (a dry run of a new object). */
  public String uid() {
    return metadataText("uid");
  }

  /** The written object's generation, 0 when it has none. */
  public long generation() {
    JsonNode g = object == null ? null : object.path("metadata").get("generation");
    return g == null || !g.canConvertToLong() ? 0 : g.asLong();
  }

  /** The written object's resource version, or "" when unknown. */
  public String resourceVersion() {
    return metadataText("resourceVersion");
  }

  private String metadataText(String field) {
    JsonNode v = object == null ? null : object.path("metadata").get(field);
    return v == null || !v.isTextual() ? "" : v.asText();
  }
}
