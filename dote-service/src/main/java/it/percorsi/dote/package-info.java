/** dote-service: programmes, dotes within quotas, the ledger. */
package it.percorsi.dote;
