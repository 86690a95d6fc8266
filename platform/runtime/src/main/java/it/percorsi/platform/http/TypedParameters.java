package it.percorsi.platform.http;

import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemMappers;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.ext.ParamConverter;
import jakarta.ws.rs.ext.ParamConverterProvider;
import jakarta.ws.rs.ext.Provider;
import java.lang.annotation.Annotation;
import java.lang.reflect.Type;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Query parameters typed as a UUID or an enum: a value that does not convert is a 400 problem
 * naming the parameter and what it must be, not the 404 JAX-RS answers by default (which tells a
 * client that the resource does not exist when its filter is wrong). A path segment that is not a
 * UUID stays a 404: no such resource.
 */
@Provider
public class TypedParameters implements ParamConverterProvider {

  /** A refusal that already carries its problem+json answer. */
  public static final class InvalidParameter extends WebApplicationException {

    InvalidParameter(String name, String message) {
      super(
          ProblemMappers.response(
              Problem.validation(List.of(new Problem.FieldError(name, message)))));
    }
  }

  @Override
  @SuppressWarnings({"unchecked", "rawtypes"})
  public <T> ParamConverter<T> getConverter(
      Class<T> rawType, Type genericType, Annotation[] annotations) {
    String name = queryName(annotations);
    if (name == null) {
      return null;
    }
    if (rawType == UUID.class) {
      return (ParamConverter<T>) converter(name, "must be a UUID", UUID::fromString);
    }
    if (rawType.isEnum()) {
      Class<? extends Enum> type = (Class<? extends Enum>) rawType;
      String allowed =
          Arrays.stream(type.getEnumConstants())
              .map(c -> ((Enum<?>) c).name())
              .collect(Collectors.joining(", "));
      return (ParamConverter<T>)
          converter(name, "must be one of " + allowed, v -> Enum.valueOf(type, v));
    }
    return null;
  }

  private static String queryName(Annotation[] annotations) {
    for (Annotation a : annotations == null ? new Annotation[0] : annotations) {
      if (a instanceof QueryParam q) {
        return q.value();
      }
    }
    return null;
  }

  private static <T> ParamConverter<T> converter(
      String name, String message, Function<String, T> parse) {
    return new ParamConverter<>() {
      @Override
      public T fromString(String value) {
        if (value == null) {
          return null;
        }
        try {
          return parse.apply(value.strip());
        } catch (IllegalArgumentException e) {
          throw new InvalidParameter(name, message);
        }
      }

      @Override
      public String toString(T value) {
        return value instanceof Enum<?> e ? e.name() : String.valueOf(value);
      }
    };
  }
}
