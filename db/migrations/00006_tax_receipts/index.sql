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
  -- what the receipt states, copied at validation and never changed after: a later edit of the gift or of the
  -- structure does not rewrite a receipt already issued
  donor_kind text check (donor_kind in ('person', 'company')),
  donor_name text,
  donor_email citext,
  company_name text,
  siren char(9),
  address_line text,
  postal_code text,
  city text,
  paid_on date,
  beneficiary_name text,
  beneficiary_siret char(14),
  beneficiary_kind text,
  beneficiary_address text,
  beneficiary_commune text,
  beneficiary_representative text,
  unique (structure_id, year, number),
  check ((status = 'draft') = (number is null)),
  check ((number is null) = (year is null)),
  check (status = 'draft' or (validated_at is not null and donor_kind is not null and donor_name is not null
    and donor_email is not null and paid_on is not null and beneficiary_name is not null
    and beneficiary_kind is not null and beneficiary_address is not null and beneficiary_commune is not null))
);
create index tax_receipts_structure_idx on tax_receipts (structure_id, status, id);
create index tax_receipts_donor_idx on tax_receipts (donor_email, paid_on) where number is not null;
