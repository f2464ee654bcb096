package io.wavesync.engine.health;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.wavesync.engine.model.KubeObject;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Optional;

/** Live objects for the health tests, read from {@code src/test/resources/health}. */
final class Fixtures {

  private static final YAMLMapper YAML = new YAMLMapper();

  private Fixtures() {}

  static KubeObject load(String name) {
    String resource = "/health/" + name + ".yaml";
    try (InputStream in = Fixtures.class.getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return KubeObject.of((ObjectNode) YAML.readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A copy of {@code obj} with the field at {@code path} set to {@code value} (a String, Number,
   * Boolean or JsonNode), or removed when {@code value} is null. Numeric segments index arrays;
   * missing objects on the way are created.
   */
  static KubeObject with(KubeObject obj, Object value, String... path) {
    ObjectNode root = obj.json().deepCopy();
    JsonNode parent = root;
    for (int i = 0; i < path.length - 1; i++) {
      JsonNode next =
          parent.isArray() ? parent.get(Integer.parseInt(path[i])) : parent.get(path[i]);
      if (next == null || next.isNull()) {
        next = ((ObjectNode) parent).putObject(path[i]);
      }
      parent = next;
    }
    String last = path[path.length - 1];
    JsonNode node = value instanceof JsonNode n ? n : KubeObject.JSON.valueToTree(value);
    if (parent instanceof ArrayNode array) {
      array.set(Integer.parseInt(last), node);
    } else if (value == null) {
      ((ObjectNode) parent).remove(last);
    } else {
      ((ObjectNode) parent).set(last, node);
    }
    return KubeObject.of(root);
  }

  /** The health of {@code obj} with no override; fails the test if the kind has no check. */
  static HealthResult health(KubeObject obj) throws HealthCheckException {
    Optional<HealthResult> result = HealthAssessor.assess(obj, null);
    assertThat(result).as("health of %s", obj).isPresent();
    return result.get();
  }

  static HealthResult result(HealthStatus status, String message) {
    return new HealthResult(status, message);
  }
}
