package io.wavesync.events;

import java.io.FileNotFoundException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Where the JSON Schemas of the events are. There is one checked-in file per event type and schema
 * version, {@code schemas/<eventType>.v<N>.json} on the classpath (JSON Schema draft 2020-12), and
 * it is the only copy: other modules read it from this jar.
 */
public final class Schemas {

  /** The classpath directory of the schema files. */
  public static final String DIRECTORY = "schemas";

  /**
   * The base of every schema's {@code $id}; a schema's id is this base plus its file name, and one
   * schema refers to another by file name relative to it.
   */
  public static final String ID_BASE = "https://wavesync.io/schemas/";

  private Schemas() {}

  /** The file name of a schema: {@code <eventType>.v<N>.json}. */
  public static String fileName(String eventType, int schemaVersion) {
    if (eventType == null || !eventType.matches("[A-Za-z][A-Za-z0-9]*") || schemaVersion < 1) {
      throw new IllegalArgumentException(
          "no schema for eventType '" + eventType + "' version " + schemaVersion);
    }
    return eventType + ".v" + schemaVersion + ".json";
  }

  /** The classpath resource path of a schema, for {@link ClassLoader#getResource(String)}. */
  public static String resourcePath(String eventType, int schemaVersion) {
    return DIRECTORY + "/" + fileName(eventType, schemaVersion);
  }

  /** The classpath resource path of the schema an event record follows. */
  public static String resourcePath(Class<? extends WavesyncEvent> recordClass) {
    EventTypes.Entry entry = EventTypes.of(recordClass);
    return resourcePath(entry.eventType(), entry.schemaVersion());
  }

  /** The {@code $id} of a schema. */
  public static String id(String eventType, int schemaVersion) {
    return ID_BASE + fileName(eventType, schemaVersion);
  }

  /** The resource paths of the schemas of every event type this build knows. */
  public static List<String> all() {
    return EventTypes.all().stream()
        .map(e -> resourcePath(e.eventType(), e.schemaVersion()))
        .toList();
  }

  /**
   * Opens a schema file; the caller closes the stream.
   *
   * @throws UncheckedIOException if there is no such schema
   */
  public static InputStream open(String eventType, int schemaVersion) {
    String path = resourcePath(eventType, schemaVersion);
    InputStream in = Schemas.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new UncheckedIOException(new FileNotFoundException("no schema at classpath:" + path));
    }
    return in;
  }
}
