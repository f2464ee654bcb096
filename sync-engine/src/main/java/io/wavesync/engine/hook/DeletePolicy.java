package io.wavesync.engine.hook;

import java.util.Optional;

/** Hook delete policies (spec §1.4). */
public enum DeletePolicy {
  HookSucceeded,
  HookFailed,
  BeforeHookCreation;

  public static Optional<DeletePolicy> parse(String value) {
    for (DeletePolicy p : values()) {
      if (p.name().equals(value)) {
        return Optional.of(p);
      }
    }
    return Optional.empty();
  }

  /** Helm's {@code helm.sh/hook-delete-policy} values. */
  public static Optional<DeletePolicy> parseHelm(String value) {
    return switch (value) {
      case "before-hook-creation" -> Optional.of(BeforeHookCreation);
      case "hook-succeeded" -> Optional.of(HookSucceeded);
      case "hook-failed" -> Optional.of(HookFailed);
      default -> Optional.empty();
    };
  }
}
