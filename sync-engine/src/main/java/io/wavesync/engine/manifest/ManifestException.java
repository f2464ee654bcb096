package io.wavesync.engine.manifest;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Manifests that cannot be loaded. Carries every problem found (in all files of one load), so a
 * user can fix them in one pass; the message lists them one per line, each as {@code <file>:
 * document <n> (line <l>): <what is wrong>}.
 */
public final class ManifestException extends Exception {

  private static final long serialVersionUID = 1L;

  /**
   * One thing wrong with the input. {@code document} and {@code line} are 1-based; both are 0 for a
   * problem with the file as a whole (it cannot be read, say).
   */
  public record Problem(String source, int document, int line, String message) {

    public Problem {
      Objects.requireNonNull(source, "source");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
      return (document > 0 ? location(source, document, line) : source) + ": " + message;
    }

    static String location(String source, int document, int line) {
      return source + ": document " + document + " (line " + line + ")";
    }
  }

  private final transient List<Problem> problems;

  public ManifestException(List<Problem> problems) {
    super(render(problems));
    this.problems = List.copyOf(problems);
  }

  public ManifestException(String source, int document, int line, String message) {
    this(List.of(new Problem(source, document, line, message)));
  }

  /** All problems, in the order the sources were read. */
  public List<Problem> problems() {
    return problems;
  }

  /** The source of the first problem. */
  public String source() {
    return problems.get(0).source();
  }

  /** The document of the first problem (0 if it concerns a whole file). */
  public int document() {
    return problems.get(0).document();
  }

  /** The line of the first problem (0 if it concerns a whole file). */
  public int line() {
    return problems.get(0).line();
  }

  private static String render(List<Problem> problems) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("a ManifestException needs at least one problem");
    }
    return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
  }
}
