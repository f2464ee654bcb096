package io.wavesync.runner.k8s;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.kubernetes.ApiErrors;
import io.wavesync.kubernetes.GenericResources;
import java.time.Duration;

/**
 * Server-side apply ({@code ServerSideApply=true}): the API server merges the manifest and tracks
 * field ownership under the request's field manager ({@code wavesync} unless the command names
 * another). Conflicts with other managers are always forced, as Argo CD does, because the manifest
 * in Git is the desired state. Works on real clusters and on the sandbox through its patch shim.
 */
public final class ServerSideApplier extends BaseApplier {

  public ServerSideApplier(GenericResources resources, Duration forceReplaceTimeout) {
    super(resources, forceReplaceTimeout);
  }

  @Override
  protected ApplyResult applyObject(ApplyRequest request) throws ApiException {
    ObjectNode body = request.desired().deepCopy();
    // an apply request with a resourceVersion would be a precondition, and managedFields are not
    // ours to send
    body.withObjectProperty("metadata").remove("resourceVersion");
    body.withObjectProperty("metadata").remove("managedFields");
    GenericKubernetesResource object = toResource(body);
    GenericKubernetesResource applied = ApiErrors.call(() -> validated(handle(request, object),
        request).fieldManager(request.fieldManager()).forceConflicts().serverSideApply());
    return ApplyResult.of(ApplyResult.Outcome.SERVER_SIDE_APPLIED, request, toTree(applied));
  }

  @Override
  protected ApplyResult describeApply(ApplyRequest request, ObjectNode live) {
    return ApplyResult.of(ApplyResult.Outcome.SERVER_SIDE_APPLIED, request, live);
  }
}
