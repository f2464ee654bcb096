package io.wavesync.planner.api;

import io.smallrye.reactive.messaging.kafka.Record;
import io.wavesync.events.EventJson;
import io.wavesync.events.OperationUpdated;
import io.wavesync.events.SyncRequested;
import io.wavesync.events.TerminateRequested;
import io.wavesync.events.payload.SyncOptions;
import io.wavesync.planner.domain.AppRecord;
import io.wavesync.planner.messaging.AppRecordSerde;
import io.wavesync.planner.messaging.EventMapper;
import io.wavesync.planner.messaging.PlannerProcessor;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StoreQueryParameters;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.QueryableStoreTypes;
import org.apache.kafka.streams.state.ReadOnlyKeyValueStore;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;

/**
 * Submit, query and terminate operations. Writes go through Kafka like any other client's, so the
 * planner's single writer per application stays the only one changing state; reads come from the
 * planner's state store.
 */
@Path("/api/v1/applications")
@Tag(name = "operations")
@Produces(MediaType.APPLICATION_JSON)
public class OperationResource {

  public static final String REQUESTS_CHANNEL = "sync-requests-out";

  @Inject KafkaStreams streams;

  @Inject
  @Channel(REQUESTS_CHANNEL)
  Emitter<Record<String, String>> requests;

  /** An error body: what went wrong, and the operation it concerns if any. */
  public record Problem(String message, String operationId) {}

  /** The id of an accepted request. */
  public record Accepted(String application, String operationId) {}

  @GET
  @Operation(summary = "List applications and the phase of their last operation")
  public Response list() {
    ReadOnlyKeyValueStore<String, byte[]> store = store();
    if (store == null) {
      return notReady();
    }
    List<Map<String, Object>> out = new ArrayList<>();
    try (KeyValueIterator<String, byte[]> it = store.all()) {
      it.forEachRemaining(kv -> {
        AppRecord r = AppRecordSerde.read(kv.value);
        if (r != null && r.state != null && r.request != null) {
          out.add(Map.of("application", kv.key, "operationId", r.request.operationId(),
              "phase", r.state.phase().name(), "message", r.state.message()));
        }
      });
    }
    return Response.ok(out).build();
  }

  @GET
  @Path("/{app}/operation")
  @Operation(summary = "The application's current or last operation")
  public Response get(@PathParam("app") String app) {
    ReadOnlyKeyValueStore<String, byte[]> store = store();
    if (store == null) {
      return notReady();
    }
    AppRecord r = AppRecordSerde.read(store.get(app));
    if (r == null || r.state == null || r.request == null) {
      return Response.status(404).entity(new Problem("no operation for application " + app, null))
          .build();
    }
    OperationUpdated view = EventMapper.operation(r);
    return Response.ok(EventJson.toTree(view)).build();
  }

  @POST
  @Path("/{app}/operation")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Request a sync of the application")
  public Response submit(@PathParam("app") String app, SyncRequestBody body) {
    if (body == null || body.manifests() == null || body.manifests().isBlank()) {
      return Response.status(400).entity(new Problem("manifests are required", null)).build();
    }
    ReadOnlyKeyValueStore<String, byte[]> store = store();
    if (store != null) {
      AppRecord r = AppRecordSerde.read(store.get(app));
      if (r != null && r.active()) {
        return Response.status(409).entity(new Problem("another operation is already in progress",
            r.request.operationId())).build();
      }
    }
    String opId = body.operationId() == null || body.operationId().isBlank()
        ? UUID.randomUUID().toString() : body.operationId();
    SyncRequested event;
    try {
      event = SyncRequested.of(app, opId, body.requestedBy() == null ? "http" : body.requestedBy(),
          body.revision(), body.namespace(), body.manifests(),
          body.options() == null ? SyncOptions.defaults() : body.options());
    } catch (RuntimeException e) {
      return Response.status(400).entity(new Problem(e.getMessage(), opId)).build();
    }
    requests.send(Record.of(app, EventJson.serializeToString(event))).toCompletableFuture().join();
    return Response.accepted(new Accepted(app, opId)).build();
  }

  @DELETE
  @Path("/{app}/operation")
  @Operation(summary = "Terminate the application's running operation")
  public Response terminate(@PathParam("app") String app) {
    ReadOnlyKeyValueStore<String, byte[]> store = store();
    if (store == null) {
      return notReady();
    }
    AppRecord r = AppRecordSerde.read(store.get(app));
    if (r == null || !r.active()) {
      return Response.status(409).entity(new Problem(
          "Unable to terminate operation. No operation is in progress", null)).build();
    }
    String opId = r.request.operationId();
    TerminateRequested event = TerminateRequested.of(app, opId, "http", "terminated by request");
    requests.send(Record.of(app, EventJson.serializeToString(event))).toCompletableFuture().join();
    return Response.accepted(new Accepted(app, opId)).build();
  }

  private ReadOnlyKeyValueStore<String, byte[]> store() {
    if (streams.state() != KafkaStreams.State.RUNNING) {
      return null;
    }
    return streams.store(StoreQueryParameters.fromNameAndType(
        PlannerProcessor.APPS_STORE, QueryableStoreTypes.keyValueStore()));
  }

  private static Response notReady() {
    return Response.status(503).entity(new Problem("the planner is starting", null)).build();
  }
}
