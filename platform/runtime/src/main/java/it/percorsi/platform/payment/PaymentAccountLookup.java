package it.percorsi.platform.payment;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.UUID;

/**
 * The contract of the agency's bulk read of payees' current accounts, which dote-service makes with
 * the token of the agency administrator building a SEPA batch: the ids asked, and the account of
 * each one that has one. The answer is personal data.
 */
public final class PaymentAccountLookup {

  /** The most ids one look-up may ask for. */
  public static final int MAX_IDS = 1000;

  private PaymentAccountLookup() {}

  /** The ids to look up. */
  public record Lookup(@NotNull @Size(max = MAX_IDS) List<@NotNull UUID> ids) {}

  /** One current account, by the id asked. */
  public record Account(UUID id, String iban, String accountHolder) {}

  /** The accounts found; an id without an account is absent. */
  public record Found(List<Account> accounts) {}
}
