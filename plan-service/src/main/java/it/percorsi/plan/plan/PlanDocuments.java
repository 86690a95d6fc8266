package it.percorsi.plan.plan;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * A version's content as the JSON document stored in {@code plan_version.content}: one fixed
 * mapping (ISO dates, absent nulls), so that the same content always gives the same document and
 * JSON Patches between versions name only real changes.
 */
public final class PlanDocuments {

  private static final ObjectMapper JSON =
      new ObjectMapper()
          .registerModule(new JavaTimeModule())
          .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .setSerializationInclusion(JsonInclude.Include.NON_NULL);

  private PlanDocuments() {}

  public static String write(PlanContent content) {
    try {
      return JSON.writeValueAsString(content);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot write a plan document", e);
    }
  }

  public static PlanContent read(String document) {
    try {
      return JSON.readValue(document, PlanContent.class);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a plan document", e);
    }
  }

  public static JsonNode tree(String document) {
    try {
      return JSON.readTree(document);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("cannot read a plan document", e);
    }
  }
}
