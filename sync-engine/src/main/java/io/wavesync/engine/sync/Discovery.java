package io.wavesync.engine.sync;

/** Resolves the API resource of a kind (spec §2.2 V1). */
@FunctionalInterface
public interface Discovery {

  /** Every kind is served; validation errors then surface in the dry run. */
  Discovery PERMISSIVE = (group, version, kind) -> new ApiResource(kind.toLowerCase() + "s", true);

  ApiResource resolve(String group, String version, String kind) throws ApiException;

  /** The resolved resource: its plural name and whether it is namespaced. */
  record ApiResource(String name, boolean namespaced) {}
}
