package it.percorsi.dote.eligibility;

import it.percorsi.dote.DoteProblems;
import it.percorsi.dote.programme.Programme;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * Asks participant-service whether a participant meets a programme's criteria, forwarding the
 * caller's token so that participant-service applies its own object-level rules. When
 * participant-service does not answer in time (or the circuit is open) the application fails with
 * 503 and {@code Retry-After}, and nothing is reserved.
 */
@ApplicationScoped
public class Eligibility {

  private static final Logger LOG = Logger.getLogger(Eligibility.class);

  private final ParticipantServiceClient client;
  private final Guarded guarded;

  public Eligibility(@RestClient ParticipantServiceClient client, Guarded guarded) {
    this.client = client;
    this.guarded = guarded;
  }

  /** The criteria of {@code programme} for an internship starting on {@code start}. */
  public EligibilityCheck.Response check(
      UUID participantId, Programme programme, LocalDate start, String authorization) {
    // The programme states "under N" (exclusive); participant-service takes inclusive bounds.
    EligibilityCheck.Request request =
        new EligibilityCheck.Request(
            start,
            programme.minAge,
            programme.maxAgeExclusive - 1,
            programme.requiresUnaccompaniedMinor,
            programme.requiresUnemployed,
            programme.requiresValidPermit,
            programme.requiresDidAndAgreement,
            programme.requiresConsent);
    try {
      return guarded.call(client, participantId, authorization, request);
    } catch (WebApplicationException e) {
      int status = e.getResponse().getStatus();
      if (status == 404 || status == 403) {
        throw ProblemException.notFound("participant", participantId);
      }
      if (status == 409) {
        // participant-service refuses to evaluate an erased participant.
        throw DoteProblems.notEligible(
            programme.code,
            java.util.List.of(
                new EligibilityCheck.Result(
                    "record", false, "the participant's data were erased")));
      }
      if (status < 500) {
        // A 4xx other than the above means the two services disagree on the contract.
        throw new IllegalStateException("eligibility check refused with status " + status, e);
      }
      throw unavailable(e);
    } catch (ProblemException e) {
      throw e;
    } catch (RuntimeException e) {
      throw unavailable(e);
    }
  }

  private static ProblemException unavailable(Exception e) {
    LOG.warnf("Eligibility check unavailable: %s", e.getClass().getSimpleName());
    return DoteProblems.eligibilityUnavailable(e instanceof CircuitBreakerOpenException ? 10 : 5);
  }

  /** The remote call with its timeout and circuit breaker. */
  @ApplicationScoped
  public static class Guarded {
    @Timeout(value = 3, unit = ChronoUnit.SECONDS)
    @CircuitBreaker(
        requestVolumeThreshold = 10,
        failureRatio = 0.5,
        delay = 10,
        delayUnit = ChronoUnit.SECONDS,
        skipOn = ClientErrorSkip.class)
    public EligibilityCheck.Response call(
        ParticipantServiceClient client,
        UUID participantId,
        String authorization,
        EligibilityCheck.Request request) {
      try {
        return client.check(participantId, authorization, request);
      } catch (WebApplicationException e) {
        if (e.getResponse().getStatus() < 500) {
          // A refusal is an answer, not a failure of participant-service.
          throw new ClientErrorSkip(e);
        }
        throw e;
      }
    }
  }

  /** A 4xx answer: passes through the circuit breaker without counting as a failure. */
  public static class ClientErrorSkip extends WebApplicationException {
    public ClientErrorSkip(WebApplicationException cause) {
      super(cause.getMessage(), cause, cause.getResponse());
    }
  }
}
