package io.wavesync.kubernetes;

import io.fabric8.kubernetes.api.model.DeleteOptions;
import io.fabric8.kubernetes.api.model.DeleteOptionsBuilder;
import io.wavesync.engine.sync.ApiException;
import java.util.Locale;
import java.util.Set;

/**
 * Deletes one object with a propagation policy and, when the UID of the object meant is known, a
 * UID precondition, so that a stale command never deletes a newer object of the same name.
 *
 * <p>The request is sent directly rather than through fabric8's {@code delete()}, which has no
 * preconditions and answers a missing object with an empty list instead of saying NotFound.
 */
public final class Deletes {

  /** The propagation policies, spelled as the Kubernetes API expects them. */
  public static final Set<String> PROPAGATION_POLICIES =
      Set.of("Foreground", "Background", "Orphan");

  /** What a delete found. */
  public enum Outcome {
    /** The API server accepted the deletion (the object may stay a while with finalizers). */
    DELETED,
    /** The object is gone, or another object with a different UID has its name. */
    NOT_FOUND
  }

  /**
   * The outcome of a delete.
   *
   * @param outcome deleted or already gone
   * @param message kubectl style ({@code job.batch/migrate deleted}) or the API's NotFound message
   */
  public record Result(Outcome outcome, String message) {}

  private Deletes() {}

  /**
   * Kubernetes' spelling of a propagation policy; accepts Argo CD's lower-case spelling. Null or
   * blank means the API's default and stays null.
   *
   * @throws IllegalArgumentException for anything else
   */
  public static String propagationPolicy(String policy) {
    if (policy == null || policy.isBlank()) {
      return null;
    }
    String p = policy.trim();
    String normalized = p.substring(0, 1).toUpperCase(Locale.ROOT)
        + p.substring(1).toLowerCase(Locale.ROOT);
    if (!PROPAGATION_POLICIES.contains(normalized)) {
      throw new IllegalArgumentException("'" + policy + "' is not a propagation policy; expected "
          + "one of Foreground, Background, Orphan");
    }
    return normalized;
  }

  /**
   * Deletes the object {@code ref} names.
   *
   * @param propagationPolicy {@code Foreground}, {@code Background}, {@code Orphan} (any case), or
   *     null for the API's default
   * @throws ApiException when the API refuses for another reason than NotFound or a UID mismatch
   */
  public static Result delete(GenericResources resources, KubeRef ref, String propagationPolicy)
      throws ApiException {
    String policy = propagationPolicy(propagationPolicy);
    ResourceType type;
    try {
      type = resources.type(ref);
    } catch (ApiException e) {
      if (e.isNotFound()) {
        // the kind is not served, so no object of it exists
        return new Result(Outcome.NOT_FOUND, e.getMessage());
      }
      throw e;
    }
    DeleteOptionsBuilder options = new DeleteOptionsBuilder()
        .withApiVersion("v1")
        .withKind("DeleteOptions");
    if (policy != null) {
      options.withPropagationPolicy(policy);
    }
    if (ref.uid() != null) {
      options.withNewPreconditions().withUid(ref.uid()).endPreconditions();
    }
    DeleteOptions body = options.build();
    String path = type.path(resources.namespaceOf(type, ref.namespace()), ref.name());
    try {
      ApiErrors.call(() -> resources.client().raw(path, "DELETE", body));
      return new Result(Outcome.DELETED, ref.displayName() + " " + KubectlMessages.DELETED);
    } catch (ApiException e) {
      if (e.isNotFound()) {
        return new Result(Outcome.NOT_FOUND, e.getMessage());
      }
      if (ApiErrors.isUidPreconditionFailure(e)) {
        return new Result(Outcome.NOT_FOUND, ref.displayName() + " with uid " + ref.uid()
            + " is gone (" + e.getMessage() + ")");
      }
      throw e;
    }
  }
}
