-- Tax receipts (reçus fiscaux), issued once the money has reached the receiving structure, in its name, numbered
-- per structure and calendar year without gaps.

create table tax_receipt_counters (
  structure_id bigint not null references receiving_structures (id),
  year int not null check (year between 2000 and 2100),
  last_number int not null check (last_number > 0),
  primary key (structure_id, year)
);

create table tax_receipts (
  id bigint generated always as identity primary key,
  donation_id bigint not null unique references donations (id),
  structure_id bigint not null references receiving_structures (id),
  status text not null default 'draft' check (status in ('draft', 'validated', 'sent')),
  -- assigned at validation only: a draft never holds a number, so numbering has no gaps
  year int,
  number int,
  amount_cents bigint not null check (amount_cents > 0),
  created_at timestamptz not null default now(),
  validated_at timestamptz,
  validated_by bigint references users (id),
  sent_at timestamptz,
  unique (structure_id, year, number),
  check ((status = 'draft') = (number is null)),
  check ((number is null) = (year is null))
);
create index tax_receipts_structure_idx on tax_receipts (structure_id, status, id);
