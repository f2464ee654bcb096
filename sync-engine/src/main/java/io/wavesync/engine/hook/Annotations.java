package io.wavesync.engine.hook;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Annotation keys and the CSV rule used to read multi-value annotations (spec §1). */
public final class Annotations {

  public static final String HOOK = "argocd.argoproj.io/hook";
  public static final String HOOK_DELETE_POLICY = "argocd.argoproj.io/hook-delete-policy";
  public static final String SYNC_WAVE = "argocd.argoproj.io/sync-wave";
  public static final String SYNC_OPTIONS = "argocd.argoproj.io/sync-options";
  public static final String HOOK_FINALIZER = "argocd.argoproj.io/hook-finalizer";
  public static final String HELM_HOOK = "helm.sh/hook";
  public static final String HELM_HOOK_WEIGHT = "helm.sh/hook-weight";
  public static final String HELM_HOOK_DELETE_POLICY = "helm.sh/hook-delete-policy";
  /** Wavesync decision 7: per-hook timeout, e.g. {@code 10m}. */
  public static final String HOOK_TIMEOUT = "wavesync.io/hook-timeout";

  private Annotations() {}

  /**
   * {@code GetAnnotationCSVs}: split on ',', trim, drop empties, drop duplicates keeping the first,
   * keep order. Null or empty yields an empty list.
   */
  public static List<String> csv(String value) {
    if (value == null || value.isEmpty()) {
      return List.of();
    }
    Set<String> out = new LinkedHashSet<>();
    for (String item : value.split(",", -1)) {
      String t = trimSpace(item);
      if (!t.isEmpty()) {
        out.add(t);
      }
    }
    return List.copyOf(new ArrayList<>(out));
  }

  /** Go's {@code strings.TrimSpace}: Unicode White_Space, which includes U+0085 and U+00A0. */
  static String trimSpace(String s) {
    int start = 0;
    int end = s.length();
    while (start < end && isSpace(s.charAt(start))) {
      start++;
    }
    while (end > start && isSpace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(start, end);
  }

  private static boolean isSpace(char c) {
    switch (c) {
      case '\t', '\n', '\u000B', '\f', '\r', ' ', '\u0085', '\u00A0':
        return true;
      default:
        int type = Character.getType(c);
        return type == Character.SPACE_SEPARATOR || type == Character.LINE_SEPARATOR
            || type == Character.PARAGRAPH_SEPARATOR;
    }
  }
}
