package it.percorsi.platform.json;

import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.IOException;
import java.io.PushbackInputStream;

/**
 * JSON bodies are UTF-8 (RFC 8259 §8.1), without a byte order mark. Jackson would otherwise guess
 * UTF-16 or UTF-32 from the first bytes and read them: a 400 instead, before anything is read.
 */
@Provider
public class Utf8Bodies implements ReaderInterceptor {

  @Override
  public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
    PushbackInputStream in = new PushbackInputStream(context.getInputStream(), 4);
    byte[] head = new byte[4];
    int n = in.readNBytes(head, 0, 4);
    if (n > 0) {
      in.unread(head, 0, n);
    }
    if (!utf8Start(head, n)) {
      throw new ProblemException(
          Problem.of(
              "malformed-request",
              "Malformed JSON",
              400,
              "The request body must be JSON encoded in UTF-8, without a byte order mark"));
    }
    context.setInputStream(in);
    return context.proceed();
  }

  /** No byte order mark and no NUL among the first bytes (which UTF-16 and UTF-32 JSON have). */
  static boolean utf8Start(byte[] head, int n) {
    if (n >= 2
        && ((head[0] == (byte) 0xFE && head[1] == (byte) 0xFF)
            || (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE))) {
      return false;
    }
    if (n >= 3 && head[0] == (byte) 0xEF && head[1] == (byte) 0xBB && head[2] == (byte) 0xBF) {
      return false;
    }
    for (int i = 0; i < n; i++) {
      if (head[i] == 0) {
        return false;
      }
    }
    return true;
  }
}
