package io.wavesync.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.engine.model.KubeObject;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The marks wavesync leaves on everything it applies: tracking labels (the hook watcher's informers
 * and any pruning select by them), tracking annotations (which operation wrote the object, and the
 * Argo CD style tracking id), and the one field manager of its writes.
 */
public final class Labels {

  public static final String MANAGED_BY = "app.kubernetes.io/managed-by";
  public static final String MANAGED_BY_VALUE = "wavesync";
  public static final String INSTANCE = "app.kubernetes.io/instance";
  public static final String APPLICATION = "wavesync.io/application";

  /** Annotation: the operation that last applied the object. */
  public static final String OPERATION = "wavesync.io/operation";
  /** Annotation: {@code <app>:<group>/<kind>:<namespace>/<name>}, as Argo CD's tracking id. */
  public static final String TRACKING_ID = "wavesync.io/tracking-id";

  /** The field manager of every write wavesync makes (server-side apply in particular). */
  public static final String FIELD_MANAGER = "wavesync";

  private Labels() {}

  /** The tracking labels of an application's objects, in a stable order. */
  public static Map<String, String> tracking(String application) {
    Map<String, String> labels = new LinkedHashMap<>();
    labels.put(MANAGED_BY, MANAGED_BY_VALUE);
    labels.put(INSTANCE, application);
    labels.put(APPLICATION, application);
    return Collections.unmodifiableMap(labels);
  }

  /** The label selector of an application's objects. */
  public static String selector(String application) {
    return MANAGED_BY + "=" + MANAGED_BY_VALUE + "," + APPLICATION + "=" + application;
  }

  /** {@code <app>:<group>/<kind>:<namespace>/<name>}; the namespace is empty for cluster-scoped. */
  public static String trackingId(
      String application, String group, String kind, String namespace, String name) {
    return application + ":" + (group == null ? "" : group) + "/" + kind + ":"
        + (namespace == null ? "" : namespace) + "/" + name;
  }

  /**
   * The tracking annotations for {@code target}: the operation, and the tracking id when the object
   * has a name (a {@code generateName} object gets its name from the API server).
   */
  public static Map<String, String> annotations(
      String application, String operationId, KubeObject target) {
    Map<String, String> annotations = new LinkedHashMap<>();
    annotations.put(OPERATION, operationId);
    if (!target.name().isEmpty()) {
      annotations.put(TRACKING_ID, trackingId(application, target.group(), target.kind(),
          target.namespace(), target.name()));
    }
    return Collections.unmodifiableMap(annotations);
  }

  /**
   * A copy of {@code target} with {@code labels} and {@code annotations} added (replacing values of
   * the same keys); {@code target} itself is not changed.
   */
  public static KubeObject stamp(
      KubeObject target, Map<String, String> labels, Map<String, String> annotations) {
    ObjectNode copy = target.json().deepCopy();
    ObjectNode metadata = copy.get("metadata") instanceof ObjectNode m ? m
        : copy.putObject("metadata");
    put(metadata, "labels", labels);
    put(metadata, "annotations", annotations);
    return KubeObject.of(copy);
  }

  private static void put(ObjectNode metadata, String field, Map<String, String> values) {
    if (values.isEmpty()) {
      return;
    }
    JsonNode existing = metadata.get(field);
    ObjectNode node = existing instanceof ObjectNode o ? o : metadata.putObject(field);
    values.forEach(node::put);
  }
}
