package it.percorsi.platform.problem;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;

/**
 * Whether a failure means the database could not be reached, rather than a defect: a connection
 * refused or broken (SQLState class {@code 08}), the server shutting down or starting up ({@code
 * 57P01}, {@code 57P02}, {@code 57P03}), or no pooled connection within the acquisition timeout.
 * Such a request wrote nothing and may be retried, so it is a 503 with {@code Retry-After}, not a
 * 500.
 */
public final class DatabaseUnavailable {

  /** Seconds a client should wait: about what a PostgreSQL restart or a failover takes. */
  public static final String RETRY_AFTER_SECONDS = "2";

  private DatabaseUnavailable() {}

  /** Whether {@code e} or one of its causes says the database is unavailable. */
  public static boolean causes(Throwable e) {
    return find(e) != null;
  }

  /** The SQLState and message of the cause, for a log line (no parameters, no personal data). */
  public static String summary(Throwable e) {
    SQLException sql = find(e);
    return sql == null ? "" : sql.getSQLState() + " " + sql.getClass().getSimpleName();
  }

  private static SQLException find(Throwable e) {
    return find(e, 0);
  }

  /**
   * Walks the causes and the suppressed exceptions: a commit that failed because the server went
   * away is a {@code RollbackException} carrying the driver's error as a suppressed exception.
   */
  private static SQLException find(Throwable e, int depth) {
    if (e == null || depth > 20) {
      return null;
    }
    if (e instanceof SQLException sql && unavailable(sql)) {
      return sql;
    }
    if (e.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")
        && e.getCause() instanceof SQLException sql) {
      return sql;
    }
    for (Throwable suppressed : e.getSuppressed()) {
      SQLException found = find(suppressed, depth + 1);
      if (found != null) {
        return found;
      }
    }
    return e.getCause() == e ? null : find(e.getCause(), depth + 1);
  }

  private static boolean unavailable(SQLException sql) {
    if (sql instanceof SQLTransientConnectionException) {
      return true;
    }
    String state = sql.getSQLState();
    if (state == null) {
      // Agroal's "acquisition timeout" has no state; neither has a closed connection.
      String message = String.valueOf(sql.getMessage()).toLowerCase(java.util.Locale.ROOT);
      return message.contains("acquisition timeout") || message.contains("connection is closed");
    }
    return state.startsWith("08")
        || state.equals("57P01")
        || state.equals("57P02")
        || state.equals("57P03");
  }
}
