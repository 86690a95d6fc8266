package it.percorsi.webhook.fanout;

import java.util.List;

/**
 * Every event type an endpoint may choose, as in {@code docs/asyncapi.yaml} (a test keeps the two
 * equal). A type added there is added here, and told apart by {@link CaseResolver}.
 */
public final class EventTypes {

  public static final List<String> ALL =
      List.of(
          "it.percorsi.disbursement.authorised.v1",
          "it.percorsi.disbursement.batched.v1",
          "it.percorsi.disbursement.paid.v1",
          "it.percorsi.disbursement.rejected.v1",
          "it.percorsi.dote.activated.v1",
          "it.percorsi.dote.activation-refused.v1",
          "it.percorsi.dote.assigned.v1",
          "it.percorsi.dote.completed.v1",
          "it.percorsi.dote.expired.v1",
          "it.percorsi.dote.extended.v1",
          "it.percorsi.dote.extension-refused.v1",
          "it.percorsi.dote.extension-requested.v1",
          "it.percorsi.dote.revoked.v1",
          "it.percorsi.participant.came-of-age.v1",
          "it.percorsi.participant.consent-withdrawn.v1",
          "it.percorsi.participant.erased.v1",
          "it.percorsi.participant.ownership-transferred.v1",
          "it.percorsi.participant.registered.v1",
          "it.percorsi.participant.updated.v1",
          "it.percorsi.placement.attendance-recorded.v1",
          "it.percorsi.placement.follow-up-recorded.v1",
          "it.percorsi.placement.hire-cancelled.v1",
          "it.percorsi.placement.hire-recorded.v1",
          "it.percorsi.placement.internship-completed.v1",
          "it.percorsi.placement.internship-extended.v1",
          "it.percorsi.placement.internship-started.v1",
          "it.percorsi.plan.amended.v1",
          "it.percorsi.plan.approved.v1",
          "it.percorsi.plan.closed.v1",
          "it.percorsi.plan.returned.v1",
          "it.percorsi.plan.service-delivered.v1",
          "it.percorsi.plan.submitted.v1",
          "it.percorsi.programme.published.v1",
          "it.percorsi.quota.exhausted.v1",
          "it.percorsi.webhook-endpoint.disabled.v1");

  /** Programme-wide facts every role may read ({@code GET /api/programmes}): no case behind. */
  public static final List<String> PUBLIC =
      List.of("it.percorsi.programme.published.v1", "it.percorsi.quota.exhausted.v1");

  private EventTypes() {}
}
