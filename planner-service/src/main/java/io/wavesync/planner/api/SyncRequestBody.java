package io.wavesync.planner.api;

import io.wavesync.events.payload.SyncOptions;

/**
 * Body of {@code POST /api/v1/applications/{app}/operation}: the manifests (YAML or JSON text) and
 * the options of the sync, as in the {@code SyncRequested} event.
 */
public record SyncRequestBody(
    String operationId,
    String requestedBy,
    String revision,
    String namespace,
    String manifests,
    SyncOptions options) {}
