package io.wavesync.engine.sync;

import io.wavesync.engine.model.KubeObject;

/**
 * How one object is written (spec §1.7 and S24), decided by the engine from the operation and the
 * object's sync options: kubectl-style apply (client-side, or server-side with a field manager),
 * or with {@code Replace=true} create / replace / plain update.
 */
public record ApplyStrategy(
    boolean replace, boolean force, boolean validate, boolean serverSide, String fieldManager) {

  public enum Method {
    APPLY,
    CREATE,
    REPLACE,
    UPDATE
  }

  /**
   * The method for the given live object: Replace creates when nothing is live, and uses a plain
   * update for CRDs and Namespaces because replacing them would delete what they contain.
   */
  public Method methodFor(KubeObject target, KubeObject live) {
    if (!replace) {
      return Method.APPLY;
    }
    if (live == null) {
      return Method.CREATE;
    }
    return SyncTasks.isCrd(target) || "Namespace".equals(target.kind())
        ? Method.UPDATE
        : Method.REPLACE;
  }
}
