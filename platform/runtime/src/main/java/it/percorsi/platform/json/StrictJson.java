package it.percorsi.platform.json;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.quarkus.jackson.ObjectMapperCustomizer;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;

/**
 * Request bodies are read strictly, in every service: a value of the wrong JSON type is refused
 * rather than coerced ({@code "12"} is not a number, {@code 1} is not {@code true} or a date,
 * {@code 1.5} is not an integer, a number is not a string), a key given twice and anything after
 * the JSON value are refused, and so are strings with NUL or other control characters (tab and line
 * breaks aside), bidirectional overrides or unpaired surrogates, and dates outside {@link
 * #FIRST_DATE} to {@link #LAST_DATE}. Each is a field-level 400 problem (see {@code
 * ProblemMappers}), never a 500 from the database.
 */
@Singleton
public class StrictJson implements ObjectMapperCustomizer {

  /** The earliest date a request may carry. */
  public static final LocalDate FIRST_DATE = LocalDate.of(1900, 1, 1);

  /** The latest date a request may carry. */
  public static final LocalDate LAST_DATE = LocalDate.of(2199, 12, 31);

  /** The field message for a date outside the range or not in ISO form. */
  public static final String DATE_MESSAGE =
      "must be a date YYYY-MM-DD between " + FIRST_DATE + " and " + LAST_DATE;

  /** The field message for a string with a character that is not allowed. */
  public static final String TEXT_MESSAGE =
      "must not contain control characters, bidirectional overrides or unpaired surrogates";

  /** Last, so that its date and string readers replace those of the modules Quarkus registers. */
  @Override
  public int priority() {
    return MINIMUM_PRIORITY;
  }

  @Override
  public void customize(ObjectMapper mapper) {
    apply(mapper);
  }

  /** Makes {@code mapper} strict (also for tests that build their own mapper). */
  public static ObjectMapper apply(ObjectMapper mapper) {
    mapper.enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
    mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
    mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
    mapper.setDefaultLeniency(Boolean.FALSE);
    fail(
        mapper,
        LogicalType.Textual,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean);
    fail(
        mapper,
        LogicalType.Integer,
        CoercionInputShape.String,
        CoercionInputShape.Float,
        CoercionInputShape.Boolean,
        CoercionInputShape.EmptyString);
    fail(
        mapper,
        LogicalType.Float,
        CoercionInputShape.String,
        CoercionInputShape.Boolean,
        CoercionInputShape.EmptyString);
    fail(
        mapper,
        LogicalType.Boolean,
        CoercionInputShape.String,
        CoercionInputShape.Integer,
        CoercionInputShape.Float,
        CoercionInputShape.EmptyString);
    fail(mapper, LogicalType.Enum, CoercionInputShape.Integer, CoercionInputShape.EmptyString);
    fail(mapper, LogicalType.DateTime, CoercionInputShape.Integer, CoercionInputShape.Float);
    SimpleModule module = new SimpleModule("percorsi-strict-json");
    module.addDeserializer(String.class, new CleanText());
    module.addDeserializer(LocalDate.class, new BoundedDate());
    mapper.registerModule(module);
    return mapper;
  }

  private static void fail(ObjectMapper mapper, LogicalType type, CoercionInputShape... shapes) {
    for (CoercionInputShape shape : shapes) {
      mapper.coercionConfigFor(type).setCoercion(shape, CoercionAction.Fail);
    }
  }

  /** Whether {@code s} holds only characters a request may carry. */
  public static boolean cleanText(String s) {
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if ((c < 0x20 && c != '\t' && c != '\n' && c != '\r')
          || (c >= 0x7f && c <= 0x9f)
          || (c >= 0x202a && c <= 0x202e)
          || (c >= 0x2066 && c <= 0x2069)
          || c == 0xfffe
          || c == 0xffff) {
        return false;
      }
      if (Character.isHighSurrogate(c)) {
        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
          return false;
        }
        i++;
      } else if (Character.isLowSurrogate(c)) {
        return false;
      }
    }
    return true;
  }

  /** Strings as Jackson reads them (with the coercion rules above), then checked. */
  static final class CleanText extends StdScalarDeserializer<String> {

    CleanText() {
      super(String.class);
    }

    @Override
    public String deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      String s = StringDeserializer.instance.deserialize(p, ctxt);
      if (s != null && !cleanText(s)) {
        throw ctxt.weirdStringException("(not shown)", String.class, TEXT_MESSAGE);
      }
      return s;
    }
  }

  /** ISO dates (YYYY-MM-DD, strict) within the range a request may carry. */
  static final class BoundedDate extends StdScalarDeserializer<LocalDate> {

    BoundedDate() {
      super(LocalDate.class);
    }

    @Override
    public LocalDate deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
      if (!p.hasToken(JsonToken.VALUE_STRING)) {
        return (LocalDate) ctxt.handleUnexpectedToken(LocalDate.class, p);
      }
      String text = p.getText().strip();
      LocalDate d;
      try {
        d = LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE);
      } catch (DateTimeParseException e) {
        throw ctxt.weirdStringException(text, LocalDate.class, DATE_MESSAGE);
      }
      if (d.isBefore(FIRST_DATE) || d.isAfter(LAST_DATE)) {
        throw ctxt.weirdStringException(text, LocalDate.class, DATE_MESSAGE);
      }
      return d;
    }
  }
}
