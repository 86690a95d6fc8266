package it.percorsi.gateway;

import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * The AsyncAPI document integrators read at {@code /asyncapi}: {@code docs/asyncapi.yaml}, one
 * self-contained file that the build copies into the gateway's classpath (see the pom). Public,
 * like {@code /openapi}: it describes the events, it holds none.
 */
@ApplicationScoped
public class AsyncApiDocument {

  static final String RESOURCE = "percorsi/asyncapi.yaml";

  private final Buffer document;

  public AsyncApiDocument() {
    try (InputStream in = AsyncApiDocument.class.getClassLoader().getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is not on the classpath: build the gateway");
      }
      document = Buffer.buffer(in.readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Answers {@code GET /asyncapi} with the YAML document (RFC 9512 media type). */
  void serve(RoutingContext ctx) {
    ctx.response()
        .putHeader("Content-Type", "application/yaml")
        .putHeader("Cache-Control", "public, max-age=300")
        .end(document);
  }
}
