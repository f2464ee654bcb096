package io.wavesync.engine.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.wavesync.engine.model.KubeObject;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Container images found in an object, best effort (a result's {@code images}). */
final class Images {

  private Images() {}

  static List<String> of(KubeObject obj) {
    Set<String> out = new LinkedHashSet<>();
    collect(obj.json().get("spec"), out, 0);
    return new ArrayList<>(out);
  }

  private static void collect(JsonNode n, Set<String> out, int depth) {
    if (n == null || depth > 8 || !n.isContainerNode()) {
      return;
    }
    if (n.isObject()) {
      for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
        JsonNode c = n.get(field);
        if (c != null && c.isArray()) {
          c.forEach(x -> {
            JsonNode img = x.get("image");
            if (img != null && img.isTextual()) {
              out.add(img.asText());
            }
          });
        }
      }
      n.fields().forEachRemaining(e -> {
        if (!e.getKey().endsWith("ontainers")) {
          collect(e.getValue(), out, depth + 1);
        }
      });
    } else {
      n.forEach(x -> collect(x, out, depth + 1));
    }
  }
}
