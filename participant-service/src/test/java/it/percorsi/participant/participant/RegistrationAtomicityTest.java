package it.percorsi.participant.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** A registration and its outbox row commit together, or not at all. */
@QuarkusTest
@RealInfrastructure
class RegistrationAtomicityTest {

  private static final Caller PROMOTER =
      new Caller("sub", "promoter-a", "ORG-PROMOTER-A", Set.of(Role.PROMOTER), Set.of());

  @Inject ParticipantService service;
  @Inject EntityManager em;

  @Test
  void registrationCommitsItsRowAndItsOutboxRowTogether() {
    UUID id = service.register(Fixtures.request("083"), PROMOTER).id;

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              assertThat(em.find(Participant.class, id)).isNotNull();
              assertThat(outboxRows(id)).isEqualTo(1);
            });
  }

  @Test
  void failureAfterRegistrationRollsBackRowAndOutboxRow() {
    ParticipantData request = Fixtures.request("083");
    UUID[] id = new UUID[1];

    assertThatThrownBy(
            () ->
                QuarkusTransaction.requiringNew()
                    .run(
                        () -> {
                          id[0] = service.register(request, PROMOTER).id;
                          assertThat(outboxRows(id[0])).isEqualTo(1);
                          throw new IllegalStateException("crash after the write");
                        }))
        .hasMessageContaining("crash after the write");

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              assertThat(em.find(Participant.class, id[0])).isNull();
              assertThat(outboxRows(id[0])).isZero();
            });
  }

  private long outboxRows(UUID aggregateId) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM outbox_event WHERE aggregate_id = ?1")
                .setParameter(1, aggregateId.toString())
                .getSingleResult())
        .longValue();
  }
}
