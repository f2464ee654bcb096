package io.wavesync.runner.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.sync.ApplyStrategy;
import io.wavesync.kubernetes.KubectlMessages;
import io.wavesync.kubernetes.ResourceType;

/**
 * One write to make.
 *
 * @param type the served kind of the object
 * @param namespace the namespace the object goes to; null for cluster-scoped kinds
 * @param desired the manifest to write, with wavesync's labels and annotations, its namespace set
 * @param method how to write it, as the engine decided (spec §1.7)
 * @param force replace: delete and re-create; apply: also re-create an object whose update the API
 *     refuses as invalid; server-side apply: take over conflicting fields
 * @param validate let the API server validate fields strictly
 * @param fieldManager the field manager of the write
 * @param dryRun check and describe only, write nothing
 */
public record ApplyRequest(
    ResourceType type,
    String namespace,
    ObjectNode desired,
    ApplyStrategy.Method method,
    boolean force,
    boolean validate,
    String fieldManager,
    boolean dryRun) {

  /** This request with another manifest. */
  public ApplyRequest withDesired(ObjectNode manifest) {
    return new ApplyRequest(type, namespace, manifest, method, force, validate, fieldManager,
        dryRun);
  }

  /** The object's name; "" for an object whose name the API server generates. */
  public String name() {
    return desired.path("metadata").path("name").asText("");
  }

  /** kubectl's name of the object, for example {@code job.batch/migrate}. */
  public String displayName(String name) {
    return KubectlMessages.resource(type.group(), type.kind(), name);
  }
}
