package io.wavesync.events;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.format.DateTimeFormatter;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka header names and values of the CloudEvents Kafka protocol binding in binary mode: the JSON
 * event is the record value, the CloudEvents attributes are {@code ce_*} headers. Consumers and
 * tools can route and trace records by the headers alone, without decoding the payload.
 *
 * <p>Values are computed as strings; the Kafka adapters of each service encode them as UTF-8.
 */
public final class CloudEventHeaders {

  /** The CloudEvents spec version header. */
  public static final String SPEC_VERSION = "ce_specversion";

  /** The event id header; equals {@link WavesyncEvent#eventId()}. */
  public static final String ID = "ce_id";

  /** The event type header; see {@link #ceType(String, int)}. */
  public static final String TYPE = "ce_type";

  /** The source header: which service produced the event. */
  public static final String SOURCE = "ce_source";

  /** The time header; equals {@link WavesyncEvent#occurredAt()} in RFC 3339 form. */
  public static final String TIME = "ce_time";

  /** The subject header; equals {@link WavesyncEvent#application()}. */
  public static final String SUBJECT = "ce_subject";

  /** The content type header, unprefixed as the Kafka binding requires. */
  public static final String CONTENT_TYPE = "content-type";

  /** Header that a consumer adds to a record it sends to a dead-letter topic: why it did. */
  public static final String DLQ_REASON = "wavesync-dlq-reason";

  /** The CloudEvents spec version wavesync follows. */
  public static final String SPEC_VERSION_VALUE = "1.0";

  /** The content type of every wavesync event. */
  public static final String JSON_CONTENT_TYPE = "application/json";

  /** The prefix of every wavesync {@code ce_type}. */
  public static final String TYPE_PREFIX = "io.wavesync.";

  /** The prefix of every wavesync {@code ce_source}. */
  public static final String SOURCE_PREFIX = "/wavesync/";

  private static final Pattern CE_TYPE =
      Pattern.compile(Pattern.quote(TYPE_PREFIX) + "([A-Za-z][A-Za-z0-9]*)\\.v([1-9][0-9]*)");

  /**
   * An event type and schema version read from a {@code ce_type} value.
   *
   * @param eventType the event type
   * @param schemaVersion the schema version
   */
  public record TypeAndVersion(String eventType, int schemaVersion) {}

  private CloudEventHeaders() {}

  /** The {@code ce_type} of an event type and version: {@code io.wavesync.<eventType>.v<N>}. */
  public static String ceType(String eventType, int schemaVersion) {
    return TYPE_PREFIX + eventType + ".v" + schemaVersion;
  }

  /** The {@code ce_type} of {@code event}. */
  public static String ceType(WavesyncEvent event) {
    return ceType(event.eventType(), event.schemaVersion());
  }

  /** The event type and version of a {@code ce_type} value, if it is a wavesync one. */
  public static Optional<TypeAndVersion> parseCeType(String ceType) {
    if (ceType == null) {
      return Optional.empty();
    }
    Matcher m = CE_TYPE.matcher(ceType);
    if (!m.matches()) {
      return Optional.empty();
    }
    try {
      return Optional.of(new TypeAndVersion(m.group(1), Integer.parseInt(m.group(2))));
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  /**
   * The {@code ce_source} of a wavesync service: {@code /wavesync/<service>}, for example {@code
   * /wavesync/planner-service}.
   */
  public static String source(String service) {
    if (service == null || !service.matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?")) {
      throw new IllegalArgumentException(
          "'" + service + "' is not a service name (lower-case letters, digits and '-')");
    }
    return SOURCE_PREFIX + service;
  }

  /**
   * All CloudEvents headers of {@code event}, in a stable order.
   *
   * @param source the {@code ce_source}: a URI reference naming the producer, usually {@link
   *     #source(String)}
   * @return an unmodifiable map from header name to value
   */
  public static Map<String, String> headers(WavesyncEvent event, String source) {
    if (source == null || source.isBlank()) {
      throw new IllegalArgumentException("ce_source must not be blank");
    }
    try {
      new URI(source);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("ce_source '" + source + "' is not a URI reference", e);
    }
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put(SPEC_VERSION, SPEC_VERSION_VALUE);
    headers.put(ID, event.eventId());
    headers.put(TYPE, ceType(event));
    headers.put(SOURCE, source);
    headers.put(TIME, DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()));
    headers.put(SUBJECT, event.application());
    headers.put(CONTENT_TYPE, JSON_CONTENT_TYPE);
    return Collections.unmodifiableMap(headers);
  }
}
