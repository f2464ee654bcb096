package io.wavesync.engine.manifest;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import io.wavesync.engine.manifest.ManifestException.Problem;
import io.wavesync.engine.model.KubeObject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Loads Kubernetes objects from YAML and JSON manifests.
 *
 * <p>YAML sources may hold several documents ({@code ---}); empty and comment-only documents are
 * skipped. A JSON source ({@code .json}) holds exactly one object. An object of kind {@code List},
 * or of any other {@code *List} kind that has an {@code items} sequence, is replaced by its items.
 * Every object must be a mapping with non-empty string {@code apiVersion} and {@code kind}; a
 * missing {@code metadata.name} is left for the engine to judge.
 *
 * <p>Loading is all or nothing: either every object of every source is returned, or a {@link
 * ManifestException} lists every problem found.
 */
public final class ManifestLoader {

  private static final YAMLFactory YAML = yamlFactory();
  private static final JsonFactory JSON = new JsonFactory();
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private ManifestLoader() {}

  /**
   * Loads a file, or every {@code .yaml}, {@code .yml} and {@code .json} file under a directory.
   *
   * <p>Directories are walked depth first with the entries of each directory in name order (the
   * order of Go's {@code filepath.Walk}, which kubectl and Argo CD use), so the result is
   * deterministic. Hidden files and directories (name starting with {@code .}) are skipped, and so
   * are symbolic links to directories. A file named explicitly is read whatever its extension.
   */
  public static List<Manifest> load(Path path) throws ManifestException {
    return load(List.of(path));
  }

  /** Loads each path as {@link #load(Path)} does, in the given order. */
  public static List<Manifest> load(List<Path> paths) throws ManifestException {
    Collector out = new Collector();
    for (Path path : paths) {
      String source = path.toString();
      if (Files.isDirectory(path)) {
        List<Path> files = new ArrayList<>();
        try {
          collectFiles(path, files);
        } catch (IOException | UncheckedIOException e) {
          out.problem(source, 0, 0, "cannot list directory: " + ioMessage(e));
          continue;
        }
        for (Path file : files) {
          readFile(file, out);
        }
      } else if (Files.exists(path)) {
        readFile(path, out);
      } else {
        out.problem(source, 0, 0, "no such file or directory");
      }
    }
    return out.manifestsOrThrow();
  }

  /**
   * Parses manifests held in memory. {@code sourceName} names them in locations and messages and
   * selects the format: JSON if it ends with {@code .json}, YAML otherwise.
   */
  public static List<Manifest> parse(String content, String sourceName) throws ManifestException {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(sourceName, "sourceName");
    Collector out = new Collector();
    parseInto(content, sourceName, out);
    return out.manifestsOrThrow();
  }

