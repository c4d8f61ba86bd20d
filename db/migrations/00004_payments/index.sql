-- Payments: Stripe Checkout, verified webhooks, anomalies, reconciliation with Stripe.

alter table donations
  add column refunded_cents bigint not null default 0 check (refunded_cents >= 0),
  add column disputed_at timestamptz,
  -- when the donor chose, from the "manage my gift" page, what happens to the gift of a failed campaign
  add column choice_made_at timestamptz,
  -- set with the payment, in the webhook's transaction; the e-mail delivery queues the thank-you and clears it
  add column thanks_due boolean not null default false;
create index donations_thanks_due_idx on donations (id) where thanks_due;

create index ledger_transactions_donation_idx on ledger_transactions (donation_id) where donation_id is not null;

alter table stripe_events
  add column donation_id bigint references donations (id),
  -- a refund or dispute that arrived before the payment it concerns waits here and is replayed after it
  add column waiting_for_payment boolean not null default false;
create index stripe_events_waiting_idx on stripe_events (donation_id) where waiting_for_payment;

-- Anything a person must look at: amounts that do not match, refunds of unknown payments, disputes.
create table payment_anomalies (
  id bigint generated always as identity primary key,
  kind text not null check (kind in ('amount_mismatch', 'unknown_payment', 'refund_before_payment', 'partial_refund',
    'dispute', 'dispute_after_refund', 'refund_after_payout', 'paid_after_expiry', 'currency_mismatch',
    'fund_overdrawn')),
  donation_id bigint references donations (id),
  stripe_event_id text references stripe_events (id),
  message text not null,
  details jsonb not null default '{}',
  created_at timestamptz not null default now(),
  resolved_at timestamptz,
  resolved_by bigint references users (id),
  unique (kind, stripe_event_id)
);
create index payment_anomalies_open_idx on payment_anomalies (created_at) where resolved_at is null;

-- Each run of the scheduled reconciliation: the ledger against Stripe's payments and refunds.
create table reconciliation_runs (
  id bigint generated always as identity primary key,
  period_start timestamptz not null,
  period_end timestamptz not null check (period_end > period_start),
  ledger_paid_cents bigint not null,
  stripe_paid_cents bigint not null,
  ledger_refunded_cents bigint not null,
  stripe_refunded_cents bigint not null,
  differences jsonb not null,
  difference_count int not null,
  ran_at timestamptz not null default now()
);
create index reconciliation_runs_ran_idx on reconciliation_runs (ran_at desc);

create index donations_pending_idx on donations (created_at) where status = 'pending';
create index donations_email_idx on donations (donor_email);
