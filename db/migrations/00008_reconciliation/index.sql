-- The reconciliation with Stripe flags each difference it finds for admins, once, beside the other payment
-- anomalies (the same difference found again by the next run, whose period overlaps, is not flagged twice).
alter table payment_anomalies drop constraint payment_anomalies_kind_check;
alter table payment_anomalies add constraint payment_anomalies_kind_check check (kind in ('amount_mismatch',
  'unknown_payment', 'refund_before_payment', 'partial_refund', 'dispute', 'dispute_after_refund',
  'refund_after_payout', 'paid_after_expiry', 'currency_mismatch', 'fund_overdrawn', 'reconciliation_difference'));
create unique index payment_anomalies_reconciliation_idx on payment_anomalies ((details ->> 'differenceKey'))
  where kind = 'reconciliation_difference';

-- A run is recorded once per workflow execution: a retried activity replaces what its first attempt stored.
alter table reconciliation_runs add column workflow_id text unique;
-- How many payments were compared, and how many differences there were (only the first ones are kept in detail).
alter table reconciliation_runs add column compared_count int not null default 0;

-- The reconciliation reads the ledger's payments and refunds of its period.
create index ledger_transactions_payments_idx on ledger_transactions (created_at)
  where kind in ('donation_paid', 'donation_refunded');
