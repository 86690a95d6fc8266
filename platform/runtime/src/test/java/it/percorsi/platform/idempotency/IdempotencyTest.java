package it.percorsi.platform.idempotency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.problem.ProblemException;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The parts of idempotency that need no database; the concurrent path is tested in services. */
class IdempotencyTest {

  private final Idempotency idempotency = new Idempotency(null, new ObjectMapper(), null, null);

  @Test
  void sameRequestHasTheSameFingerprint() {
    assertEquals(
        idempotency.fingerprint("POST", "/participants", Map.of("a", 1)),
        idempotency.fingerprint("POST", "/participants", Map.of("a", 1)));
  }

  @Test
  void anotherBodyHasAnotherFingerprint() {
    assertNotEquals(
        idempotency.fingerprint("POST", "/participants", Map.of("a", 1)),
        idempotency.fingerprint("POST", "/participants", Map.of("a", 2)));
  }

  @Test
  void anotherPathHasAnotherFingerprint() {
    assertNotEquals(
        idempotency.fingerprint("POST", "/participants", Map.of("a", 1)),
        idempotency.fingerprint("POST", "/dotes", Map.of("a", 1)));
  }

  @Test
  void keyWithSpacesIsAValidationProblem() {
    Caller caller = new Caller("s", "c", "ORG", Set.of(), Set.of());

    ProblemException e =
        assertThrows(
            ProblemException.class, () -> idempotency.once(caller, "two words", "x", () -> null));

    assertEquals(400, e.problem().getStatus());
  }

  @Test
  void keysAreScopedToTheCallersOrganisation() {
    assertEquals("org:ORG-A", Idempotency.scope(new Caller("s", "c", "ORG-A", Set.of(), Set.of())));
  }
}
