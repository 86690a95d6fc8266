package it.percorsi.participant.resolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import it.percorsi.participant.participant.Api;
import it.percorsi.participant.participant.RealInfrastructure;
import it.percorsi.platform.audit.AuditEntry;
import it.percorsi.testkit.Registrations;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Bulk tax code resolution, for placement-service's UNILAV import alone. */
@QuarkusTest
@RealInfrastructure
class ResolutionTest {

  @Test
  void placementServiceGetsTheParticipantsOfTheCodesThatAreOnesAndNothingElse() {
    Map<String, Object> first = Registrations.adult("083");
    Map<String, Object> second = Registrations.adult("082");
    String firstId = Api.register("promoter-a", first);
    String secondId = Api.register("cpi-palermo", second);
    String unknown = Registrations.provisionalTaxCode();
    List<Map<String, Object>> matches =
        Api.as("placement-service")
            .contentType("application/json")
            .body(
                Map.of(
                    "taxCodes",
                    List.of(
                        (String) first.get("taxCode"), unknown, (String) second.get("taxCode"))))
            .post("/participants/resolutions")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("matches");
    assertThat(matches)
        .containsExactlyInAnyOrder(
            Map.of("taxCode", first.get("taxCode"), "participantId", firstId),
            Map.of("taxCode", second.get("taxCode"), "participantId", secondId));
    assertThat(lastAudit()).isEqualTo("asked=3 matched=2");
  }

  @Test
  void nobodyElseMayResolveEvenTheAgency() {
    for (String principal : List.of("agency-admin", "promoter-a", "cpi-messina", "integrator")) {
      Api.as(principal)
          .contentType("application/json")
          .body(Map.of("taxCodes", List.of(Registrations.provisionalTaxCode())))
          .post("/participants/resolutions")
          .then()
          .statusCode(403);
    }
  }

  @Test
  void moreThanAThousandCodesIsA400() {
    List<String> codes =
        java.util.stream.IntStream.range(0, 1001)
            .mapToObj(i -> Registrations.provisionalTaxCode())
            .toList();
    Api.as("placement-service")
        .contentType("application/json")
        .body(Map.of("taxCodes", codes))
        .post("/participants/resolutions")
        .then()
        .statusCode(400);
  }

  private static String lastAudit() {
    return QuarkusTransaction.requiringNew()
        .call(
            () ->
                AuditEntry.getEntityManager()
                    .createQuery(
                        "select e.detail from AuditEntry e where e.aggregateType = ?1"
                            + " order by e.id desc",
                        String.class)
                    .setParameter(1, ResolutionService.AGGREGATE)
                    .setMaxResults(1)
                    .getSingleResult());
  }
}
