package io.wavesync.watcher.domain;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;

/**
 * Trims a live object for transport in a {@code HealthObserved}. The planner computes hook state
 * and freshness from metadata, spec and status, so those stay; what goes is bulky, never read, or
 * secret.
 */
public final class ObjectTrimmer {

  /** The annotation kubectl's client-side apply keeps a full copy of the manifest in. */
  public static final String LAST_APPLIED = "kubectl.kubernetes.io/last-applied-configuration";

  // ConfigMap and Secret payloads: large, useless for health, and secret in the Secret's case.
  private static final Set<String> PAYLOAD_KINDS = Set.of("ConfigMap", "Secret");
  private static final List<String> PAYLOAD_FIELDS = List.of("data", "binaryData", "stringData");

  private ObjectTrimmer() {}

  /**
   * A trimmed copy of {@code object}: without {@code metadata.managedFields}, the last-applied
   * annotation, and the data of core ConfigMaps and Secrets. The argument is not changed.
   */
  public static ObjectNode trim(ObjectNode object) {
    ObjectNode copy = object.deepCopy();
    JsonNode metadata = copy.get("metadata");
    if (metadata instanceof ObjectNode meta) {
      meta.remove("managedFields");
      if (meta.get("annotations") instanceof ObjectNode annotations) {
        annotations.remove(LAST_APPLIED);
        if (annotations.isEmpty()) {
          meta.remove("annotations");
        }
      }
    }
    if (isCorePayloadKind(copy)) {
      copy.remove(PAYLOAD_FIELDS);
    }
    return copy;
  }

  private static boolean isCorePayloadKind(ObjectNode object) {
    JsonNode kind = object.get("kind");
    JsonNode apiVersion = object.get("apiVersion");
    return kind != null
        && PAYLOAD_KINDS.contains(kind.asText())
        && apiVersion != null
        && "v1".equals(apiVersion.asText());
  }
}
