package io.wavesync.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.wavesync.engine.manifest.Manifest;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The manifests of a sync request as one multi-document YAML text: every object the loader read,
 * {@code List} items already expanded, each document starting with {@code ---}.
 *
 * <p>Written from the parsed objects rather than by concatenating files, so that the planner reads
 * exactly what the command checked: comments, anchors and file boundaries are gone, and string
 * values are always quoted, so nothing can change type on the way (YAML 1.1's {@code yes}, {@code
 * 0755}).
 */
final class ManifestText {

  private static final YAMLMapper YAML = new YAMLMapper();

  private ManifestText() {}

  static String of(List<Manifest> manifests) {
    StringWriter text = new StringWriter();
    try (SequenceWriter documents = YAML.writer().writeValues(text)) {
      for (Manifest m : manifests) {
        documents.write(m.object().json());
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write manifests as YAML", e);
    }
    return text.toString();
  }
}
