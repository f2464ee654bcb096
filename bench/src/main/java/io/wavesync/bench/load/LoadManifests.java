package io.wavesync.bench.load;

/**
 * The applications the load driver syncs, as multi-document YAML (what {@code wavesync sync}
 * sends as a request's manifests).
 *
 * <p>A <em>hooks</em> application has {@code waves} waves in each of PreSync, Sync and PostSync:
 * PreSync wave w is a hook Job, Sync wave w a ConfigMap (the last Sync wave also a Sync hook Job),
 * PostSync wave w a hook Job, plus one SyncFail hook Job that a successful sync never runs. Every
 * hook is deleted when the sync succeeds ({@code HookSucceeded}) and asks the sandbox's simulator
 * for a zero run time ({@value #SANDBOX_DURATION}{@code : 0s}, on the Job and on its pod template,
 * which is where the simulator reads it first). A <em>trivial</em> application is one ConfigMap and
 * no hooks.
 *
 * <p>Object names start with the application name, so many applications can share one namespace.
 * Hooks are named by {@code generateName}, so every sync creates new hook objects and never meets
 * the previous sync's copy while the cluster is still deleting it. {@code sequence} goes into a
 * ConfigMap's data, so every sync of an application really changes something.
 */
public final class LoadManifests {

  /** The sandbox annotation that sets how long a simulated container runs. */
  public static final String SANDBOX_DURATION = "sandbox.wavesync.io/duration";

  private LoadManifests() {}

  /** Number of wave commands ({@code STEP} mode) a successful sync of a hooks application needs. */
  public static int stepWaves(int waves) {
    return 3 * waves;
  }

  /** Number of hook Jobs a successful sync of a hooks application runs (SyncFail excluded). */
  public static int hooksRun(int waves) {
    return 2 * waves + 1;
  }

  /** The hooks application {@code app} with {@code waves} waves per phase. */
  public static String hooks(String app, int waves, long sequence) {
    if (waves < 1) {
      throw new IllegalArgumentException("an application needs at least one wave, not " + waves);
    }
    StringBuilder y = new StringBuilder();
    for (int w = 0; w < waves; w++) {
      job(y, app + "-pre-" + w, app, "PreSync", w);
    }
    for (int w = 0; w < waves; w++) {
      configMap(y, app + "-cfg-" + w, app, w, sequence);
    }
    job(y, app + "-sync-" + (waves - 1), app, "Sync", waves - 1);
    for (int w = 0; w < waves; w++) {
      job(y, app + "-post-" + w, app, "PostSync", w);
    }
    job(y, app + "-fail", app, "SyncFail", 0);
    return y.toString();
  }

  /** The trivial application {@code app}: one ConfigMap, no hooks, no waves. */
  public static String trivial(String app, long sequence) {
    StringBuilder y = new StringBuilder();
    configMap(y, app + "-cfg", app, null, sequence);
    return y.toString();
  }

  private static void configMap(StringBuilder y, String name, String app, Integer wave, long seq) {
    y.append("---\n")
        .append("apiVersion: v1\n")
        .append("kind: ConfigMap\n")
        .append("metadata:\n")
        .append("  name: ").append(name).append('\n')
        .append("  labels:\n")
        .append("    app.kubernetes.io/part-of: ").append(app).append('\n');
    if (wave != null) {
      y.append("  annotations:\n")
          .append("    argocd.argoproj.io/sync-wave: \"").append(wave).append("\"\n");
    }
    y.append("data:\n")
        .append("  sequence: \"").append(seq).append("\"\n");
  }

  private static void job(StringBuilder y, String name, String app, String hook, int wave) {
    y.append("---\n")
        .append("apiVersion: batch/v1\n")
        .append("kind: Job\n")
        .append("metadata:\n")
        .append("  generateName: ").append(name).append("-\n")
        .append("  labels:\n")
        .append("    app.kubernetes.io/part-of: ").append(app).append('\n')
        .append("  annotations:\n")
        .append("    argocd.argoproj.io/hook: ").append(hook).append('\n')
        .append("    argocd.argoproj.io/hook-delete-policy: HookSucceeded\n")
        .append("    argocd.argoproj.io/sync-wave: \"").append(wave).append("\"\n")
        .append("    ").append(SANDBOX_DURATION).append(": 0s\n")
        .append("spec:\n")
        .append("  backoffLimit: 0\n")
        .append("  template:\n")
        .append("    metadata:\n")
        .append("      annotations:\n")
        .append("        ").append(SANDBOX_DURATION).append(": 0s\n")
        .append("    spec:\n")
        .append("      restartPolicy: Never\n")
        .append("      containers:\n")
        .append("        - name: main\n")
        .append("          image: busybox:1.36\n")
        .append("          command: [\"sh\", \"-c\", \"echo ").append(hook).append(' ').append(name)
        .append("\"]\n");
  }
}
