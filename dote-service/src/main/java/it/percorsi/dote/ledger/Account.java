package it.percorsi.dote.ledger;

import java.util.UUID;

/**
 * Whose ledger: the dote, and the organisation and province that decide who may read its
 * disbursements (copied onto each disbursement, so that access is a query on the ledger alone).
 */
public record Account(UUID doteId, String promoterOrgId, String provinceCode) {}
