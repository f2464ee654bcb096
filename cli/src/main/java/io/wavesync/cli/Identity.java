package io.wavesync.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Who is asking, for the {@code requestedBy} of a request: {@code user@host}. */
final class Identity {

  private Identity() {}

  static String requestedBy() {
    return System.getProperty("user.name", "unknown") + "@" + host();
  }

  /**
   * The host name without a DNS lookup where possible: {@code InetAddress.getLocalHost()} can take
   * seconds on a machine whose name does not resolve, and this runs on every sync.
   */
  private static String host() {
    String env = System.getenv("HOSTNAME");
    if (env != null && !env.isBlank()) {
      return env.trim();
    }
    for (String file : new String[] {"/proc/sys/kernel/hostname", "/etc/hostname"}) {
      try {
        String name = Files.readString(Path.of(file), StandardCharsets.UTF_8).trim();
        if (!name.isEmpty()) {
          return name;
        }
      } catch (IOException | RuntimeException e) {
        // not Linux, or not readable: try the next source
      }
    }
    try {
      return InetAddress.getLocalHost().getHostName();
    } catch (IOException e) {
      return "localhost";
    }
  }
}
