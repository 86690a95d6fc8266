package it.percorsi.participant.participant;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.UUID;

@ApplicationScoped
public class ParticipantRepository implements PanacheRepositoryBase<Participant, UUID> {

  public Optional<Participant> byTaxCode(String taxCode) {
    return find("taxCode", taxCode).firstResultOptional();
  }
}
