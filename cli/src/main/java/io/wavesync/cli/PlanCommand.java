package io.wavesync.cli;

import io.wavesync.engine.manifest.Manifest;
import io.wavesync.engine.manifest.ManifestException;
import io.wavesync.engine.manifest.ManifestLoader;
import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.Plan;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code wavesync plan}: the tasks a sync would run, in order, computed offline. */
@Command(
    name = "plan",
    mixinStandardHelpOptions = true,
    versionProvider = WavesyncCommand.Version.class,
    sortOptions = false,
    description = {
      "Prints the tasks a sync of the manifests would run, in the exact order they would run,"
          + " without contacting a cluster or Kafka.",
      "",
      "Manifests are YAML (several documents per file allowed) or JSON; List objects are"
          + " expanded. Objects annotated 'argocd.argoproj.io/hook: Skip' are listed as skipped;"
          + " objects that take no part in a sync (PreDelete/PostDelete-only hooks, unsupported"
          + " hook types) as ignored.",
      ""
    },
    footer = {
      "",
      "Exit status: 0 on success, 2 on bad usage or manifests that cannot be loaded (the message"
          + " names file, document and line)."
    })
final class PlanCommand implements Callable<Integer> {

  @ParentCommand WavesyncCommand parent;

  @Spec CommandSpec spec;

  @Option(
      names = {"-f", "--filename"},
      required = true,
      paramLabel = "PATH",
      description =
          "A manifest file, or a directory whose .yaml, .yml and .json files are read"
              + " recursively in name order. Repeat to read several.")
  List<Path> paths;

  @Option(
      names = "--app",
      paramLabel = "NAME",
      description = "Application name for the table header (default: the name of the first PATH).")
  String app;

  @Option(
      names = {"-n", "--namespace"},
      paramLabel = "NS",
      defaultValue = "default",
      description =
          "Destination namespace, given to every object without one (default: ${DEFAULT-VALUE}).")
  String namespace;

  @Option(
      names = "--revision",
      paramLabel = "REV",
      defaultValue = "",
      description =
          "Revision being synced; hooks with generateName are named after its first 7"
              + " characters (default: none).")
  String revision;

  @Option(
      names = "--started-at",
      paramLabel = "TIME",
      description =
          "Operation start, an ISO-8601 instant such as 2026-03-01T10:00:00Z; hooks with"
              + " generateName are named after it (default: now).")
  Instant startedAt;

  @Option(
      names = {"-o", "--output"},
      paramLabel = "FORMAT",
      defaultValue = "table",
      description = "table (for people) or json (for programs) (default: ${DEFAULT-VALUE}).")
  OutputFormat output;

  @Override
  public Integer call() throws IOException {
    List<Manifest> manifests;
    try {
      manifests = ManifestLoader.load(paths);
    } catch (ManifestException e) {
      PrintWriter err = spec.commandLine().getErr();
      err.println(e.getMessage());
      err.flush();
      return WavesyncCommand.BAD_INPUT;
    }
    List<KubeObject> objects = manifests.stream().map(Manifest::object).toList();
    Instant start = startedAt != null ? startedAt : parent.clock().instant();
    Plan plan = Plan.of(objects, namespace, revision, start);

    PrintWriter out = spec.commandLine().getOut();
    if (output == OutputFormat.JSON) {
      PlanJson.write(plan, out);
    } else {
      out.print(PlanTable.render(plan, appName(), namespace, revision));
    }
    out.flush();
    return WavesyncCommand.OK;
  }

  private String appName() {
    if (app != null && !app.isBlank()) {
      return app;
    }
    Path name = paths.get(0).toAbsolutePath().normalize().getFileName();
    if (name == null) {
      return "-";
    }
    String n = name.toString();
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
