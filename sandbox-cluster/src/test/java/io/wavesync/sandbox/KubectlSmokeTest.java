package io.wavesync.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What a person debugging hooks does with the real kubectl against a started sandbox. kubectl is a
 * prerequisite of this build, like the JDK: without it the test fails and says so.
 */
class KubectlSmokeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir
  static Path dir;
  private static SandboxCluster sandbox;
  private static String kubectl;
  private static Path kubeconfig;

  record Result(int exitCode, String out, String err) {
    String all() {
      return out + err;
    }
  }

  @BeforeAll
  static void start() {
    kubectl = findKubectl().orElseThrow(() -> new AssertionError(
        "kubectl was not found on PATH or at /usr/bin/kubectl; install kubectl to run the "
            + "sandbox-cluster tests"));
    sandbox = new SandboxCluster().start("127.0.0.1", 0);
    kubeconfig = sandbox.writeKubeconfig(dir.resolve("kubeconfig"));
  }

  @AfterAll
  static void stop() {
    sandbox.close();
  }

  private static Optional<String> findKubectl() {
    String path = System.getenv().getOrDefault("PATH", "");
    return Stream.concat(Stream.of(path.split(File.pathSeparator))
            .filter(p -> !p.isEmpty()).map(p -> Path.of(p, "kubectl")),
        Stream.of(Path.of("/usr/bin/kubectl")))
        .filter(Files::isExecutable)
        .map(Path::toString)
        .findFirst();
  }

  private static Result kubectl(String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>(List.of(kubectl, "--kubeconfig", kubeconfig.toString(),
        "--cache-dir", dir.resolve("cache").toString()));
    command.addAll(List.of(args));
    Path out = Files.createTempFile(dir, "out", ".txt");
    Path err = Files.createTempFile(dir, "err", ".txt");
    Process process = new ProcessBuilder(command)
        .redirectOutput(out.toFile())
        .redirectError(err.toFile())
        .start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError("kubectl " + String.join(" ", args) + " did not finish");
    }
    return new Result(process.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }

  private static Result ok(String... args) throws IOException, InterruptedException {
    Result result = kubectl(args);
    assertThat(result.exitCode())
        .as("kubectl %s%nstdout: %s%nstderr: %s", String.join(" ", args), result.out(),
            result.err())
        .isZero();
    return result;
  }

  private static Path file(String name, String content) throws IOException {
    return Files.writeString(dir.resolve(name), content);
  }

  @Test
  void kubectlCanInspectApplyWaitForAndDeleteHooks() throws Exception {
    assertThat(ok("version").out()).contains("Server Version: v1.32.0");

    Path job = file("job.yaml", """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: db-migrate
          namespace: smoke
          annotations:
            argocd.argoproj.io/hook: PreSync
        spec:
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: migrate
                image: busybox:1.36
                command: ["sh", "-c", "echo applying migrations; sleep 1; echo migrated"]
        """);
    assertThat(ok("apply", "-f", job.toString()).out()).contains("job.batch/db-migrate created");
    assertThat(ok("wait", "--for=condition=complete", "job/db-migrate", "-n", "smoke",
        "--timeout=120s").out()).contains("condition met");

    assertThat(ok("get", "jobs", "-A").out()).contains("db-migrate");
    assertThat(ok("get", "ns").out()).contains("smoke");
    JsonNode live = JSON.readTree(ok("get", "job", "db-migrate", "-n", "smoke", "-o", "json")
        .out());
    assertThat(live.path("status").path("succeeded").asInt()).isEqualTo(1);
    assertThat(ok("get", "job", "db-migrate", "-n", "smoke", "-o", "yaml").out())
        .contains("type: Complete");
    assertThat(ok("get", "pods", "-A", "-o", "json").out()).contains("db-migrate-");

    assertThat(ok("logs", "job/db-migrate", "-n", "smoke").out())
        .contains("applying migrations\nmigrated\n");
    String pod = ok("get", "pods", "-n", "smoke", "-l", "job-name=db-migrate", "-o",
        "jsonpath={.items[0].metadata.name}").out();
    assertThat(ok("logs", "pod/" + pod, "-n", "smoke").out())
        .contains("exited with code 0 (Completed)");
    assertThat(ok("describe", "job", "db-migrate", "-n", "smoke").out())
        .contains("1 Succeeded").contains("PreSync");
    assertThat(ok("describe", "pod", pod, "-n", "smoke").out())
        .contains("Controlled By:  Job/db-migrate").contains("Exit Code:    0");

    assertThat(ok("delete", "job", "db-migrate", "-n", "smoke").out())
        .contains("job.batch \"db-migrate\" deleted");
    Result gone = kubectl("get", "job", "db-migrate", "-n", "smoke");
    assertThat(gone.exitCode()).isNotZero();
    assertThat(gone.err()).contains("NotFound").contains("jobs.batch \"db-migrate\" not found");
  }

  @Test
  void kubectlFailedHookShowsFailureAndItsLogs() throws Exception {
    Path job = file("failing.yaml", """
        apiVersion: batch/v1
        kind: Job
        metadata:
          name: smoke-test
          namespace: smoke-fail
        spec:
          backoffLimit: 0
          template:
            spec:
              restartPolicy: Never
              containers:
              - name: test
                image: busybox:1.36
                command: ["sh", "-c", "echo endpoint unreachable; exit 1"]
        """);
    ok("apply", "-f", job.toString());
    assertThat(ok("wait", "--for=condition=failed", "job/smoke-test", "-n", "smoke-fail",
        "--timeout=120s").out()).contains("condition met");
    assertThat(ok("logs", "job/smoke-test", "-n", "smoke-fail").out())
        .contains("endpoint unreachable").contains("exited with code 1 (Error)");
  }

  @Test
  void kubectlAppliesClientSideAndServerSide() throws Exception {
    Path first = file("cm.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: smoke-apply
        data:
          color: blue
        """);
    assertThat(ok("apply", "--server-side", "-f", first.toString()).out())
        .contains("serverside-applied");
    Path second = file("cm2.yaml", """
        apiVersion: v1
        kind: ConfigMap
        metadata:
          name: settings
          namespace: smoke-apply
        data:
          color: green
          size: large
        """);
    assertThat(ok("apply", "--server-side", "-f", second.toString()).out())
        .contains("serverside-applied");
    assertThat(ok("get", "configmap", "settings", "-n", "smoke-apply", "-o",
        "jsonpath={.data.color}/{.data.size}").out()).isEqualTo("green/large");

    Path deployment = file("deploy.yaml", """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
          namespace: smoke-apply
        spec:
          replicas: 2
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              containers:
              - name: web
                image: nginx:1.27
        """);
    assertThat(ok("apply", "-f", deployment.toString()).out()).contains("created");
    ok("rollout", "status", "deployment/web", "-n", "smoke-apply", "--timeout=120s");
    Files.writeString(deployment, Files.readString(deployment).replace("nginx:1.27", "nginx:1.28"));
    assertThat(ok("apply", "-f", deployment.toString()).out()).contains("configured");
    ok("rollout", "status", "deployment/web", "-n", "smoke-apply", "--timeout=120s");
    assertThat(ok("get", "deployment", "web", "-n", "smoke-apply", "-o",
        "jsonpath={.metadata.generation}/{.status.observedGeneration}/"
            + "{.spec.template.spec.containers[0].image}").out())
        .isEqualTo("2/2/nginx:1.28");
  }
}
