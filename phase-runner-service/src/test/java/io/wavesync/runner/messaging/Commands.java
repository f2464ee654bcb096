package io.wavesync.runner.messaging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.wavesync.events.WaveApplyRequested;
import io.wavesync.events.payload.ApplyMethod;
import io.wavesync.events.payload.ApplyStrategy;
import io.wavesync.events.payload.LiveRef;
import io.wavesync.events.payload.PruneMode;
import io.wavesync.events.payload.ResultCode;
import io.wavesync.events.payload.SyncPhase;
import io.wavesync.events.payload.TaskAction;
import io.wavesync.events.payload.WaveMode;
import io.wavesync.events.payload.WaveTask;
import java.util.List;
import java.util.Map;

/** Wave commands and manifests as the planner would send them. */
final class Commands {

  private static final ObjectMapper JSON = new ObjectMapper();

  private Commands() {}

  static ObjectNode manifest(String json) {
    try {
      return (ObjectNode) JSON.readTree(json.replace('\'', '"'));
    } catch (Exception e) {
      throw new IllegalArgumentException(json, e);
    }
  }

  static ObjectNode configMap(String namespace, String name, String value) {
    return manifest("{'apiVersion':'v1','kind':'ConfigMap','metadata':{'name':'" + name
        + "','namespace':'" + namespace + "'},'data':{'key':'" + value + "'}}");
  }

  static ObjectNode job(String namespace, String name, String command) {
    return manifest("{'apiVersion':'batch/v1','kind':'Job','metadata':{'name':'" + name
        + "','namespace':'" + namespace + "','annotations':{'argocd.argoproj.io/hook':'PreSync'},"
        + "'finalizers':['argocd.argoproj.io/hook-finalizer']},"
        + "'spec':{'backoffLimit':0,'template':{'spec':{'restartPolicy':'Never',"
        + "'containers':[{'name':'main','image':'busybox:1.36','command':['sh','-c','" + command
        + "']}]}}}}");
  }

  static String resultKey(ObjectNode target, SyncPhase phase) {
    String apiVersion = target.path("apiVersion").asText();
    String group = apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/'))
        : "";
    return group + "/" + target.path("kind").asText() + "/"
        + target.path("metadata").path("namespace").asText("") + "/"
        + target.path("metadata").path("name").asText() + ":" + phase.name();
  }

  static WaveTask apply(ObjectNode target, SyncPhase phase, ApplyStrategy strategy) {
    return new WaveTask(resultKey(target, phase), phase, 0, false, List.of(), List.of(), target,
        null, TaskAction.APPLY, null, false, false, strategy, true, false, null);
  }

  static WaveTask apply(ObjectNode target, SyncPhase phase) {
    return apply(target, phase, ApplyStrategy.defaults());
  }

  /** A hook task; with a live object and BeforeHookCreation it deletes that first. */
  static WaveTask hook(ObjectNode target, SyncPhase phase, LiveRef live, boolean beforeCreation) {
    return new WaveTask(resultKey(target, phase), phase, 0, true, List.of(phase.name()),
        List.of("BeforeHookCreation"), target, live, TaskAction.APPLY, null,
        beforeCreation && live != null, false, ApplyStrategy.defaults(), true, false,
        live == null ? null : ResultCode.Synced);
  }

  static WaveTask prune(LiveRef live, SyncPhase phase) {
    String key = live.group() + "/" + live.kind() + "/" + live.namespace() + "/" + live.name()
        + ":" + phase.name();
    return new WaveTask(key, phase, 0, false, List.of(), List.of(), null, live, TaskAction.PRUNE,
        PruneMode.PRUNE, false, false, null, true, false, null);
  }

  static ApplyStrategy serverSide() {
    return new ApplyStrategy(ApplyMethod.APPLY, true, false, true);
  }

  static ApplyStrategy method(ApplyMethod method) {
    return new ApplyStrategy(method, false, false, true);
  }

  static WaveApplyRequested step(String app, String commandId, SyncPhase phase,
      List<WaveTask> tasks) {
    return WaveApplyRequested.of(app, "op-" + app, commandId, 0, 1,
        phase == SyncPhase.SyncFail ? WaveMode.SYNC_FAIL : WaveMode.STEP, phase, 0, false,
        "Foreground", null, Map.of(), Map.of("wavesync.io/operation", "op-" + app), tasks, false,
        false);
  }

  static WaveApplyRequested validate(String app, String commandId, List<WaveTask> tasks) {
    return WaveApplyRequested.of(app, "op-" + app, commandId, 0, 0, WaveMode.VALIDATE,
        SyncPhase.PreSync, 0, true, "Foreground", null, Map.of(), Map.of(), tasks, false, false);
  }

  static WaveApplyRequested dryRunOperation(String app, String commandId, List<WaveTask> tasks) {
    return WaveApplyRequested.of(app, "op-" + app, commandId, 0, 1, WaveMode.STEP,
        SyncPhase.Sync, 0, false, "Foreground", null, Map.of(), Map.of(), tasks, true, false);
  }
}
