package it.percorsi.platform.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Request bodies are read strictly: no coercion, no duplicate keys, no trailing data. */
class StrictJsonTest {

  enum Colour {
    RED,
    GREEN
  }

  record Body(
      Integer count,
      int hours,
      Long cents,
      Double rate,
      Boolean active,
      String name,
      LocalDate day,
      Colour colour,
      UUID id,
      List<String> notes) {}

  private static final ObjectMapper JSON =
      StrictJson.apply(new ObjectMapper().registerModule(new JavaTimeModule()));

  private static Body read(String json) throws JsonProcessingException {
    return JSON.readValue(json, Body.class);
  }

  @Test
  void wellTypedBodyIsRead() throws Exception {
    Body b =
        read(
            """
            {"count": 3, "hours": 25, "cents": 50000, "rate": 1.5, "active": true,
             "name": "Amadou\\tDiallo\\nline", "day": "2027-02-28", "colour": "RED",
             "id": "3f1e0a52-8c3b-4b8e-9a43-6f0d2c1b7e55", "notes": ["a", "b"]}
            """);
    assertThat(b.count()).isEqualTo(3);
    assertThat(b.rate()).isEqualTo(1.5);
    assertThat(b.name()).contains("\t").contains("\n");
    assertThat(b.day()).isEqualTo(LocalDate.of(2027, 2, 28));
    assertThat(b.colour()).isEqualTo(Colour.RED);
    // An integer where a decimal belongs is a number all the same.
    assertThat(read("{\"rate\": 2}").rate()).isEqualTo(2.0);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "{\"count\": \"12\"}",
        "{\"count\": 1.5}",
        "{\"count\": true}",
        "{\"count\": \"\"}",
        "{\"cents\": \"50000\"}",
        "{\"rate\": \"1.5\"}",
        "{\"active\": 1}",
        "{\"active\": \"true\"}",
        "{\"name\": 123}",
        "{\"name\": 1.5}",
        "{\"name\": false}",
        "{\"day\": 123}",
        "{\"day\": 1.5}",
        "{\"day\": [2027, 2, 28]}",
        "{\"colour\": 0}",
        "{\"notes\": [1]}"
      })
  void aValueOfTheWrongJsonTypeIsRefusedNotCoerced(String json) {
    assertThatThrownBy(() -> read(json)).isInstanceOf(MismatchedInputException.class);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "2026-02-30",
        "0000-01-01",
        "1899-12-31",
        "2200-01-01",
        "+10000-01-01",
        "-999999999-01-01",
        "+999999999-12-31",
        "2027-2-28",
        "28/02/2027"
      })
  void anImpossibleOrOutOfRangeDateIsRefused(String day) {
    assertThatThrownBy(() -> read("{\"day\": \"" + day + "\"}"))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageContaining(StrictJson.DATE_MESSAGE);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "\\u0000",
        "\\u0007",
        "\\u001b[31m",
        "\\u007f",
        "\\u0085",
        "\\u202e",
        "\\u2066",
        "\\ud800",
        "\\udc00x",
        "\\uffff"
      })
  void aStringWithAControlCharacterOrBidiOverrideIsRefused(String escaped) {
    assertThatThrownBy(() -> read("{\"name\": \"Ama" + escaped + "dou\"}"))
        .isInstanceOf(MismatchedInputException.class);
    assertThatThrownBy(() -> read("{\"notes\": [\"ok\", \"x" + escaped + "\"]}"))
        .isInstanceOf(MismatchedInputException.class);
  }

  @Test
  void aSurrogatePairIsText() throws Exception {
    assertThat(read("{\"name\": \"Ama \\ud83d\\ude00\"}").name()).endsWith("\ud83d\ude00");
  }

  @Test
  void aKeyGivenTwiceIsRefused() {
    assertThatThrownBy(() -> read("{\"count\": 1, \"count\": 2}"))
        .isInstanceOf(JsonProcessingException.class)
        .hasMessageContaining("Duplicate field 'count'");
  }

  @Test
  void contentAfterTheJsonValueIsRefused() {
    assertThatThrownBy(() -> read("{\"count\": 1} {\"count\": 2}"))
        .isInstanceOf(MismatchedInputException.class)
        .hasMessageStartingWith("Trailing token");
    assertThatThrownBy(() -> read("{\"count\": 1} x")).isInstanceOf(JsonProcessingException.class);
  }
}
