package io.wavesync.sandbox.simulator;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Generated names and timestamps in the shapes Kubernetes uses. */
final class Names {

  /** The alphabet of Kubernetes' random name suffixes: no vowels, no look-alike digits. */
  private static final String ALPHABET = "bcdfghjklmnpqrstvwxz2456789";
  private static final SecureRandom RANDOM = new SecureRandom();

  private Names() {
  }

  /** Five random characters, as a controller appends to {@code <job>-}. */
  static String suffix() {
    StringBuilder s = new StringBuilder();
    for (int i = 0; i < 5; i++) {
      s.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
    }
    return s.toString();
  }

  /** A stable ten-character hash, like a pod-template-hash or a controller revision. */
  static String hash(String input) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(input.getBytes(StandardCharsets.UTF_8));
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < 10; i++) {
        s.append(ALPHABET.charAt((digest[i] & 0xff) % ALPHABET.length()));
      }
      return s.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  /** 64 hex characters, the shape of a container ID. */
  static String containerId() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    StringBuilder s = new StringBuilder("containerd://");
    for (byte b : bytes) {
      s.append(String.format("%02x", b));
    }
    return s.toString();
  }

  /** Now as RFC 3339 at second precision, as the API server writes timestamps. */
  static String now() {
    return Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
  }
}
