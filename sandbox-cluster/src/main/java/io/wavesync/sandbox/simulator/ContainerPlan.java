package io.wavesync.sandbox.simulator;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.wavesync.sandbox.SandboxAnnotations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Logger;

/**
 * What the first container of a pod will do, read from its command the way Argo CD's own e2e tests
 * write hooks: {@code false} or {@code exit N} (N not 0) fails, {@code sleep N} takes N seconds,
 * {@code echo} prints. Shell scripts ({@code sh -c '...'}) are split into simple commands and run
 * in order until an {@code exit}. The {@code sandbox.wavesync.io/*} annotations override the
 * result.
 */
public record ContainerPlan(Outcome outcome, int exitCode, Duration duration, String command,
    List<String> output) {

  /** How the container ends. */
  public enum Outcome {
    SUCCEEDED, FAILED, RUNNING
  }

  private static final Logger LOG = Logger.getLogger(ContainerPlan.class.getName());
  private static final Set<String> SHELLS = Set.of("sh", "bash", "ash", "dash", "zsh", "ksh");
  private static final Set<String> KEYWORDS = Set.of("then", "do", "else", "{", "}", "!", "(");

  public boolean ends() {
    return outcome != Outcome.RUNNING;
  }

  public static ContainerPlan of(PodSpec spec, Map<String, String> annotations,
      Duration defaultDuration) {
    List<String> tokens = new ArrayList<>();
    if (spec != null && spec.getContainers() != null && !spec.getContainers().isEmpty()) {
      Container first = spec.getContainers().get(0);
      if (first.getCommand() != null) {
        tokens.addAll(first.getCommand());
      }
      if (first.getArgs() != null) {
        tokens.addAll(first.getArgs());
      }
    }
    ContainerPlan fromCommand = fromCommand(tokens, defaultDuration);
    return withAnnotations(fromCommand, annotations == null ? Map.of() : annotations);
  }

  static ContainerPlan fromCommand(List<String> tokens, Duration defaultDuration) {
    String display = display(tokens);
    List<List<String>> commands = new ArrayList<>();
    if (!tokens.isEmpty() && SHELLS.contains(basename(tokens.get(0)))) {
      int script = scriptIndex(tokens);
      if (script >= 0) {
        commands.addAll(Shell.commands(tokens.get(script)));
      }
    } else if (!tokens.isEmpty()) {
      commands.add(tokens);
    }
    Duration slept = Duration.ZERO;
    boolean forever = false;
    int exitCode = 0;
    List<String> output = new ArrayList<>();
    for (List<String> words : commands) {
      List<String> command = stripKeywords(words);
      if (command.isEmpty()) {
        continue;
      }
      String program = basename(command.get(0));
      if (program.equals("exit")) {
        exitCode = command.size() > 1 ? exitStatus(command.get(1)) : 0;
        break;
      }
      if (program.equals("false")) {
        exitCode = 1;
        break;
      }
      if (program.equals("sleep") && command.size() > 1) {
        if (command.get(1).equals("infinity")) {
          forever = true;
          break;
        }
        slept = slept.plus(Durations.parse(command.get(1)).orElse(Duration.ZERO));
      } else if (program.equals("echo")) {
        List<String> args = command.subList(1, command.size());
        if (!args.isEmpty() && args.get(0).matches("-[neE]+")) {
          args = args.subList(1, args.size());
        }
        output.add(String.join(" ", args));
      } else if (program.equals("printf") && command.size() > 1) {
        for (String line : command.get(1).replace("\\n", "\n").split("\n")) {
          if (!line.isEmpty()) {
            output.add(line);
          }
        }
      }
    }
    Duration duration = slept.isZero() ? defaultDuration : slept;
    Outcome outcome = forever ? Outcome.RUNNING
        : exitCode == 0 ? Outcome.SUCCEEDED : Outcome.FAILED;
    return new ContainerPlan(outcome, exitCode, duration, display, List.copyOf(output));
  }

  private static ContainerPlan withAnnotations(ContainerPlan plan,
      Map<String, String> annotations) {
    Outcome outcome = plan.outcome();
    int exitCode = plan.exitCode();
    Duration duration = plan.duration();
    String requested = annotations.get(SandboxAnnotations.OUTCOME);
    if (requested != null) {
      switch (requested.trim().toLowerCase(Locale.ROOT)) {
        case "succeeded", "success", "complete", "completed" -> {
          outcome = Outcome.SUCCEEDED;
          exitCode = 0;
        }
        case "failed", "failure", "error" -> {
          outcome = Outcome.FAILED;
          exitCode = exitCode == 0 ? 1 : exitCode;
        }
        case "running" -> outcome = Outcome.RUNNING;
        default -> LOG.warning(() -> "ignoring " + SandboxAnnotations.OUTCOME + "=" + requested
            + " (expected Succeeded, Failed or Running)");
      }
    }
    String requestedDuration = annotations.get(SandboxAnnotations.DURATION);
    if (requestedDuration != null) {
      Optional<Duration> parsed = Durations.parse(requestedDuration);
      if (parsed.isPresent()) {
        duration = parsed.get();
      } else {
        LOG.warning(() -> "ignoring " + SandboxAnnotations.DURATION + "=" + requestedDuration
            + " (expected a duration such as 3s or 500ms)");
      }
    }
    return new ContainerPlan(outcome, exitCode, duration, plan.command(), plan.output());
  }

  private static int scriptIndex(List<String> tokens) {
    for (int i = 1; i < tokens.size() - 1; i++) {
      String token = tokens.get(i);
      if (token.startsWith("-") && !token.startsWith("--") && token.contains("c")) {
        return i + 1;
      }
    }
    return -1;
  }

  private static List<String> stripKeywords(List<String> words) {
    int start = 0;
    while (start < words.size() && KEYWORDS.contains(words.get(start))) {
      start++;
    }
    return words.subList(start, words.size());
  }

  private static int exitStatus(String text) {
    try {
      return Integer.parseInt(text) & 0xff;
    } catch (NumberFormatException e) {
      return 1;
    }
  }

  private static String basename(String program) {
    int slash = program.lastIndexOf('/');
    return slash < 0 ? program : program.substring(slash + 1);
  }

  private static String display(List<String> tokens) {
    List<String> quoted = new ArrayList<>();
    for (String token : tokens) {
      quoted.add(token.isEmpty() || token.matches(".*[\\s'\"$;&|<>()].*")
          ? "'" + token.replace("'", "'\\''") + "'" : token);
    }
    return String.join(" ", quoted);
  }
}
