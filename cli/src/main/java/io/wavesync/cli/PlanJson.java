package io.wavesync.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import io.wavesync.engine.sync.Plan;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * The plan as JSON: {@code {"tasks":[...],"skipped":[...],"ignored":[...]}}.
 *
 * <p>Fields are written one by one rather than by data binding so that their names and order are
 * part of this class, not of the engine's records: scripts depend on them.
 */
final class PlanJson {

  private static final JsonFactory FACTORY = new JsonFactory();

  private PlanJson() {}

  static void write(Plan plan, Writer out) throws IOException {
    try (JsonGenerator g = FACTORY.createGenerator(out)) {
      g.disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);
      g.setPrettyPrinter(prettyPrinter());
      g.writeStartObject();

      g.writeArrayFieldStart("tasks");
      for (Plan.Task t : plan.tasks()) {
        g.writeStartObject();
        g.writeStringField("phase", t.phase().name());
        g.writeNumberField("wave", t.wave());
        g.writeStringField("group", t.group());
        g.writeStringField("kind", t.kind());
        g.writeStringField("namespace", t.namespace());
        g.writeStringField("name", t.name());
        g.writeBooleanField("hook", t.hook());
        writeStrings(g, "hookTypes", t.hookTypes());
        writeStrings(g, "deletePolicies", t.deletePolicies());
        g.writeEndObject();
      }
      g.writeEndArray();

      g.writeArrayFieldStart("skipped");
      for (Plan.Skipped s : plan.skipped()) {
        g.writeStartObject();
        g.writeStringField("kind", s.kind());
        g.writeStringField("namespace", s.namespace());
        g.writeStringField("name", s.name());
        g.writeEndObject();
      }
      g.writeEndArray();

      g.writeArrayFieldStart("ignored");
      for (Plan.Ignored i : plan.ignored()) {
        g.writeStartObject();
        g.writeStringField("kind", i.kind());
        g.writeStringField("namespace", i.namespace());
        g.writeStringField("name", i.name());
        g.writeStringField("reason", i.reason());
        g.writeEndObject();
      }
      g.writeEndArray();

      g.writeEndObject();
      g.writeRaw('\n');
    }
  }

  private static void writeStrings(JsonGenerator g, String field, List<String> values)
      throws IOException {
    g.writeArrayFieldStart(field);
    for (String v : values) {
      g.writeString(v);
    }
    g.writeEndArray();
  }

  /**
   * Two-space indentation, {@code "key": value}, one array element per line and {@code []} for
   * empty arrays: the layout of {@code jq} and of most JSON tools, with {@code \n} line ends on
   * every platform.
   */
  static DefaultPrettyPrinter prettyPrinter() {
    Separators separators =
        Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator("");
    DefaultPrettyPrinter pp = new DefaultPrettyPrinter(separators);
    DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
    pp.indentObjectsWith(indenter);
    pp.indentArraysWith(indenter);
    return pp;
  }
}