  private static YAMLFactory yamlFactory() {
    LoaderOptions options = new LoaderOptions();
    // SnakeYAML refuses inputs over 3 MiB by default; a rendered application is often larger.
    options.setCodePointLimit(Integer.MAX_VALUE);
    // The builder starts from no parser features, unlike `new YAMLFactory()`; without this an empty
    // document or `key:` would read as "" instead of null.
    return YAMLFactory.builder()
        .loaderOptions(options)
        .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL)
        .build();
  }

  private static void collectFiles(Path dir, List<Path> out) throws IOException {
    List<Path> entries;
    try (Stream<Path> list = Files.list(dir)) {
      entries = list.sorted(Comparator.comparing(p -> p.getFileName().toString())).toList();
    }
    for (Path entry : entries) {
      String name = entry.getFileName().toString();
      if (name.startsWith(".")) {
        continue;
      }
      if (Files.isDirectory(entry, LinkOption.NOFOLLOW_LINKS)) {
        collectFiles(entry, out);
      } else if ((name.endsWith(".yaml") || name.endsWith(".yml") || name.endsWith(".json"))
          && Files.isRegularFile(entry)) {
        out.add(entry);
      }
    }
  }

  private static void readFile(Path file, Collector out) {
    String source = file.toString();
    String content;
    try {
      content = Files.readString(file, StandardCharsets.UTF_8);
    } catch (MalformedInputException e) {
      out.problem(source, 0, 0, "not valid UTF-8");
      return;
    } catch (IOException e) {
      out.problem(source, 0, 0, "cannot read: " + ioMessage(e));
      return;
    }
    parseInto(content, source, out);
  }

  private static void parseInto(String content, String source, Collector out) {
    // Editors on Windows like to start files with a byte order mark; it is not content.
    String text = content.startsWith("\uFEFF") ? content.substring(1) : content;
    if (source.endsWith(".json")) {
      parseJson(text, source, out);
    } else {
      parseYaml(text, source, out);
    }
  }

  private static void parseYaml(String text, String source, Collector out) {
    try (YAMLParser parser = (YAMLParser) YAML.createParser(text)) {
      int document = 0;
      boolean inDocument = false;
      try {
        TreeReader reader = new TreeReader(parser, parser);
        // Each root-level value is one document; an empty or comment-only one reads as null.
        while (parser.nextToken() != null) {
          document++;
          inDocument = true;
          Parsed doc = reader.readTracked();
          inDocument = false;
          if (!doc.node().isNull()) {
            addObject(doc, source, document, "", out);
          }
        }
      } catch (SyntaxProblem e) {
        out.problem(source, document, e.line, e.getMessage());
      } catch (JacksonException | org.yaml.snakeyaml.error.YAMLException e) {
        // An error between two documents belongs to the one that was about to start.
        int doc = inDocument ? document : document + 1;
        int line = yamlErrorLine(e);
        out.problem(
            source, doc, line > 0 ? line : lineOf(parser.currentLocation()), yamlErrorMessage(e));
      }
    } catch (IOException e) {
      out.problem(source, 0, 0, "cannot read: " + ioMessage(e));
    }
  }

  private static void parseJson(String text, String source, Collector out) {
    try (JsonParser parser = JSON.createParser(text)) {
      try {
        if (parser.nextToken() == null) {
          return;
        }
        Parsed doc = new TreeReader(parser, null).readTracked();
        if (parser.nextToken() != null) {
          out.problem(
              source,
              1,
              lineOf(parser.currentTokenLocation()),
              "a JSON file must hold a single object, but another value follows it");
          return;
        }
        if (doc.node().isArray()) {
          out.problem(
              source,
              1,
              doc.line(),
              "a JSON file must hold a single object (use a List object for several), found an"
                  + " array");
          return;
        }
        addObject(doc, source, 1, "", out);
      } catch (SyntaxProblem e) {
        out.problem(source, 1, e.line, e.getMessage());
      } catch (JacksonException e) {
        int line = lineOf(e.getLocation());
        out.problem(
            source,
            1,
            line > 0 ? line : lineOf(parser.currentLocation()),
            "invalid JSON: " + e.getOriginalMessage());
      }
    } catch (IOException e) {
      out.problem(source, 0, 0, "cannot read: " + ioMessage(e));
    }
  }

  /** Validates one object and adds it, or its items if it is a List. */
  private static void addObject(
      Parsed parsed, String source, int document, String path, Collector out) {
    String prefix = path.isEmpty() ? "" : path + ": ";
    if (!validate(parsed, source, document, prefix, out)) {
      return;
    }
    ObjectNode obj = (ObjectNode) parsed.node();
    String kind = obj.get("kind").asText();
    JsonNode items = obj.get("items");
    boolean isList =
        kind.equals("List") || (kind.endsWith("List") && items != null && items.isArray());
    if (!isList) {
      out.add(new Manifest(KubeObject.of(obj), source, document, parsed.line()));
      return;
    }
    if (items == null || items.isNull()) {
      return;
    }
    if (!items.isArray()) {
      out.problem(
          source,
          document,
          parsed.lineOf("items"),
          prefix + "items must be a sequence, found " + describe(items));
      return;
    }
    List<Parsed> tracked = parsed.items();
    for (int i = 0; i < tracked.size(); i++) {
      String itemPath = (path.isEmpty() ? "" : path + ".") + "items[" + i + "]";
      addObject(tracked.get(i), source, document, itemPath, out);
    }
  }

  /** Reports everything wrong with one object, in line order; true if nothing is. */
  private static boolean validate(
      Parsed parsed, String source, int document, String prefix, Collector out) {
    JsonNode node = parsed.node();
    if (!node.isObject()) {
      out.problem(
          source,
          document,
          parsed.line(),
          prefix + "expected a Kubernetes object (a mapping), found " + describe(node));
      return false;
    }
    List<Problem> found = new ArrayList<>();
    for (String field : List.of("apiVersion", "kind")) {
      JsonNode v = node.get(field);
      if (v == null || v.isNull()) {
        found.add(new Problem(source, document, parsed.line(), prefix + field + " is missing"));
      } else if (!v.isTextual() || v.asText().isEmpty()) {
        found.add(
            new Problem(
                source,
                document,
                parsed.lineOf(field),
                prefix + field + " must be a non-empty string, found " + describe(v)));
      }
    }
    JsonNode metadata = node.get("metadata");
    if (metadata != null && !metadata.isNull()) {
      if (!metadata.isObject()) {
        found.add(
            new Problem(
                source,
                document,
                parsed.lineOf("metadata"),
                prefix + "metadata must be a mapping, found " + describe(metadata)));
      } else {
        metadata
            .fields()
            .forEachRemaining(
                e ->
                    checkMetadataField(
                        e.getKey(), e.getValue(), parsed, source, document, prefix, found));
      }
    }
    found.sort(Comparator.comparingInt(Problem::line));
    found.forEach(out::add);
    return found.isEmpty();
  }

  private static void checkMetadataField(
      String field,
      JsonNode value,
      Parsed parsed,
      String source,
      int document,
      String prefix,
      List<Problem> found) {
    if (value.isNull()) {
      return;
    }
    String path = "metadata." + field;
    switch (field) {
      case "name", "generateName", "namespace" -> {
        if (!value.isTextual()) {
          found.add(
              new Problem(
                  source,
                  document,
                  parsed.lineOf(path),
                  prefix + path + " must be a string, found " + describe(value)));
        }
      }
      case "labels", "annotations" -> {
        // The API server rejects non-string values (an unquoted `argocd.argoproj.io/sync-wave: 1`
        // is the classic); refusing them here keeps wavesync from acting on an object Kubernetes
        // would never accept.
        if (!value.isObject()) {
          found.add(
              new Problem(
                  source,
                  document,
                  parsed.lineOf(path),
                  prefix + path + " must be a mapping, found " + describe(value)));
          return;
        }
        value
            .fields()
            .forEachRemaining(
                e -> {
                  JsonNode v = e.getValue();
                  if (!v.isNull() && !v.isTextual()) {
                    found.add(
                        new Problem(
                            source,
                            document,
                            parsed.lineOf(path + "." + e.getKey()),
                            prefix
                                + path
                                + "["
                                + e.getKey()
                                + "] must be a string, found "
                                + describe(v)
                                + " (quote the value)"));
                  }
                });
      }
      default -> {
        // other metadata fields are the API server's business
      }
    }
  }

  private static String describe(JsonNode n) {
    if (n.isObject()) {
      return "a mapping";
    }
    if (n.isArray()) {
      return "a sequence";
    }
    if (n.isTextual()) {
      return n.asText().isEmpty() ? "an empty string" : "a string";
    }
    if (n.isNumber()) {
      return "a number";
    }
    if (n.isBoolean()) {
      return "a boolean";
    }
    if (n.isNull()) {
      return "null";
    }
    return "a " + n.getNodeType().name().toLowerCase(Locale.ROOT);
  }

  private static int yamlErrorLine(Exception e) {
    MarkedYAMLException marked = markedCause(e);
    if (marked != null) {
      Mark mark =
          marked.getProblemMark() != null ? marked.getProblemMark() : marked.getContextMark();
      if (mark != null) {
        return mark.getLine() + 1;
      }
    }
    return e instanceof JacksonException je ? lineOf(je.getLocation()) : 0;
  }

  private static String yamlErrorMessage(Exception e) {
    MarkedYAMLException marked = markedCause(e);
    if (marked == null) {
      String msg = e instanceof JacksonException je ? je.getOriginalMessage() : e.getMessage();
      return "invalid YAML: " + msg;
    }
    StringBuilder sb = new StringBuilder("invalid YAML: ").append(marked.getProblem());
    if (marked.getContext() != null) {
      sb.append(" (").append(marked.getContext());
      Mark ctx = marked.getContextMark();
      if (ctx != null) {
        sb.append(" at line ").append(ctx.getLine() + 1);
        sb.append(", column ").append(ctx.getColumn() + 1);
      }
      sb.append(')');
    }
    return sb.toString();
  }

  private static MarkedYAMLException markedCause(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof MarkedYAMLException m) {
        return m;
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return null;
  }

  private static int lineOf(JsonLocation loc) {
    return loc == null ? 0 : Math.max(loc.getLineNr(), 0);
  }

  private static String ioMessage(Exception e) {
    Throwable t = e instanceof UncheckedIOException u ? u.getCause() : e;
    return t.getMessage() != null ? t.getMessage() : t.getClass().getSimpleName();
  }

  /** A parsed value with the lines the loader needs for locations and messages. */
  private record Parsed(
      JsonNode node, int line, Map<String, Integer> fieldLines, List<Parsed> items) {

    /**
     * The line of a tracked field ({@code kind}, {@code metadata.name}, ...), else the object's.
     */
    int lineOf(String field) {
      Integer l = fieldLines.get(field);
      return l == null ? line : l;
    }
  }

  /**
   * Builds JSON trees from parser tokens, recording the lines of the fields that validation may
   * complain about and of each element of {@code items}. Reading tokens once, straight into nodes,
   * keeps large inputs fast.
   */
  private static final class TreeReader {

    private final JsonParser parser;
    private final YAMLParser yaml;

    TreeReader(JsonParser parser, YAMLParser yaml) {
      this.parser = parser;
      this.yaml = yaml;
    }

    /** Reads the value at the current token as a document root or a List item. */
    Parsed readTracked() throws IOException, SyntaxProblem {
      int line = lineOf(parser.currentTokenLocation());
      if (parser.currentToken() != JsonToken.START_OBJECT) {
        return new Parsed(readNode(null, null), line, Map.of(), List.of());
      }
      ObjectNode obj = NODES.objectNode();
      Map<String, Integer> lines = new HashMap<>();
      List<Parsed> items = List.of();
      while (nextToken() == JsonToken.FIELD_NAME) {
        String name = parser.currentName();
        lines.put(name, lineOf(parser.currentTokenLocation()));
        JsonToken value = nextToken();
        if (name.equals("items")) {
          items = List.of();
          if (value == JsonToken.START_ARRAY) {
            List<Parsed> tracked = new ArrayList<>();
            ArrayNode array = NODES.arrayNode();
            while (nextToken() != JsonToken.END_ARRAY) {
              Parsed item = readTracked();
              tracked.add(item);
              array.add(item.node());
            }
            items = tracked;
            obj.set(name, array);
            continue;
          }
        }
        obj.set(name, readNode(name.equals("metadata") ? "metadata." : null, lines));
      }
      return new Parsed(obj, line, lines, items);
    }

    /**
     * Reads the value at the current token. With {@code track} non-null, records the line of each
     * field under that dotted prefix (metadata fields, and label and annotation keys).
     */
    private JsonNode readNode(String track, Map<String, Integer> lines)
        throws IOException, SyntaxProblem {
      JsonToken token = parser.currentToken();
      if (token == null) {
        throw new SyntaxProblem(lineOf(parser.currentLocation()), "unexpected end of input");
      }
      switch (token) {
        case START_OBJECT -> {
          ObjectNode obj = NODES.objectNode();
          while (nextToken() == JsonToken.FIELD_NAME) {
            String name = parser.currentName();
            String child = null;
            if (track != null) {
              lines.put(track + name, lineOf(parser.currentTokenLocation()));
              if (track.equals("metadata.")
                  && (name.equals("labels") || name.equals("annotations"))) {
                child = track + name + ".";
              }
            }
            nextToken();
            obj.set(name, readNode(child, lines));
          }
          return obj;
        }
        case START_ARRAY -> {
          ArrayNode array = NODES.arrayNode();
          while (nextToken() != JsonToken.END_ARRAY) {
            array.add(readNode(null, null));
          }
          return array;
        }
        case VALUE_STRING, VALUE_EMBEDDED_OBJECT -> {
          checkAlias();
          return NODES.textNode(parser.getText());
        }
        case VALUE_NUMBER_INT -> {
          return switch (parser.getNumberType()) {
            case INT -> NODES.numberNode(parser.getIntValue());
            case LONG -> NODES.numberNode(parser.getLongValue());
            default -> NODES.numberNode(parser.getBigIntegerValue());
          };
        }
        case VALUE_NUMBER_FLOAT -> {
          return NODES.numberNode(parser.getDoubleValue());
        }
        case VALUE_TRUE -> {
          return NODES.booleanNode(true);
        }
        case VALUE_FALSE -> {
          return NODES.booleanNode(false);
        }
        case VALUE_NULL -> {
          return NODES.nullNode();
        }
        default ->
            throw new SyntaxProblem(lineOf(parser.currentTokenLocation()), "unexpected " + token);
      }
    }

    /**
     * The next token. YAML aliases are refused: Jackson passes {@code *name} through as the plain
     * string "name", which would silently load the wrong object.
     */
    private JsonToken nextToken() throws IOException, SyntaxProblem {
      JsonToken t = parser.nextToken();
      if (t == null) {
        throw new SyntaxProblem(lineOf(parser.currentLocation()), "unexpected end of input");
      }
      checkAlias();
      return t;
    }

    private void checkAlias() throws IOException, SyntaxProblem {
      if (yaml != null && yaml.isCurrentAlias()) {
        throw new SyntaxProblem(
            lineOf(parser.currentTokenLocation()),
            "YAML aliases are not supported (*" + yaml.getText() + ")");
      }
    }
  }

  /** A problem found while building the tree, with its line. */
  private static final class SyntaxProblem extends Exception {

    private static final long serialVersionUID = 1L;

    final int line;

    SyntaxProblem(int line, String message) {
      super(message, null, false, false);
      this.line = line;
    }
  }

  /** Collects manifests and problems over one load. */
  private static final class Collector {

    private final List<Manifest> manifests = new ArrayList<>();
    private final List<Problem> problems = new ArrayList<>();

    void add(Manifest m) {
      manifests.add(m);
    }

    void problem(String source, int document, int line, String message) {
      problems.add(new Problem(source, document, line, message));
    }

    void add(Problem p) {
      problems.add(p);
    }

    List<Manifest> manifestsOrThrow() throws ManifestException {
      if (!problems.isEmpty()) {
        throw new ManifestException(problems);
      }
      return List.copyOf(manifests);
    }
  }
}
