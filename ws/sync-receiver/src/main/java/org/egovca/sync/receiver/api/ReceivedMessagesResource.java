package org.egovca.sync.receiver.api;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonBuilderFactory;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;
import java.util.function.Supplier;
import org.egovca.sync.receiver.Rejection;
import org.egovca.sync.receiver.SharedReceiver;
import org.egovca.sync.receiver.StoredMessage;
import org.egovca.sync.receiver.SyncReceiver;

/**
 * Read-only views of the receiver: {@code GET messages} (stored messages in arrival order), {@code
 * GET rejections} (recent refusals, oldest first), {@code GET duplicates} (messages received again)
 * and {@code GET certificates/{caName}/{serialNumber}} (the latest known state of one certificate).
 */
@Path("/")
@Produces(MediaType.APPLICATION_JSON)
public class ReceivedMessagesResource {

  private static final JsonBuilderFactory JSON = Json.createBuilderFactory(Map.of());

  private final Supplier<SyncReceiver> receiver;

  /** The container's constructor: the web application's shared receiver. */
  public ReceivedMessagesResource() {
    this(SharedReceiver::get);
  }

  ReceivedMessagesResource(Supplier<SyncReceiver> receiver) {
    this.receiver = receiver;
  }

  @GET
  @Path("messages")
  public JsonArray messages() {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    receiver.get().store().messages().forEach(message -> array.add(json(message)));
    return array.build();
  }

  @GET
  @Path("rejections")
  public JsonArray rejections() {
    JsonArrayBuilder array = JSON.createArrayBuilder();
    receiver.get().rejections().rejections().forEach(rejection -> array.add(json(rejection)));
    return array.build();
  }

  /** How many deliveries since the start carried a message the receiver already held. */
  @GET
  @Path("duplicates")
  public JsonObject duplicates() {
    return JSON.createObjectBuilder().add("duplicates", receiver.get().duplicates()).build();
  }

  @GET
  @Path("certificates/{caName}/{serialNumber}")
  public JsonObject certificate(
      @PathParam("caName") String caName, @PathParam("serialNumber") String serialNumber) {
    return receiver
        .get()
        .store()
        .latestState(caName, serialNumber)
        .map(ReceivedMessagesResource::json)
        .orElseThrow(NotFoundException::new);
  }

  private static JsonObject json(StoredMessage message) {
    JsonObjectBuilder object =
        JSON.createObjectBuilder()
            .add("arrival", message.arrival())
            .add("messageId", message.messageId())
            .add("kind", message.kind().name())
            .add("businessType", message.businessType().name())
            .add("caName", message.caName());
    if (message.kind() == StoredMessage.Kind.CERTIFICATE) {
      object.add("serialNumber", message.serialNumber()).add("status", message.status().name());
    } else {
      object.add("crlNumber", message.crlNumber());
    }
    return object
        .add("syncTime", message.syncTime().toString())
        .add("receivedAt", message.receivedAt().toString())
        .build();
  }

  private static JsonObject json(Rejection rejection) {
    JsonObjectBuilder object =
        JSON.createObjectBuilder()
            .add("at", rejection.at().toString())
            .add("operation", rejection.operation())
            .add("code", rejection.code().name())
            .add("message", rejection.message());
    if (rejection.messageId() != null) {
      object.add("messageId", rejection.messageId());
    }
    if (rejection.caName() != null) {
      object.add("caName", rejection.caName());
    }
    return object.build();
  }
}
