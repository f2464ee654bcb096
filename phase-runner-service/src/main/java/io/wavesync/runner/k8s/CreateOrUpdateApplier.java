package io.wavesync.runner.k8s;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.sync.ApiException;
import io.wavesync.kubernetes.GenericResources;
import java.time.Duration;
import java.util.Optional;

/**
 * kubectl's client-side apply, the default strategy: creates the object, or merges the manifest
 * into the live object (keeping status, resourceVersion and whatever the server and other
 * controllers set; see {@link ClientSideMerge}) and updates it when anything differs. The manifest
 * is kept in the {@value ClientSideMerge#LAST_APPLIED} annotation, so that fields dropped from it
 * are removed next time. Works on any API server, the sandbox's CRUD store included.
 */
public final class CreateOrUpdateApplier extends BaseApplier {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int ATTEMPTS = 5;

  public CreateOrUpdateApplier(GenericResources resources, Duration forceReplaceTimeout) {
    super(resources, forceReplaceTimeout);
  }

  @Override
  protected ApplyResult applyObject(ApplyRequest request) throws ApiException {
    ApplyRequest annotated = request.withDesired(withLastApplied(request.desired()));
    ApiException conflict = null;
    for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
      Optional<ObjectNode> live = read(annotated);
      try {
        if (live.isEmpty()) {
          return ApplyResult.of(ApplyResult.Outcome.CREATED, annotated, create(annotated));
        }
        ObjectNode merged = ClientSideMerge.merge(live.get(), lastApplied(live.get()),
            annotated.desired());
        if (comparable(merged).equals(comparable(live.get()))) {
          return ApplyResult.of(ApplyResult.Outcome.UNCHANGED, annotated, live.get());
        }
        try {
          return ApplyResult.of(ApplyResult.Outcome.CONFIGURED, annotated,
              write(annotated, merged));
        } catch (ApiException e) {
          // an update the API refuses as invalid (an immutable field) is what force is for
          if (annotated.force() && e.code() == 422) {
            return ApplyResult.of(ApplyResult.Outcome.REPLACED, annotated, recreate(annotated));
          }
          throw e;
        }
      } catch (ApiException e) {
        // someone wrote the object between the read and the write (stale resourceVersion, or it
        // was created meanwhile): read it again
        if (!e.isConflict()) {
          throw e;
        }
        conflict = e;
      }
    }
    throw conflict;
  }

  @Override
  protected ApplyResult describeApply(ApplyRequest request, ObjectNode live) {
    ObjectNode desired = withLastApplied(request.desired());
    ObjectNode merged = ClientSideMerge.merge(live, lastApplied(live), desired);
    return ApplyResult.of(comparable(merged).equals(comparable(live))
        ? ApplyResult.Outcome.UNCHANGED : ApplyResult.Outcome.CONFIGURED, request, merged);
  }

  /** The manifest with the last-applied annotation that records it. */
  static ObjectNode withLastApplied(ObjectNode manifest) {
    ObjectNode copy = manifest.deepCopy();
    String recorded;
    try {
      recorded = JSON.writeValueAsString(ClientSideMerge.lastAppliedOf(manifest));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serialises", e);
    }
    copy.withObjectProperty("metadata").withObjectProperty("annotations")
        .put(ClientSideMerge.LAST_APPLIED, recorded);
    return copy;
  }

  /** The manifest applied last, from the live object's annotation; null when absent or corrupt. */
  static ObjectNode lastApplied(ObjectNode live) {
    JsonNode text = live.path("metadata").path("annotations").path(ClientSideMerge.LAST_APPLIED);
    if (!text.isTextual()) {
      return null;
    }
    try {
      JsonNode parsed = JSON.readTree(text.asText());
      return parsed instanceof ObjectNode o ? o : null;
    } catch (JsonProcessingException e) {
      return null;
    }
  }

  // managed fields are bookkeeping of the server, not part of what was applied
  private static ObjectNode comparable(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    if (copy.get("metadata") instanceof ObjectNode metadata) {
      metadata.remove("managedFields");
    }
    return copy;
  }
}
