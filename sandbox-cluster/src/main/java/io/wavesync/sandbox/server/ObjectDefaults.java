package io.wavesync.sandbox.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What a real API server fills in when an object is created, limited to the fields that clients
 * of the sandbox read: the Job selector and pod-template labels ({@code kubectl logs job/x} and
 * {@code describe} use them), a fresh status for kinds with a status subresource, and Service
 * addresses.
 */
final class ObjectDefaults {

  static final String CONTROLLER_UID = "batch.kubernetes.io/controller-uid";
  static final String JOB_NAME = "batch.kubernetes.io/job-name";
  static final String LEGACY_CONTROLLER_UID = "controller-uid";
  static final String LEGACY_JOB_NAME = "job-name";

  private final AtomicInteger clusterIps = new AtomicInteger(10);
  private final AtomicInteger nodePorts = new AtomicInteger(30000);

  void applyOnCreate(ResourceType type, ObjectNode object) {
    ObjectNode metadata = object.withObjectProperty("metadata");
    if (type.hasStatus() || type.kind().equals("Namespace")) {
      // Create ignores a submitted status for these kinds; controllers fill it in later.
      object.putObject("status");
    }
    switch (type.apiVersion() + "/" + type.kind()) {
      case "batch/v1/Job" -> job(metadata, object.withObjectProperty("spec"));
      case "v1/Pod" -> pod(object);
      case "v1/Service" -> service(object);
      case "v1/Namespace" -> namespace(metadata, object);
      case "v1/PersistentVolumeClaim" ->
          object.withObjectProperty("status").put("phase", "Pending");
      default -> {
      }
    }
  }

  private static void job(ObjectNode metadata, ObjectNode spec) {
    putIfAbsent(spec, "parallelism", 1);
    putIfAbsent(spec, "completions", 1);
    putIfAbsent(spec, "backoffLimit", 6);
    if (!spec.has("completionMode")) {
      spec.put("completionMode", "NonIndexed");
    }
    if (!spec.has("suspend")) {
      spec.put("suspend", false);
    }
    if (spec.path("manualSelector").asBoolean(false)) {
      return;
    }
    String uid = metadata.path("uid").asText();
    String name = metadata.path("name").asText();
    spec.putObject("selector").putObject("matchLabels").put(CONTROLLER_UID, uid);
    ObjectNode labels = spec.withObjectProperty("template").withObjectProperty("metadata")
        .withObjectProperty("labels");
    labels.put(CONTROLLER_UID, uid);
    labels.put(JOB_NAME, name);
    labels.put(LEGACY_CONTROLLER_UID, uid);
    labels.put(LEGACY_JOB_NAME, name);
  }

  private static void pod(ObjectNode pod) {
    ObjectNode spec = pod.withObjectProperty("spec");
    if (!spec.has("restartPolicy")) {
      spec.put("restartPolicy", "Always");
    }
    if (!spec.has("serviceAccountName")) {
      spec.put("serviceAccountName", "default");
    }
    if (!spec.has("schedulerName")) {
      spec.put("schedulerName", "default-scheduler");
    }
    putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
    ObjectNode status = pod.putObject("status");
    status.put("phase", "Pending");
    status.put("qosClass", "BestEffort");
  }

  private void service(ObjectNode service) {
    ObjectNode spec = service.withObjectProperty("spec");
    String type = spec.path("type").asText("ClusterIP");
    spec.put("type", type);
    if (!type.equals("ExternalName") && !spec.hasNonNull("clusterIP")) {
      int n = clusterIps.getAndIncrement();
      String ip = "10.96." + (n / 250) + "." + (n % 250 + 1);
      spec.put("clusterIP", ip);
      spec.putArray("clusterIPs").add(ip);
    }
    if (!spec.has("sessionAffinity")) {
      spec.put("sessionAffinity", "None");
    }
    JsonNode ports = spec.path("ports");
    if (ports.isArray()) {
      for (JsonNode port : (ArrayNode) ports) {
        ObjectNode p = (ObjectNode) port;
        if (!p.has("protocol")) {
          p.put("protocol", "TCP");
        }
        if (!p.has("targetPort") && p.has("port")) {
          p.set("targetPort", p.get("port"));
        }
        if ((type.equals("NodePort") || type.equals("LoadBalancer")) && !p.has("nodePort")) {
          p.put("nodePort", nodePorts.getAndIncrement());
        }
      }
    }
    service.putObject("status").putObject("loadBalancer");
  }

  private static void namespace(ObjectNode metadata, ObjectNode namespace) {
    metadata.withObjectProperty("labels")
        .put("kubernetes.io/metadata.name", metadata.path("name").asText());
    namespace.withObjectProperty("spec").putArray("finalizers").add("kubernetes");
    namespace.putObject("status").put("phase", "Active");
  }

  private static void putIfAbsent(ObjectNode node, String field, int value) {
    if (!node.has(field)) {
      node.put(field, value);
    }
  }
}
