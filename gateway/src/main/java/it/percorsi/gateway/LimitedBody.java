package it.percorsi.gateway;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body of unknown length (chunked) that fails once more than {@code max} bytes have
 * passed, so the upstream request is reset rather than sent truncated and the caller gets a 413.
 */
final class LimitedBody implements ReadStream<Buffer> {

  /** Why a body stream failed: it was larger than allowed. */
  static final class TooLarge extends RuntimeException {
    TooLarge() {
      super("request body too large", null, false, false);
    }
  }

  private final ReadStream<Buffer> source;
  private final long max;
  private long seen;
  private volatile boolean failed;
  private Handler<Throwable> exceptionHandler;

  LimitedBody(ReadStream<Buffer> source, long max) {
    this.source = source;
    this.max = max;
  }

  /** Whether more than the limit was sent: the caller's fault, never the upstream's. */
  boolean exceeded() {
    return failed;
  }

  @Override
  public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
    this.exceptionHandler = handler;
    source.exceptionHandler(handler);
    return this;
  }

  @Override
  public ReadStream<Buffer> handler(Handler<Buffer> handler) {
    if (handler == null) {
      source.handler(null);
      return this;
    }
    source.handler(
        chunk -> {
          if (failed) {
            return;
          }
          seen += chunk.length();
          if (seen > max) {
            failed = true;
            source.pause();
            if (exceptionHandler != null) {
              exceptionHandler.handle(new TooLarge());
            }
            return;
          }
          handler.handle(chunk);
        });
    return this;
  }

  @Override
  public ReadStream<Buffer> pause() {
    source.pause();
    return this;
  }

  @Override
  public ReadStream<Buffer> resume() {
    source.resume();
    return this;
  }

  @Override
  public ReadStream<Buffer> fetch(long amount) {
    source.fetch(amount);
    return this;
  }

  @Override
  public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
    source.endHandler(endHandler);
    return this;
  }
}
