package it.percorsi.dote.payment;

import it.percorsi.platform.codes.Ibans;
import it.percorsi.platform.payment.PaymentAccountLookup;
import it.percorsi.platform.problem.Problem;
import it.percorsi.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

/**
 * The bank accounts of the payees of a batch, read when the batch is built from the services that
 * own them: participants' from participant-service, hosts' from placement-service (by internship),
 * promoter organisations' from this service's registry. The calls forward the token of the agency
 * administrator who creates the batch, so the owners apply their own rules and their audit names
 * that person; nothing crosses the bus. Accounts are only held in memory for the file.
 */
@ApplicationScoped
public class Payees {

  private static final Logger LOG = Logger.getLogger(Payees.class);
  private static final int CHUNK = 500;

  /** A payee's account. */
  public record Payee(String iban, String name) {}

  private final ParticipantAccountsClient participants;
  private final HostAccountsClient hosts;
  private final EntityManager em;

  public Payees(
      @RestClient ParticipantAccountsClient participants,
      @RestClient HostAccountsClient hosts,
      EntityManager em) {
    this.participants = participants;
    this.hosts = hosts;
    this.em = em;
  }

  /** Participants' accounts by participant id. */
  public Map<UUID, Payee> participants(Collection<UUID> ids, String authorization) {
    return fetch(ids, chunk -> participants.lookup(authorization, chunk), "participant-service");
  }

  /** Hosts' accounts by internship id. */
  public Map<UUID, Payee> hostsOfInternships(Collection<UUID> ids, String authorization) {
    return fetch(ids, chunk -> hosts.lookup(authorization, chunk), "placement-service");
  }

  /** Promoter organisations' accounts by organisation id. */
  public Map<String, Payee> promoters(Collection<String> orgIds) {
    Map<String, Payee> found = new HashMap<>();
    if (orgIds.isEmpty()) {
      return found;
    }
    em.createQuery("from PromoterOrganisation p where p.orgId in ?1", PromoterOrganisation.class)
        .setParameter(1, orgIds)
        .getResultStream()
        .forEach(p -> found.put(p.orgId, new Payee(p.iban, p.accountHolder)));
    return found;
  }

  private interface Call {
    PaymentAccountLookup.Found ask(PaymentAccountLookup.Lookup chunk);
  }

  private static Map<UUID, Payee> fetch(Collection<UUID> ids, Call call, String service) {
    Map<UUID, Payee> found = new HashMap<>();
    List<UUID> all = new ArrayList<>(ids);
    for (int i = 0; i < all.size(); i += CHUNK) {
      PaymentAccountLookup.Found answer;
      try {
        answer =
            call.ask(
                new PaymentAccountLookup.Lookup(all.subList(i, Math.min(all.size(), i + CHUNK))));
      } catch (WebApplicationException | ProcessingException e) {
        LOG.warnf("payee accounts from %s unavailable: %s", service, e.getClass().getSimpleName());
        throw unavailable(service);
      }
      for (PaymentAccountLookup.Account a : answer.accounts()) {
        // The owner validated it; a value that is not an IBAN any more is left out, not sent.
        if (a.id() != null && Ibans.problem(a.iban()) == null && a.accountHolder() != null) {
          found.put(a.id(), new Payee(a.iban(), a.accountHolder()));
        }
      }
    }
    return found;
  }

  static ProblemException unavailable(String service) {
    return new ProblemException(
            Problem.of(
                "payees-unavailable",
                "Payee accounts unavailable",
                503,
                service + " did not give the payees' accounts; no batch was created, retry later"))
        .withHeader("Retry-After", "30");
  }
}
