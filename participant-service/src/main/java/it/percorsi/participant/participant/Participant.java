package it.percorsi.participant.participant;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import it.percorsi.participant.events.ParticipantRegistered;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;

/** A participant of the programmes: the most sensitive record in the system. */
@Entity
@Table(name = "participant")
public class Participant extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "tax_code", nullable = false, length = 16)
  public String taxCode;

  @Column(name = "given_name", nullable = false)
  public String givenName;

  @Column(name = "family_name", nullable = false)
  public String familyName;

  @Column(name = "birth_date", nullable = false)
  public LocalDate birthDate;

  @Column(nullable = false, length = 1, columnDefinition = "bpchar")
  public String sex;

  @Column(nullable = false, length = 3, columnDefinition = "bpchar")
  public String nationality;

  @Column(name = "arrival_date", nullable = false)
  public LocalDate arrivalDate;

  @Column(name = "entered_as_unaccompanied_minor", nullable = false)
  public boolean enteredAsUnaccompaniedMinor;

  @Column(name = "region_code", nullable = false, length = 2, columnDefinition = "bpchar")
  public String regionCode;

  @Column(name = "province_code", nullable = false, length = 3, columnDefinition = "bpchar")
  public String provinceCode;

  @Column(name = "owner_org_id", nullable = false)
  public String ownerOrgId;

  @Column(name = "registered_at", nullable = false)
  public Instant registeredAt;

  @Version public long version;

  protected Participant() {}

  /**
   * Registers a participant owned by {@code ownerOrgId}; the request was validated.
   *
   * @return the event {@code participant.registered}, with no personal data
   */
  public static Registration register(
      RegisterParticipant r, String regionCode, String ownerOrgId, Instant now, ZoneId zone) {
    Participant p = new Participant();
    p.id = UUID.randomUUID();
    p.taxCode = r.taxCode();
    p.givenName = r.givenName().strip();
    p.familyName = r.familyName().strip();
    p.birthDate = r.birthDate();
    p.sex = r.sex();
    p.nationality = r.nationality();
    p.arrivalDate = r.arrivalDate();
    p.enteredAsUnaccompaniedMinor = r.enteredAsUnaccompaniedMinor();
    p.regionCode = regionCode;
    p.provinceCode = r.residenceProvince();
    p.ownerOrgId = ownerOrgId;
    p.registeredAt = now;
    ParticipantRegistered event =
        new ParticipantRegistered(
            p.id,
            p.regionCode,
            p.provinceCode,
            p.nationality,
            p.enteredAsUnaccompaniedMinor,
            p.ownerOrgId,
            LocalDate.ofInstant(now, zone));
    return new Registration(p, event);
  }

  /** A new participant and the event its registration causes. */
  public record Registration(Participant participant, ParticipantRegistered event) {}

  public String etag() {
    return "\"" + version + "\"";
  }
}
