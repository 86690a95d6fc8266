package it.percorsi.platform.inbox;

/** An event that can never be handled (malformed envelope or payload): not retried. */
public class PoisonEventException extends RuntimeException {
  public PoisonEventException(String message, Throwable cause) {
    super(message, cause);
  }

  public PoisonEventException(String message) {
    super(message);
  }
}
