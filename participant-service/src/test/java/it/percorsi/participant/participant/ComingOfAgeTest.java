package it.percorsi.participant.participant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.testkit.TestClock;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The daily came-of-age job, run on a clock moved to the 18th birthday. */
@QuarkusTest
@RealInfrastructure
class ComingOfAgeTest {

  private static final String CAME_OF_AGE = "it.percorsi.participant.came-of-age.v1";

  @Inject ComingOfAgeJob job;
  @Inject TestClock clock;
  @Inject EntityManager em;

  @AfterEach
  void resetClock() {
    clock.reset();
  }

  /** A minor registered today who turns 18 tomorrow. */
  private static String minorTurning18Tomorrow() {
    LocalDate tomorrow = Fixtures.today().plusDays(1);
    return Api.register("promoter-a", Fixtures.minorBornOn(tomorrow.minusYears(18), "083"));
  }

  @Test
  void onTheEighteenthBirthdayTheGuardianIsNoLongerHeldAndTheConsentIsTheParticipants() {
    String id = minorTurning18Tomorrow();
    Api.get("agency-admin", "/participants/" + id).body("consent.givenBy", equalTo("GUARDIAN"));

    clock.moveTo(Fixtures.today().plusDays(1));
    job.run();

    Api.get("agency-admin", "/participants/" + id)
        .body("guardian", nullValue())
        .body("minor", equalTo(false))
        .body("consent.givenBy", equalTo("PARTICIPANT"))
        .body("consent.date", equalTo(Fixtures.today().plusDays(1).toString()));
    Api.get("agency-admin", "/participants/" + id + "/history")
        .body("action", hasItem("came-of-age"));
  }

  @Test
  void theDayBeforeTheBirthdayNothingHappens() {
    String id = minorTurning18Tomorrow();

    job.run();

    Api.get("agency-admin", "/participants/" + id)
        .body("guardian", notNullValue())
        .body("minor", equalTo(true));
  }

  @Test
  void runningTheJobAgainAnnouncesOnce() {
    String id = minorTurning18Tomorrow();
    clock.moveTo(Fixtures.today().plusDays(1));
    job.run();
    job.run();
    clock.moveTo(Fixtures.today().plusDays(2));
    job.run();

    // The outbox is what the relay publishes: one row, one event.
    long announced =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    ((Number)
                            em.createNativeQuery(
                                    "SELECT count(*) FROM outbox_event"
                                        + " WHERE aggregate_id = ?1 AND event_type = ?2")
                                .setParameter(1, id)
                                .setParameter(2, CAME_OF_AGE)
                                .getSingleResult())
                        .longValue());
    assertThat(announced).isEqualTo(1);
    Api.get("agency-admin", "/participants/" + id + "/history")
        .body("findAll { it.action == 'came-of-age' }.size()", equalTo(1));
  }

  @Test
  void participantRegisteredAsAnAdultNeverComesOfAge() {
    String id = Api.register("promoter-a", Fixtures.body("083"));
    clock.moveTo(Fixtures.today().plusDays(1));

    job.run();

    Api.get("agency-admin", "/participants/" + id + "/history")
        .body("action", not(hasItem("came-of-age")));
  }
}
