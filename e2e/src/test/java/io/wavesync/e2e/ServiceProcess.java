package io.wavesync.e2e;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One packaged wavesync service run as its own JVM, with its log in {@code target/e2e-logs}. */
final class ServiceProcess implements AutoCloseable {

  private final String name;
  private final Path jar;
  private final Map<String, String> properties;
  private final Path log;
  private final int port;
  private Process process;

  ServiceProcess(String name, Path root, Map<String, String> properties) {
    this(name, name, root, properties);
  }

  /**
   * A process named {@code name} (its log's name too) that runs the service of {@code module}:
   * several processes of one service need their own names to keep their logs apart.
   */
  ServiceProcess(String name, String module, Path root, Map<String, String> properties) {
    this.name = name;
    this.jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
    this.properties = properties;
    this.port = freePort();
    this.log = root.resolve("e2e/target/e2e-logs/" + name + ".log");
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  Path log() {
    return log;
  }

  ServiceProcess start() throws IOException {
    if (!Files.exists(jar)) {
      throw new IllegalStateException(jar + " is missing: package the services first (mvn verify does)");
    }
    Files.createDirectories(log.getParent());
    List<String> cmd = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
        "-Dquarkus.http.port=" + port));
    properties.forEach((k, v) -> cmd.add("-D" + k + "=" + v));
    cmd.add("-jar");
    cmd.add(jar.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    process = pb.start();
    return this;
  }

  /** Waits until {@code /q/health/ready} answers 200. */
  void awaitReady(Duration timeout) throws InterruptedException {
    HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(name + " exited with " + process.exitValue() + "; see " + log);
      }
      try {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/q/health/ready")).timeout(Duration.ofSeconds(2))
            .build(), HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() == 200) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException(name + " not ready after " + timeout + "; see " + log);
  }

  /** Ends the process at once, as a crash would. */
  void kill() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroyForcibly().waitFor();
    }
  }

  boolean isAlive() {
    return process != null && process.isAlive();
  }

  @Override
  public void close() throws InterruptedException {
    if (process != null && process.isAlive()) {
      process.destroy();
      if (!process.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor();
      }
    }
  }

  private static int freePort() {
    try (ServerSocket s = new ServerSocket(0)) {
      return s.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
