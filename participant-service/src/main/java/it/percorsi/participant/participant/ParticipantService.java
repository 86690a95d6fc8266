package it.percorsi.participant.participant;

import it.percorsi.participant.events.ParticipantRegistered;
import it.percorsi.participant.reference.TaxCodes;
import it.percorsi.participant.reference.Territories;
import it.percorsi.platform.caller.Caller;
import it.percorsi.platform.caller.Role;
import it.percorsi.platform.outbox.Outbox;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** Registers and reads participants; each write and its event commit together. */
@ApplicationScoped
public class ParticipantService {

  private final ParticipantRepository participants;
  private final Territories territories;
  private final Outbox outbox;
  private final Clock clock;

  public ParticipantService(
      ParticipantRepository participants, Territories territories, Outbox outbox, Clock clock) {
    this.participants = participants;
    this.territories = territories;
    this.outbox = outbox;
    this.clock = clock;
  }

  /**
   * Registers a participant owned by the caller's organisation and emits {@code
   * participant.registered}. A CPI operator registers only residents of its provinces.
   *
   * @throws ProblemException 400 on invalid facts, 409 when the tax code is already registered
   */
  @Transactional
  public Participant register(RegisterParticipant request, Caller caller) {
    RegisterParticipant r = normalised(request);
    List<Problem.FieldError> errors = new ArrayList<>();
    String taxProblem = TaxCodes.problem(r.taxCode());
    if (taxProblem != null) {
      errors.add(new Problem.FieldError("taxCode", taxProblem));
    }
    var province = territories.province(r.residenceProvince());
    if (province.isEmpty()) {
      errors.add(new Problem.FieldError("residenceProvince", "is not an ISTAT province code"));
    }
    if (r.arrivalDate().isBefore(r.birthDate())) {
      errors.add(new Problem.FieldError("arrivalDate", "is before the birth date"));
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(Problem.validation(errors));
    }
    if (caller.is(Role.CPI_OPERATOR)
        && !caller.isAgency()
        && !caller.servesProvince(r.residenceProvince())) {
      throw new ProblemException(
          Problem.of(
              "province-not-served",
              "Province not served",
              403,
              "A CPI operator registers residents of the provinces it serves"));
    }
    participants
        .byTaxCode(r.taxCode())
        .ifPresent(
            existing -> {
              Problem p =
                  Problem.of(
                      "duplicate-participant",
                      "Participant already registered",
                      409,
                      "A participant with this tax code is already registered");
              if (ParticipantAccess.canRead(caller, existing)) {
                p.with("existingId", existing.id);
              }
              throw new ProblemException(p);
            });
    Participant.Registration reg =
        Participant.register(
            r, province.get().regionCode(), caller.orgId(), clock.instant(), clock.getZone());
    participants.persist(reg.participant());
    outbox.append(ParticipantRegistered.TOPIC, reg.event());
    return reg.participant();
  }

  /** The participant if the caller may see it; otherwise 404, as if it did not exist. */
  @Transactional
  public Participant get(UUID id, Caller caller) {
    Participant p = participants.findById(id);
    if (p == null || !ParticipantAccess.canRead(caller, p)) {
      throw ProblemException.notFound("participant", id);
    }
    return p;
  }

  private static RegisterParticipant normalised(RegisterParticipant r) {
    return new RegisterParticipant(
        TaxCodes.normalise(r.taxCode()),
        r.givenName(),
        r.familyName(),
        r.birthDate(),
        r.sex(),
        r.nationality(),
        r.arrivalDate(),
        r.enteredAsUnaccompaniedMinor(),
        r.residenceProvince());
  }
}
