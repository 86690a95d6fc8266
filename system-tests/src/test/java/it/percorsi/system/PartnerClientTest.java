package it.percorsi.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import it.percorsi.client.ApiClient;
import it.percorsi.client.api.DotesApi;
import it.percorsi.client.api.ParticipantsApi;
import it.percorsi.client.api.ProgrammesApi;
import it.percorsi.client.model.ApplyForDote;
import it.percorsi.client.model.DoteView;
import it.percorsi.client.model.ParticipantData;
import it.percorsi.client.model.ParticipantView;
import it.percorsi.client.model.ProgrammeRequest;
import it.percorsi.client.problems.ConflictException;
import it.percorsi.client.problems.NotFoundException;
import it.percorsi.client.problems.PercorsiProblems;
import it.percorsi.client.problems.QuotaExhaustedException;
import it.percorsi.testkit.TestClock;
import it.percorsi.testkit.Tokens;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;

/**
 * percorsi-client as a partner uses it: generated from the checked-in merged OpenAPI, through the
 * gateway with a real token of the promoter's client. It registers a participant, applies for a
 * dote, and catches the typed quota-exhausted of the next application in the same region.
 */
class PartnerClientTest {

  private static final String MESSINA = "083";
  private static final String SICILY = "19";

  private static ApiClient client(String principal) {
    ApiClient client = new ApiClient();
    client.updateBaseUri(Stack.get().gateway());
    String token = Tokens.of(principal);
    client.setRequestInterceptor(r -> r.header("Authorization", "Bearer " + token));
    return PercorsiProblems.install(client);
  }

  @Test
  void aPartnerRegistersAParticipantAppliesForADoteAndCatchesATypedQuotaExhausted()
      throws Exception {
    LocalDate today = LocalDate.now(TestClock.ROME);
    String programme = programmeWithOnePlaceInSicily(today);

    ApiClient partner = client("promoter-a");
    ParticipantsApi participants = new ParticipantsApi(partner);
    DotesApi dotes = new DotesApi(partner);

    ParticipantView first =
        participants.registerParticipant(eligible(partner), UUID.randomUUID().toString());
    assertThat(first.getId()).isNotNull();
    DoteView dote =
        onceDoteServiceKnowsTheParticipant(
            () ->
                dotes.applyForDote(
                    new ApplyForDote()
                        .programme(programme)
                        .participantId(first.getId())
                        .plannedInternshipStart(today.plusDays(20)),
                    UUID.randomUUID().toString()));
    assertThat(dote.getParticipantId()).isEqualTo(first.getId());
    assertThat(dote.getProgramme()).isEqualTo(programme);
    assertThat(dote.getRegionCode()).isEqualTo(SICILY);

    ParticipantView second =
        participants.registerParticipant(eligible(partner), UUID.randomUUID().toString());
    ApplyForDote secondApplication =
        new ApplyForDote()
            .programme(programme)
            .participantId(second.getId())
            .plannedInternshipStart(today.plusDays(20));
    QuotaExhaustedException refused =
        catchThrowableOfType(
            QuotaExhaustedException.class,
            () ->
                onceDoteServiceKnowsTheParticipant(
                    () -> dotes.applyForDote(secondApplication, UUID.randomUUID().toString())));
    assertThat(refused).isNotNull().isInstanceOf(ConflictException.class);
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.type()).hasToString("https://percorsi.it/problems/quota-exhausted");
    assertThat(refused.regionCode()).isEqualTo(SICILY);
  }

  /**
   * A registration reaches dote-service as an event: until then it answers 404 for the participant,
   * and a partner asks again (with a new Idempotency-Key, nothing was reserved).
   */
  private static <T> T onceDoteServiceKnowsTheParticipant(Callable<T> call) throws Exception {
    long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
    while (true) {
      try {
        return call.call();
      } catch (NotFoundException e) {
        if (System.nanoTime() > deadline) {
          throw e;
        }
        Thread.sleep(200);
      }
    }
  }

  /** The agency publishes a programme with one place, in Sicily, through the client as well. */
  private static String programmeWithOnePlaceInSicily(LocalDate today) throws Exception {
    String code = Programmes.code("PARTNER");
    Map<String, Object> body =
        Programmes.body(
            code, "Percorsi — one place, as the partner client test runs it", today, 30, SICILY, 1);
    ApiClient agency = client("agency-admin");
    ProgrammesApi programmes = new ProgrammesApi(agency);
    programmes.createProgramme(agency.getObjectMapper().convertValue(body, ProgrammeRequest.class));
    assertThat(programmes.publishProgramme(code).getState()).hasToString("PUBLISHED");
    return code;
  }

  /** An eligible young person of Messina, as the partner's own system holds them. */
  private static ParticipantData eligible(ApiClient client) {
    return client
        .getObjectMapper()
        .convertValue(Participants.eligible(MESSINA), ParticipantData.class);
  }
}
