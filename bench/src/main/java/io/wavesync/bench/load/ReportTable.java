package io.wavesync.bench.load;

import java.util.Map;

/** The human-readable form of a load report (the JSON report holds the same figures). */
final class ReportTable {

  private ReportTable() {}

  static String render(Map<String, Object> r) {
    StringBuilder t = new StringBuilder();
    t.append('\n').append("wavesync load driver: mode ").append(r.get("mode"))
        .append(", ").append(r.get("settings")).append('\n');
    t.append("load average: before ").append(r.get("loadAverageBefore"));
    if (r.containsKey("loadAverageAtStart")) {
      t.append(", measurement start ").append(r.get("loadAverageAtStart"))
          .append(", end ").append(r.get("loadAverageAtEnd"));
    }
    t.append('\n');

    if (r.get("syncs") instanceof Map<?, ?> s) {
      t.append("\nsyncs\n");
      row(t, "sent (per second)", s.get("sent") + " (" + fmt(s.get("sentPerSecond")) + "/s)");
      row(t, "skipped: no idle application", s.get("skippedNoIdleApp"));
      row(t, "completed by phase", s.get("completedByPhase"));
      row(t, "lost (sent but not Succeeded)", s.get("lost"));
      row(t, "completed within the window", fmt(s.get("completedWithinWindowPerSecond")) + "/s");
      row(t, "succeeded per minute", fmt(s.get("succeededPerMinute")));
      row(t, "drain after the load stopped", s.get("drainMs") + " ms");
      row(t, "sync duration ms", pct(s.get("durationMs")));
    }

    if (r.get("transitionPlannerHistogram") instanceof Map<?, ?> p) {
      t.append("\nwave-transition overhead (ms)                  count      p50      p95      p99\n");
      t.append(String.format("  %-44s %6s %8s %8s %8s%n", "planner histogram (observation produced",
          fmt0(p.get("count")), fmt(p.get("p50Ms")), fmt(p.get("p95Ms")), fmt(p.get("p99Ms"))));
      t.append("    → command leaves the planner), bucket diff\n");
      line(t, "driver: record timestamps (trigger → command)", r.get("transitionDriverRecordTimestampsMs"));
      line(t, "driver: trigger → command received by driver", r.get("transitionDriverReceivedMs"));
      line(t, "Kafka hop floor, idle", r.get("floorIdleMs"));
      line(t, "Kafka hop floor, under load", r.get("floorUnderLoadMs"));
      row(t, "overhead / floor (p50)", r.get("transitionOverFloor"));
      row(t, "triggers", r.get("transitionTriggers"));
      line(t, "  of which cleanup round trip (finalizers)", r.get("transitionCleanupPartMs"));
      line(t, "wave apply (command → WaveApplied)", r.get("waveApplyMs"));
      line(t, "wait for cluster (WaveApplied → trigger)", r.get("waveWaitForClusterMs"));
      row(t, "planner handle time per input", r.get("plannerHandle"));
    } else {
      t.append('\n');
      line(t, "Kafka hop floor, idle (ms)", r.get("floorIdleMs"));
    }

    if (r.get("kafka") instanceof Map<?, ?> k) {
      t.append("\nKafka records\n");
      row(t, "per sync, wavesync topics", fmt(k.get("wavesyncTopicRecordsPerSync")));
      row(t, "per sync, incl. planner changelogs", fmt(k.get("allRecordsPerSyncInclChangelogs")));
      row(t, "by topic", k.get("recordsByTopic"));
    }

    if (r.get("processes") instanceof Map<?, ?> procs) {
      t.append("\nprocess      CPU s   cores   CPU ms/sync   RSS idle   RSS before   RSS after (MiB)\n");
      for (Map.Entry<?, ?> e : procs.entrySet()) {
        Map<?, ?> p = (Map<?, ?>) e.getValue();
        t.append(String.format("  %-9s %7s %7s %13s %10s %12s %11s%n", e.getKey(),
            fmt(p.get("cpuSeconds")), fmt(p.get("cpuCoresAverage")), fmt(p.get("cpuMsPerSync")),
            fmt(p.get("rssIdleMiB")), fmt(p.get("rssBeforeMiB")), fmt(p.get("rssAfterMiB"))));
      }
    } else if (r.get("idleRssMiB") instanceof Map<?, ?> idle) {
      t.append("\nidle RSS (MiB)\n");
      idle.forEach((k, v) -> row(t, String.valueOf(k), fmt(v)));
    }
    t.append('\n');
    return t.toString();
  }

  private static void row(StringBuilder t, String name, Object value) {
    t.append(String.format("  %-44s %s%n", name, value));
  }

  private static void line(StringBuilder t, String name, Object summary) {
    if (summary instanceof Map<?, ?> s) {
      t.append(String.format("  %-44s %6s %8s %8s %8s%n", name, fmt0(s.get("count")),
          fmt(s.get("p50")), fmt(s.get("p95")), fmt(s.get("p99"))));
    }
  }

  private static String pct(Object summary) {
    if (summary instanceof Map<?, ?> s) {
      return "p50 " + fmt(s.get("p50")) + ", p95 " + fmt(s.get("p95")) + ", p99 "
          + fmt(s.get("p99")) + ", max " + fmt(s.get("max")) + " (" + s.get("count") + ")";
    }
    return "-";
  }

  private static String fmt(Object v) {
    if (v instanceof Number n) {
      double d = n.doubleValue();
      return Double.isNaN(d) ? "-" : String.format("%.1f", d);
    }
    return v == null ? "-" : v.toString();
  }

  private static String fmt0(Object v) {
    if (v instanceof Number n) {
      return String.format("%.0f", n.doubleValue());
    }
    return v == null ? "-" : v.toString();
  }
}
