package it.percorsi.platform.problem;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void aRefusedConnectionDeepInTheCausesIsUnavailable() {
    Throwable e =
        new PersistenceException(
            "wrapped", new RuntimeException(new SQLException("Connection refused", "08001")));

    assertTrue(DatabaseUnavailable.causes(e));
  }

  @Test
  void aCommitRefusedBecauseTheServerShutDownIsUnavailable() {
    // As Narayana reports it: the driver's error suppressed inside the RollbackException.
    Exception xa = new Exception("Error trying to transactionCommit local transaction");
    xa.addSuppressed(
        new SQLException("terminating connection due to administrator command", "57P01"));
    RuntimeException commit = new RuntimeException("Could not commit transaction.");
    commit.addSuppressed(xa);

    assertTrue(DatabaseUnavailable.causes(new RuntimeException("wrapped", commit)));
  }

  @Test
  void theServerShuttingDownOrStartingIsUnavailable() {
    assertTrue(DatabaseUnavailable.causes(new SQLException("terminating", "57P01")));
    assertTrue(DatabaseUnavailable.causes(new SQLException("starting up", "57P03")));
  }

  @Test
  void noPooledConnectionInTimeIsUnavailable() {
    assertTrue(DatabaseUnavailable.causes(new SQLException("Sorry, acquisition timeout!")));
  }

  @Test
  void aConstraintViolationOrAnyOtherFailureIsNot() {
    assertFalse(DatabaseUnavailable.causes(new SQLException("duplicate key", "23505")));
    assertFalse(DatabaseUnavailable.causes(new IllegalStateException("a defect")));
  }
}
