-- « Refund before payment » anomalies whose refund was already replayed after its payment resolved by themselves:
-- close those left open before the replay closed them (api/services/payment-events.ts now does it as it replays).
update payment_anomalies a
set resolved_at = e.processed_at,
    details = a.details || jsonb_build_object('resolvedBy', 'replay_after_payment',
                                              'replayOutcome', left(e.outcome, -length('_after_payment')))
from stripe_events e
where a.kind = 'refund_before_payment' and a.resolved_at is null and e.id = a.stripe_event_id
  and not e.waiting_for_payment and e.outcome like '%\_after\_payment';
