-- Payouts to receiving structures, exported in batches as SEPA credit transfer files (pain.001.001.03).

create table payout_batches (
  id bigint generated always as identity primary key,
  -- the file's GrpHdr/MsgId: unique, so a bank refuses a file uploaded twice
  message_id text not null unique,
  payout_count int not null check (payout_count > 0),
  total_cents bigint not null check (total_cents > 0),
  requested_execution_date date not null,
  file text not null,
  created_by bigint not null references users (id),
  created_at timestamptz not null default now(),
  confirmed_by bigint references users (id),
  confirmed_at timestamptz
);

alter table payouts
  add column batch_id bigint references payout_batches (id),
  -- the creditor as exported: the file says where the money went even if the structure changes its IBAN later
  add column exported_iban text,
  add column exported_bic text,
  add column confirmed_at timestamptz,
  add check ((status = 'recorded') = (batch_id is null));
create index payouts_status_idx on payouts (status, id);
create index payouts_batch_idx on payouts (batch_id);
