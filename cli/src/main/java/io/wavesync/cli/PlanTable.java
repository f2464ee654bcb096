package io.wavesync.cli;

import io.wavesync.engine.sync.Plan;
import io.wavesync.engine.sync.SyncPhase;
import java.util.ArrayList;
import java.util.List;

/**
 * The plan as a table for people: a header line, then one block per (phase, wave) step in
 * execution order, then what is skipped and ignored. Columns line up across all blocks.
 */
final class PlanTable {

  private static final String INDENT = "  ";
  private static final String GAP = "  ";
  private static final String NONE = "-";

  private PlanTable() {}

  static String render(Plan plan, String app, String namespace, String revision) {
    StringBuilder sb = new StringBuilder();
    int n = plan.tasks().size();
    sb.append("Plan for ").append(app)
        .append(" in namespace ").append(namespace)
        .append(", revision ").append(revision.isEmpty() ? "(none)" : revision)
        .append(": ").append(n).append(n == 1 ? " task" : " tasks")
        .append('\n');

    // KIND, NAMESPACE and NAME share their widths across the three sections
    int[] id = {"KIND".length(), "NAMESPACE".length(), "NAME".length()};
    for (Plan.Task t : plan.tasks()) {
      widen(id, t.kind(), t.namespace(), t.name());
    }
    for (Plan.Skipped s : plan.skipped()) {
      widen(id, s.kind(), s.namespace(), s.name());
    }
    for (Plan.Ignored i : plan.ignored()) {
      widen(id, i.kind(), i.namespace(), i.name());
    }

    if (!plan.tasks().isEmpty()) {
      List<String[]> rows = new ArrayList<>();
      for (Plan.Task t : plan.tasks()) {
        rows.add(new String[] {t.kind(), t.namespace(), t.name(), hook(t), deletePolicy(t)});
      }
      int hookWidth = "HOOK".length();
      for (String[] r : rows) {
        hookWidth = Math.max(hookWidth, r[3].length());
      }
      int[] widths = {id[0], id[1], id[2], hookWidth, 0};

      sb.append('\n');
      row(sb, widths, "KIND", "NAMESPACE", "NAME", "HOOK", "DELETE POLICY");
      SyncPhase phase = null;
      long wave = 0;
      for (int i = 0; i < rows.size(); i++) {
        Plan.Task t = plan.tasks().get(i);
        if (t.phase() != phase || t.wave() != wave) {
          phase = t.phase();
          wave = t.wave();
          sb.append(phase).append(" wave ").append(wave);
          if (phase == SyncPhase.SyncFail) {
            sb.append(" (only if the sync fails)");
          }
          sb.append('\n');
        }
        row(sb, widths, rows.get(i));
      }
    }

    if (!plan.skipped().isEmpty()) {
      sb.append("\nSkipped (hook: Skip, never applied)\n");
      int[] widths = {id[0], id[1], 0};
      row(sb, widths, "KIND", "NAMESPACE", "NAME");
      for (Plan.Skipped s : plan.skipped()) {
        row(sb, widths, s.kind(), s.namespace(), s.name());
      }
    }

    if (!plan.ignored().isEmpty()) {
      sb.append("\nIgnored (not part of a sync)\n");
      int[] widths = {id[0], id[1], id[2], 0};
      row(sb, widths, "KIND", "NAMESPACE", "NAME", "REASON");
      for (Plan.Ignored i : plan.ignored()) {
        row(sb, widths, i.kind(), i.namespace(), i.name(), i.reason());
      }
    }
    return sb.toString();
  }

  private static String hook(Plan.Task t) {
    return t.hook() && !t.hookTypes().isEmpty() ? String.join(",", t.hookTypes()) : NONE;
  }

  private static String deletePolicy(Plan.Task t) {
    return t.deletePolicies().isEmpty() ? NONE : String.join(",", t.deletePolicies());
  }

  private static void widen(int[] widths, String... cells) {
    for (int i = 0; i < cells.length; i++) {
      widths[i] = Math.max(widths[i], cells[i].length());
    }
  }

  /** One indented row; every cell but the last is padded to its column's width. */
  private static void row(StringBuilder sb, int[] widths, String... cells) {
    sb.append(INDENT);
    for (int i = 0; i < cells.length; i++) {
      sb.append(cells[i]);
      if (i < cells.length - 1) {
        sb.append(" ".repeat(widths[i] - cells[i].length())).append(GAP);
      }
    }
    sb.append('\n');
  }
}
