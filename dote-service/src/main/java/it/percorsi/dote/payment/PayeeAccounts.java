package it.percorsi.dote.payment;

import java.util.List;
import java.util.UUID;

/**
 * The contract of the bulk look-up of payee bank accounts that participant-service (participants)
 * and placement-service (hosts, by internship) answer for the agency: the ids asked, and the
 * account of each one that has one. The answer is personal data: kept in memory only to write the
 * batch's file, never logged.
 */
public final class PayeeAccounts {

  private PayeeAccounts() {}

  /** The ids to look up (at most 1000). */
  public record Lookup(List<UUID> ids) {}

  /** One account. */
  public record Account(UUID id, String iban, String accountHolder) {}

  /** The accounts found; an id without account is absent. */
  public record Found(List<Account> accounts) {}
}
