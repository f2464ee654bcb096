package io.wavesync.engine.health;

import static io.wavesync.engine.health.Fields.list;
import static io.wavesync.engine.health.Fields.str;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectReader;
import io.wavesync.engine.model.KubeObject;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * autoscaling/v1 and autoscaling/v2 HorizontalPodAutoscaler, as Argo CD's {@code health_hpa.go}. v1
 * carries its conditions as JSON in an annotation; v2 has them in {@code status.conditions}.
 */
final class HorizontalPodAutoscalerHealth {

  static final String CONDITIONS_ANNOTATION = "autoscaling.alpha.kubernetes.io/conditions";

  private static final HealthResult WAITING =
      new HealthResult(HealthStatus.Progressing, "Waiting to Autoscale");

  /** (type, reason) pairs that mean the autoscaler cannot do its job. */
  private static final Set<String> DEGRADED =
      Set.of(
          "AbleToScale/FailedGetScale",
          "AbleToScale/FailedUpdateScale",
          "ScalingActive/FailedGetResourceMetric",
          "ScalingActive/FailedGetObjectMetric",
          "ScalingActive/FailedGetPodsMetric",
          "ScalingActive/FailedGetExternalMetric",
          "ScalingActive/FailedComputeMetricsReplicas",
          "ScalingActive/InvalidSelector");

  private static final Set<String> HEALTHY_TYPES = Set.of("AbleToScale", "ScalingLimited");

  private static final ObjectReader STRICT_JSON =
      KubeObject.JSON.reader().with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

  private record Condition(String type, String reason, String message, String status) {}

  private HorizontalPodAutoscalerHealth() {}

  static HealthResult check(KubeObject hpa) throws HealthCheckException {
    switch (hpa.version()) {
      case "v1":
        if (!hpa.hasAnnotation(CONDITIONS_ANNOTATION)) {
          return WAITING;
        }
        List<Condition> fromAnnotation = parseAnnotation(hpa.annotation(CONDITIONS_ANNOTATION));
        return fromAnnotation.isEmpty() ? WAITING : assess(fromAnnotation);
      case "v2":
        List<Condition> conditions = new ArrayList<>();
        for (JsonNode c : list(hpa, "status", "conditions")) {
          conditions.add(
              new Condition(str(c, "type"), str(c, "reason"), str(c, "message"), str(c, "status")));
        }
        return assess(conditions);
      default:
        throw HealthCheckException.builtIn("unsupported HPA GVK: " + Fields.gvk(hpa));
    }
  }

  private static HealthResult assess(List<Condition> conditions) {
    for (Condition c : conditions) {
      if (DEGRADED.contains(c.type() + "/" + c.reason())) {
        return new HealthResult(HealthStatus.Degraded, c.message());
      }
    }
    for (Condition c : conditions) {
      if (HEALTHY_TYPES.contains(c.type()) && "True".equals(c.status())) {
        return new HealthResult(HealthStatus.Healthy, c.message());
      }
    }
    return WAITING;
  }

  /**
   * Decodes the annotation with the leniency of Go's {@code encoding/json}: keys match
   * case-insensitively, unknown keys and nulls are ignored, anything else of the wrong type fails.
   */
  private static List<Condition> parseAnnotation(String json) throws HealthCheckException {
    JsonNode root;
    try {
      root = STRICT_JSON.readTree(json == null ? "" : json);
    } catch (JsonProcessingException e) {
      throw conversionError(e.getOriginalMessage());
    }
    if (root == null || root.isMissingNode()) {
      throw conversionError("unexpected end of JSON input");
    }
    if (root.isNull()) {
      return List.of();
    }
    if (!root.isArray()) {
      throw conversionError("cannot unmarshal " + jsonType(root) + " into a list of conditions");
    }
    List<Condition> out = new ArrayList<>(root.size());
    for (JsonNode item : root) {
      if (item.isNull()) {
        out.add(new Condition("", "", "", ""));
        continue;
      }
      if (!item.isObject()) {
        throw conversionError("cannot unmarshal " + jsonType(item) + " into a condition");
      }
      String[] values = {"", "", "", ""};
      Iterator<Map.Entry<String, JsonNode>> fields = item.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> f = fields.next();
        int slot =
            switch (f.getKey().toLowerCase(Locale.ROOT)) {
              case "type" -> 0;
              case "reason" -> 1;
              case "message" -> 2;
              case "status" -> 3;
              default -> -1;
            };
        if (slot < 0 || f.getValue().isNull()) {
          continue;
        }
        if (!f.getValue().isTextual()) {
          throw conversionError(
              "cannot unmarshal "
                  + jsonType(f.getValue())
                  + " into condition field "
                  + f.getKey()
                  + " of type string");
        }
        values[slot] = f.getValue().asText();
      }
      out.add(new Condition(values[0], values[1], values[2], values[3]));
    }
    return out;
  }

  private static HealthCheckException conversionError(String detail) {
    return HealthCheckException.builtIn(
        "failed to convert conditions annotation to typed: " + detail);
  }

  private static String jsonType(JsonNode n) {
    if (n.isObject()) {
      return "object";
    }
    if (n.isArray()) {
      return "array";
    }
    if (n.isTextual()) {
      return "string";
    }
    if (n.isBoolean()) {
      return "bool";
    }
    return "number";
  }
}
