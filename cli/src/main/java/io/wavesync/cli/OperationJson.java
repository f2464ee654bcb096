package io.wavesync.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.payload.ResourceResultView;
import java.io.IOException;
import java.io.Writer;
import java.time.Instant;

/**
 * An operation's state as JSON, for {@code sync --wait -o json} and {@code status -o json}:
 *
 * <pre>{@code
 * {"application","operationId","phase","message","startedAt","finishedAt",
 *  "resources":[{"group","kind","namespace","name","status","hookType","hookPhase","syncPhase",
 *                "message"}]}
 * }</pre>
 *
 * <p>Every key is always present ({@code null} when there is no value) and in this order, so that
 * scripts can rely on the shape; written field by field for the same reason as {@link PlanJson}.
 */
final class OperationJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private OperationJson() {}

  static void write(OperationUpdated u, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(PlanJson.prettyPrinter());
      g.writeStartObject();
      g.writeStringField("application", u.application());
      g.writeStringField("operationId", u.operationId());
      g.writeStringField("phase", u.phase().name());
      g.writeStringField("message", u.message());
      g.writeStringField("startedAt", text(u.startedAt()));
      g.writeStringField("finishedAt", text(u.finishedAt()));
      g.writeArrayFieldStart("resources");
      for (ResourceResultView r : u.resources()) {
        g.writeStartObject();
        g.writeStringField("group", r.group());
        g.writeStringField("kind", r.kind());
        g.writeStringField("namespace", r.namespace());
        g.writeStringField("name", r.name());
        g.writeStringField("status", r.status() == null ? null : r.status().name());
        g.writeStringField("hookType", r.hookType());
        g.writeStringField("hookPhase", r.hookPhase() == null ? null : r.hookPhase().name());
        g.writeStringField("syncPhase", r.syncPhase().name());
        g.writeStringField("message", r.message());
        g.writeEndObject();
      }
      g.writeEndArray();
      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static String text(Instant t) {
    return t == null ? null : t.toString();
  }
}
