package it.percorsi.participant.participant;

import static it.percorsi.participant.participant.Api.PROBLEMS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Erasure at the data subject's request leaves no personal data anywhere the registry holds it. */
@QuarkusTest
@RealInfrastructure
class ErasureTest {

  /** Columns holding personal data, which erasure must empty. */
  private static final List<String> PERSONAL_COLUMNS =
      List.of(
          "tax_code",
          "given_name",
          "family_name",
          "sex",
          "birth_date",
          "birth_country",
          "arrival_date",
          "first_reception_date",
          "reception_type",
          "permit_kind",
          "permit_number",
          "permit_expiry_date",
          "permit_renewal_receipt_date",
          "guardian_name",
          "guardian_court",
          "guardian_appointment_date",
          "municipality_code",
          "years_of_schooling",
          "italian_level",
          "languages");

  @Inject EntityManager em;

  /** A minor with every field recorded, registered with an Idempotency-Key, then erased. */
  private record Erased(String id, Map<String, Object> body) {}

  private static Erased registeredAndErased() {
    Map<String, Object> body = Fixtures.completeMinor();
    String id =
        Api.as("promoter-a")
            .header("Idempotency-Key", UUID.randomUUID().toString())
            .contentType("application/json")
            .body(body)
            .post("/participants")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    Api.post("agency-admin", "/participants/" + id + "/erasure", Map.of())
        .statusCode(200)
        .body("erasedAt", org.hamcrest.Matchers.notNullValue());
    return new Erased(id, body);
  }

  /** The personal values of the registration, as they would appear in a JSON or text dump. */
  private static List<String> personalValues(Map<String, Object> body) {
    @SuppressWarnings("unchecked")
    Map<String, Object> guardian = (Map<String, Object>) body.get("guardian");
    @SuppressWarnings("unchecked")
    Map<String, Object> permit = (Map<String, Object>) body.get("permit");
    return List.of(
        (String) body.get("taxCode"),
        (String) body.get("givenName"),
        (String) body.get("familyName"),
        (String) body.get("birthDate"),
        (String) body.get("arrivalDate"),
        (String) guardian.get("name"),
        (String) guardian.get("appointingCourt"),
        (String) permit.get("number"),
        (String) body.get("residenceMunicipality"));
  }

  @Test
  void erasureLeavesNoPersonalFieldInTheDatabaseRow() {
    Erased e = registeredAndErased();

    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              Tuple row =
                  (Tuple)
                      em.createNativeQuery("SELECT * FROM participant WHERE id = ?1", Tuple.class)
                          .setParameter(1, UUID.fromString(e.id()))
                          .getSingleResult();
              for (String column : PERSONAL_COLUMNS) {
                assertThat(row.get(column)).as(column).isNull();
              }
              assertThat(row.get("province_code")).isEqualTo("083");
              assertThat(row.get("nationality")).isEqualTo("GIN");
              assertThat(count("participant_tax_code", "participant_id", UUID.fromString(e.id())))
                  .isZero();
              assertThat(count("idempotency_key", "resource_id", e.id())).isZero();
            });
  }

  @Test
  void erasureLeavesNoPersonalFieldInTheExport() {
    Erased e = registeredAndErased();

    String export =
        Api.get("agency-admin", "/participants/" + e.id() + "/export")
            .statusCode(200)
            .body("participant.id", equalTo(e.id()))
            .extract()
            .asString();

    assertThat(export).doesNotContain(personalValues(e.body()));
  }

  @Test
  void erasureLeavesNoPersonalFieldInTheHistory() {
    Erased e = registeredAndErased();

    String history =
        Api.get("agency-admin", "/participants/" + e.id() + "/history")
            .statusCode(200)
            .body("action", org.hamcrest.Matchers.hasItem("erased"))
            .extract()
            .asString();

    assertThat(history).doesNotContain(personalValues(e.body()));
  }

  @Test
  void erasedParticipantCannotBeChanged() {
    Erased e = registeredAndErased();

    Api.patch("agency-admin", e.id(), Map.of("yearsOfSchooling", 3))
        .statusCode(409)
        .body("type", equalTo(PROBLEMS + "participant-erased"));
  }

  @Test
  void exportBeforeErasureHoldsEverything() {
    Map<String, Object> body = Fixtures.complete();
    String id = Api.register("promoter-a", body);

    Api.get("promoter-a", "/participants/" + id + "/export")
        .statusCode(200)
        .header("Content-Disposition", org.hamcrest.Matchers.containsString(id))
        .body("participant.taxCode", equalTo(body.get("taxCode")))
        .body("participant.permit.number", equalTo("I12345678"))
        .body("participant.taxCodeHistory[0].kind", equalTo("PROVISIONAL"))
        .body("history[0].action", equalTo("registered"));
  }

  private long count(String table, String column, Object value) {
    return ((Number)
            em.createNativeQuery("SELECT count(*) FROM " + table + " WHERE " + column + " = ?1")
                .setParameter(1, value)
                .getSingleResult())
        .longValue();
  }
}
