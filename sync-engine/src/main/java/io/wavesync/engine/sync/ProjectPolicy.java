package io.wavesync.engine.sync;

import io.wavesync.engine.model.KubeObject;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where an application may deploy, like an Argo CD project's destinations and resource allow and
 * deny lists. Patterns are globs ({@code *} matches any run of characters); kinds are written
 * {@code group/Kind} with an empty group for the core API ({@code /ConfigMap}, {@code apps/*}).
 * Cluster-scoped objects are checked by kind only.
 */
public record ProjectPolicy(
    String name, List<String> destinations, List<String> allowedKinds, List<String> deniedKinds) {

  /** Everything allowed. */
  public static final ProjectPolicy ANY = new ProjectPolicy("default", List.of("*"), List.of("*/*"), List.of());

  public ProjectPolicy {
    destinations = destinations == null || destinations.isEmpty() ? List.of("*") : List.copyOf(destinations);
    allowedKinds = allowedKinds == null || allowedKinds.isEmpty() ? List.of("*/*") : List.copyOf(allowedKinds);
    deniedKinds = deniedKinds == null ? List.of() : List.copyOf(deniedKinds);
  }

  /** The rule the object breaks, or empty when it is allowed. */
  public Optional<String> violation(KubeObject obj, boolean namespaced) {
    String gk = obj.group() + "/" + obj.kind();
    String what = (obj.group().isEmpty() ? "" : obj.group() + "/") + obj.kind() + " "
        + (namespaced && !obj.namespace().isEmpty() ? obj.namespace() + "/" : "") + obj.name();
    for (String deny : deniedKinds) {
      if (glob(deny, gk)) {
        return Optional.of(what + ": kind " + gk + " is not permitted in project " + name
            + " (denied by " + deny + ")");
      }
    }
    if (allowedKinds.stream().noneMatch(p -> glob(p, gk))) {
      return Optional.of(what + ": kind " + gk + " is not permitted in project " + name
          + " (allowed kinds: " + String.join(", ", allowedKinds) + ")");
    }
    if (namespaced && destinations.stream().noneMatch(p -> glob(p, obj.namespace()))) {
      return Optional.of(what + ": namespace " + obj.namespace() + " is not permitted in project "
          + name + " (destinations: " + String.join(", ", destinations) + ")");
    }
    return Optional.empty();
  }

  /**
   * The project of an application: the first, by project name, whose application globs match it;
   * an application in no project may deploy anywhere ({@link #ANY}).
   */
  public static ProjectPolicy select(
      java.util.Map<String, List<String>> applicationsByProject,
      java.util.Map<String, ProjectPolicy> projects, String application) {
    return new java.util.TreeMap<>(applicationsByProject).entrySet().stream()
        .filter(e -> e.getValue().stream().anyMatch(g -> glob(g, application)))
        .map(e -> projects.get(e.getKey()))
        .filter(java.util.Objects::nonNull)
        .findFirst()
        .orElse(ANY);
  }

  /** As the engine's permission validator (spec §2.2 V3: the tasks become invalid). */
  public SyncSettings.PermissionValidator validator() {
    return (obj, resource) -> {
      Optional<String> v = violation(obj, resource == null || resource.namespaced());
      if (v.isPresent()) {
        throw new IllegalArgumentException(v.get());
      }
    };
  }

  static boolean glob(String pattern, String value) {
    StringBuilder re = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      re.append(c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.matches(re.toString(), value);
  }
}
