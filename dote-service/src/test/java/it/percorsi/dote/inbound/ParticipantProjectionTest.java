package it.percorsi.dote.inbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.dote.support.RealInfrastructure;
import it.percorsi.platform.projection.participant.ParticipantProjection;
import it.percorsi.testkit.Events;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The participant projection through the inbox, on a real broker and database. */
@QuarkusTest
@RealInfrastructure
class ParticipantProjectionTest {

  private static final String TOPIC = "percorsi.participants.v1";
  private static final String REGISTERED = "it.percorsi.participant.registered.v1";

  @Inject EntityManager em;

  static String payload(UUID id, String province) {
    return """
        {"participantId":"%s","regionCode":"19","provinceCode":"%s","nationality":"GIN",
         "enteredAsUnaccompaniedMinor":true,"ownerOrgId":"ORG-PROMOTER-A","registeredOn":"2026-11-27"}
        """
        .formatted(id, province);
  }

  @Test
  void registeredEventCreatesTheProjection() {
    UUID id = UUID.randomUUID();
    Events.publish(
        TOPIC,
        id.toString(),
        Events.cloudEvent(UUID.randomUUID().toString(), REGISTERED, id.toString()),
        payload(id, "083"));

    await().atMost(Duration.ofSeconds(20)).until(() -> find(id) != null);
    ParticipantProjection p = find(id);
    assertThat(p.provinceCode).isEqualTo("083");
    assertThat(p.regionCode).isEqualTo("19");
    assertThat(p.ownerOrgId).isEqualTo("ORG-PROMOTER-A");
    assertThat(p.enteredAsUnaccompaniedMinor).isTrue();
  }

  @Test
  void laterEventsUpdateTransferAndEraseTheProjectedFacts() {
    UUID id = UUID.randomUUID();
    String key = id.toString();
    Events.publish(
        TOPIC,
        key,
        Events.cloudEvent(UUID.randomUUID().toString(), REGISTERED, key),
        payload(id, "083"));
    Events.publish(
        TOPIC,
        key,
        Events.cloudEvent(UUID.randomUUID().toString(), "it.percorsi.participant.updated.v1", key),
        """
        {"participantId":"%s","changedFields":["residenceProvince"],"regionCode":"19",
         "provinceCode":"082","nationality":"GIN","enteredAsUnaccompaniedMinor":true,
         "employmentStatus":"UNEMPLOYED","consentGiven":true}
        """
            .formatted(id));
    Events.publish(
        TOPIC,
        key,
        Events.cloudEvent(
            UUID.randomUUID().toString(), "it.percorsi.participant.ownership-transferred.v1", key),
        "{\"participantId\":\"%s\",\"fromOrgId\":\"ORG-PROMOTER-A\",\"toOrgId\":\"ORG-PROMOTER-B\"}"
            .formatted(id));
    Events.publish(
        TOPIC,
        key,
        Events.cloudEvent(UUID.randomUUID().toString(), "it.percorsi.participant.erased.v1", key),
        "{\"participantId\":\"%s\",\"erasedOn\":\"2026-11-27\"}".formatted(id));

    await().atMost(Duration.ofSeconds(20)).until(() -> find(id) != null && find(id).erased);
    ParticipantProjection p = find(id);
    assertThat(p.provinceCode).isEqualTo("082");
    assertThat(p.employmentStatus).isEqualTo("UNEMPLOYED");
    assertThat(p.ownerOrgId).isEqualTo("ORG-PROMOTER-B");
    assertThat(p.nationality).isNull();
    assertThat(p.consentGiven).isFalse();
  }

  @Test
  void sameEventDeliveredTwiceIsHandledOnce() {
    UUID id = UUID.randomUUID();
    String eventId = UUID.randomUUID().toString();
    var headers = Events.cloudEvent(eventId, REGISTERED, id.toString());
    Events.publish(TOPIC, id.toString(), headers, payload(id, "083"));
    // The redelivery carries a different province: had it been applied, the row would change.
    Events.publish(TOPIC, id.toString(), headers, payload(id, "082"));
    UUID marker = UUID.randomUUID();
    Events.publish(
        TOPIC,
        marker.toString(),
        Events.cloudEvent(UUID.randomUUID().toString(), REGISTERED, marker.toString()),
        payload(marker, "083"));

    // Events of one key are handled in order; once a later event is in, both copies were seen.
    await().atMost(Duration.ofSeconds(20)).until(() -> find(id) != null && inboxRows(eventId) == 1);
    await().atMost(Duration.ofSeconds(20)).until(() -> find(marker) != null);
    assertThat(find(id).provinceCode).isEqualTo("083");
    assertThat(inboxRows(eventId)).isEqualTo(1);
    assertThat(count("SELECT count(*) FROM participant_projection WHERE participant_id = ?1", id))
        .isEqualTo(1);
  }

  @Test
  void poisonEventGoesToTheDeadLetterTopicAndTheNextEventIsHandled() {
    UUID poisonKey = UUID.randomUUID();
    String poisonId = UUID.randomUUID().toString();
    // Same key as the next event, so both land on one partition, poison first.
    UUID next = poisonKey;
    Events.publish(
        TOPIC,
        poisonKey.toString(),
        Events.cloudEvent(poisonId, REGISTERED, poisonKey.toString()),
        "{\"participantId\":\"not-a-uuid\"}");
    Events.publish(
        TOPIC,
        next.toString(),
        Events.cloudEvent(UUID.randomUUID().toString(), REGISTERED, next.toString()),
        payload(next, "083"));

    Events.Read dead =
        Events.await(
            TOPIC + ".dlq", r -> poisonId.equals(r.header("ce_id")), Duration.ofSeconds(30));
    assertThat(dead.header("dead-letter-reason")).contains(poisonId);
    await().atMost(Duration.ofSeconds(20)).until(() -> find(next) != null);
  }

  private ParticipantProjection find(UUID id) {
    return QuarkusTransaction.requiringNew().call(() -> em.find(ParticipantProjection.class, id));
  }

  private long inboxRows(String eventId) {
    return count("SELECT count(*) FROM inbox_event WHERE event_id = ?1", eventId);
  }

  private long count(String sql, Object param) {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                ((Number) em.createNativeQuery(sql).setParameter(1, param).getSingleResult())
                    .longValue());
  }
}
