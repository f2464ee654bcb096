package io.wavesync.events.payload;

/** The Kubernetes call a phase runner uses to apply a target manifest. */
public enum ApplyMethod {
  /** Create or patch (client-side or server-side apply, see {@link ApplyStrategy#serverSide()}). */
  APPLY,
  /** Create only; used for hooks with generated names. */
  CREATE,
  /** Replace the whole object (sync option Replace=true). */
  REPLACE,
  /** Update the existing object. */
  UPDATE
}
