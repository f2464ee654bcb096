package io.wavesync.engine.hook;

import io.wavesync.engine.model.KubeObject;
import io.wavesync.engine.sync.SyncPhase;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Hook classification, delete policies and waves: spec §1.2–§1.5 and §3.8 detection. */
public final class Hooks {

  private Hooks() {}

  /** Valid Argo CD hook values of the object, CSV order (spec §1.2 step 1). */
  public static List<HookType> argoTypes(KubeObject obj) {
    List<HookType> out = new ArrayList<>();
    for (String v : Annotations.csv(obj.annotation(Annotations.HOOK))) {
      HookType.parse(v).ifPresent(out::add);
    }
    return out;
  }

  /** Supported Helm hook values mapped to Argo CD types; duplicates after mapping are kept. */
  public static List<HookType> helmTypes(KubeObject obj) {
    List<HookType> out = new ArrayList<>();
    for (String v : Annotations.csv(obj.annotation(Annotations.HELM_HOOK))) {
      switch (v) {
        case "pre-install", "pre-upgrade" -> out.add(HookType.PreSync);
        case "post-install", "post-upgrade" -> out.add(HookType.PostSync);
        default -> {
          // pre-rollback, post-rollback, test*, pre/post-delete and garbage are not sync hooks
        }
      }
    }
    return out;
  }

  /** Argo CD values win whenever at least one is valid; otherwise the Helm mapping. */
  public static List<HookType> types(KubeObject obj) {
    List<HookType> argo = argoTypes(obj);
    return argo.isEmpty() ? helmTypes(obj) : argo;
  }

  /** Skip only when Skip is the one and only type ({@code Skip,PreSync} is a PreSync hook). */
  public static boolean isSkip(KubeObject obj) {
    List<HookType> t = types(obj);
    return t.size() == 1 && t.get(0) == HookType.Skip;
  }

  public static boolean isHook(KubeObject obj) {
    if (!hasHookAnnotations(obj)) {
      return false;
    }
    if (obj.hasAnnotation(Annotations.HOOK)) {
      return !isSkip(obj);
    }
    if (obj.hasAnnotation(Annotations.HELM_HOOK)) {
      // the whole raw value, not the CSV items: "crd-install,pre-install" is a hook
      return !"crd-install".equals(obj.annotation(Annotations.HELM_HOOK));
    }
    return false;
  }

  /** Most objects carry no hook annotation at all: answer them without parsing anything. */
  private static boolean hasHookAnnotations(KubeObject obj) {
    return obj.hasAnnotation(Annotations.HOOK) || obj.hasAnnotation(Annotations.HELM_HOOK);
  }

  /** Hooks without any recognised type are dropped from the target set entirely. */
  public static boolean isIgnored(KubeObject obj) {
    return isHook(obj) && types(obj).isEmpty();
  }

  /** The sync phases the object produces tasks in, in phase order (wavesync decision 1). */
  public static List<SyncPhase> phases(KubeObject obj) {
    if (isSkip(obj)) {
      return List.of();
    }
    if (!isHook(obj)) {
      return List.of(SyncPhase.Sync);
    }
    Set<SyncPhase> set = EnumSet.noneOf(SyncPhase.class);
    for (HookType t : types(obj)) {
      t.phase().ifPresent(set::add);
    }
    List<SyncPhase> out = new ArrayList<>(set);
    out.sort(Comparator.comparingInt(SyncPhase::order));
    return out;
  }

  /**
   * Effective delete policies: valid Argo CD values, then valid Helm values, de-duplicated; empty
   * means the default {@code [BeforeHookCreation]}. Meaningless (and empty) for non-hooks.
   */
  public static List<DeletePolicy> deletePolicies(KubeObject obj) {
    if (!isHook(obj)) {
      return List.of();
    }
    Set<DeletePolicy> out = new LinkedHashSet<>();
    for (String v : Annotations.csv(obj.annotation(Annotations.HOOK_DELETE_POLICY))) {
      DeletePolicy.parse(v).ifPresent(out::add);
    }
    for (String v : Annotations.csv(obj.annotation(Annotations.HELM_HOOK_DELETE_POLICY))) {
      DeletePolicy.parseHelm(v).ifPresent(out::add);
    }
    return out.isEmpty() ? List.of(DeletePolicy.BeforeHookCreation) : List.copyOf(out);
  }

  public static boolean hasDeletePolicy(KubeObject obj, DeletePolicy policy) {
    return deletePolicies(obj).contains(policy);
  }

  /**
   * The wave: {@code sync-wave} parsed like Go's {@code strconv.Atoi}; if absent or invalid the Helm
   * hook weight parsed the same way; else 0 (spec §1.5).
   */
  public static long wave(KubeObject obj) {
    Optional<Long> w = parseAtoi(obj.annotation(Annotations.SYNC_WAVE));
    if (w.isPresent()) {
      return w.get();
    }
    return parseAtoi(obj.annotation(Annotations.HELM_HOOK_WEIGHT)).orElse(0L);
  }

  /** Base-10 signed integer: optional sign, digits only, no whitespace, fits 64 bits. */
  public static Optional<Long> parseAtoi(String s) {
    if (s == null || s.isEmpty()) {
      return Optional.empty();
    }
    int start = (s.charAt(0) == '+' || s.charAt(0) == '-') ? 1 : 0;
    if (start == s.length()) {
      return Optional.empty();
    }
    for (int i = start; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c < '0' || c > '9') {
        return Optional.empty();
      }
    }
    try {
      // Long.parseLong accepts a leading '+' since Java 7, and rejects overflow
      return Optional.of(Long.parseLong(s));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Argo CD controller: PreDelete detection (Argo value or Helm value, independently; §3.8). */
  public static boolean isPreDeleteHook(KubeObject obj) {
    return Annotations.csv(obj.annotation(Annotations.HOOK)).contains("PreDelete")
        || Annotations.csv(obj.annotation(Annotations.HELM_HOOK)).contains("pre-delete");
  }

  public static boolean isPostDeleteHook(KubeObject obj) {
    return Annotations.csv(obj.annotation(Annotations.HOOK)).contains("PostDelete")
        || Annotations.csv(obj.annotation(Annotations.HELM_HOOK)).contains("post-delete");
  }

  /** True when a Pre/PostDelete hook also carries a sync-phase hook type, so it stays in the sync. */
  public static boolean hasSyncPhaseHookType(KubeObject obj) {
    for (HookType t : types(obj)) {
      if (t.phase().isPresent()) {
        return true;
      }
    }
    return false;
  }

  /**
   * Spec §2.1 step 1: PreDelete/PostDelete hooks are removed from the sync set unless they also
   * carry a sync-phase hook type.
   */
  public static boolean excludedFromSync(KubeObject obj) {
    return hasHookAnnotations(obj) && (isPreDeleteHook(obj) || isPostDeleteHook(obj)) && !hasSyncPhaseHookType(obj);
  }
}
