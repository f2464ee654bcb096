package io.wavesync.planner.messaging;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.wavesync.planner.domain.AppRecord;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON form of an application's record in the state store and its changelog. */
public final class AppRecordSerde {

  private static final ObjectMapper MAPPER = new ObjectMapper()
      .registerModule(new JavaTimeModule())
      .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private AppRecordSerde() {}

  public static byte[] write(AppRecord r) {
    try {
      return MAPPER.writeValueAsBytes(r);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static AppRecord read(byte[] bytes) {
    if (bytes == null) {
      return null;
    }
    try {
      return MAPPER.readValue(bytes, AppRecord.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
