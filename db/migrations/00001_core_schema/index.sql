-- Core schema of the Trousse à Projets back office.
-- Money is integer euro cents (bigint). Rules that protect money and identity live here too.

create extension if not exists citext;

-- Reference data ------------------------------------------------------------

create table academies (
  code text primary key check (code ~ '^[a-z-]+$'),
  name text not null,
  pilot_enabled boolean not null default false
);

-- Academic e-mail domains allowed for porteurs (e.g. ac-lille.fr).
create table academic_domains (
  domain text primary key check (domain ~ '^[a-z0-9.-]+\.[a-z]+$'),
  academy_code text references academies (code)
);

create table schools (
  uai char(8) primary key check (uai ~ '^[0-9]{7}[A-Z]$'),
  name text not null check (length(name) between 2 and 200),
  kind text not null check (kind in ('ecole_maternelle', 'ecole_elementaire', 'college', 'lycee', 'lycee_professionnel')),
  degree text not null check (degree in ('premier', 'second')),
  academy_code text not null references academies (code),
  departement text not null check (departement ~ '^([0-9]{2,3}|2A|2B)$'),
  commune text not null,
  sector text not null check (sector in ('public', 'prive_sous_contrat')),
  priority_education text not null default 'none' check (priority_education in ('none', 'rep', 'rep_plus')),
  rural boolean not null default false,
  ips numeric(5, 1) check (ips between 40 and 200),
  check ((degree = 'premier') = (kind in ('ecole_maternelle', 'ecole_elementaire')))
);
create index schools_academy_idx on schools (academy_code);

-- People and access -----------------------------------------------------------

create table users (
  id bigint generated always as identity primary key,
  email citext not null unique check (email ~ '^[^@\s]+@[^@\s]+\.[^@\s]+$'),
  password_hash text,
  display_name text not null,
  banned_at timestamptz,
  created_at timestamptz not null default now()
);

-- Receiving structures: the money never goes to a person.
create table receiving_structures (
  id bigint generated always as identity primary key,
  school_uai char(8) not null references schools (uai),
  kind text not null check (kind in ('cooperative_scolaire', 'eple', 'association_sportive', 'maison_des_lyceens', 'association_gestionnaire')),
  legal_name text not null,
  siret char(14) check (siret ~ '^[0-9]{14}$'),
  legal_representative text,
  iban text check (iban ~ '^[A-Z]{2}[0-9]{2}[A-Z0-9]{11,30}$'),
  bic text check (bic ~ '^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$'),
  bank_details_validated_at timestamptz,
  gestionnaire_id bigint references users (id),
  created_at timestamptz not null default now()
);
create index receiving_structures_school_idx on receiving_structures (school_uai);

create table funds (
  id bigint generated always as identity primary key,
  name text not null,
  sponsor_name text not null,
  budget_cents bigint not null check (budget_cents >= 0),
  valid_from date not null,
  valid_until date not null check (valid_until >= valid_from),
  is_general_solidarity boolean not null default false,
  -- restrictions (empty array = no restriction)
  themes text[] not null default '{}',
  academies text[] not null default '{}',
  departements text[] not null default '{}',
  levels text[] not null default '{}',
  priority_schools_only boolean not null default false,
  -- rules
  seeding_share_bp int not null default 2000 check (seeding_share_bp between 0 and 10000),
  seeding_cap_cents bigint not null default 50000 check (seeding_cap_cents >= 0),
  topup_threshold_pct int not null default 60 check (topup_threshold_pct between 1 and 100),
  topup_min_donors int not null default 5 check (topup_min_donors >= 0),
  topup_days_left int not null default 7 check (topup_days_left >= 0),
  topup_cap_cents bigint not null default 100000 check (topup_cap_cents >= 0),
  created_at timestamptz not null default now()
);

-- A user holds roles, each optionally scoped to a school, académie, structure or fund.
create table user_roles (
  id bigint generated always as identity primary key,
  user_id bigint not null references users (id) on delete cascade,
  role text not null check (role in ('porteur', 'directeur', 'gestionnaire', 'validateur', 'admin', 'mecene', 'donateur')),
  school_uai char(8) references schools (uai),
  academy_code text references academies (code),
  structure_id bigint references receiving_structures (id),
  fund_id bigint references funds (id),
  check (role <> 'directeur' or school_uai is not null),
  check (role <> 'gestionnaire' or structure_id is not null),
  check (role <> 'mecene' or fund_id is not null)
);
create unique index user_roles_unique_idx on user_roles (
  user_id, role, coalesce(school_uai, ''), coalesce(academy_code, ''), coalesce(structure_id, 0), coalesce(fund_id, 0)
);

-- Sessions: only a hash of the cookie token is stored.
create table sessions (
  token_hash bytea primary key,
  user_id bigint not null references users (id) on delete cascade,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  ip text,
  user_agent text
);
create index sessions_user_idx on sessions (user_id);

create table login_attempts (
  id bigint generated always as identity primary key,
  email citext not null,
  ip text not null,
  succeeded boolean not null,
  at timestamptz not null default now()
);
create index login_attempts_email_idx on login_attempts (email, at);
create index login_attempts_ip_idx on login_attempts (ip, at);

-- Projects ------------------------------------------------------------------------

create table projects (
  id bigint generated always as identity primary key,
  school_uai char(8) not null references schools (uai),
  structure_id bigint references receiving_structures (id),
  porteur_id bigint not null references users (id),
  title text not null check (length(title) between 5 and 140),
  summary text not null default '',
  description text not null default '',
  theme text not null check (theme in ('classe_decouverte', 'arts_culture', 'sciences_robotique', 'developpement_durable', 'lecture_ecriture', 'langues_echanges', 'sport', 'citoyennete', 'numerique')),
  levels text[] not null default '{}',
  pupil_count int not null check (pupil_count > 0),
  activity_starts_on date not null,
  activity_ends_on date not null check (activity_ends_on >= activity_starts_on),
  minimum_goal_cents bigint not null check (minimum_goal_cents > 0),
  optimum_goal_cents bigint not null,
  minimum_goal_exception boolean not null default false,
  -- planned length of the campaign; it opens at publication and ends campaign_days later
  campaign_days int not null default 30 check (campaign_days between 7 and 90),
  campaign_starts_at timestamptz,
  campaign_ends_at timestamptz,
  status text not null default 'draft' check (status in (
    'draft', 'submitted', 'changes_requested', 'rejected', 'accepted', 'awaiting_attestation', 'published',
    'closed_optimum', 'succeeded', 'failed', 'resolving', 'closed', 'paid_out', 'report_due', 'report_submitted',
    'report_changes_requested', 'completed', 'cancelled')),
  status_changed_at timestamptz not null default now(),
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now(),
  check (optimum_goal_cents >= minimum_goal_cents),
  check (minimum_goal_cents <= 500000 or minimum_goal_exception),
  check (campaign_ends_at is null or campaign_starts_at is null or campaign_ends_at > campaign_starts_at)
);
create index projects_status_idx on projects (status);
create index projects_school_idx on projects (school_uai);
create index projects_porteur_idx on projects (porteur_id);

create table project_budget_lines (
  id bigint generated always as identity primary key,
  project_id bigint not null references projects (id) on delete cascade,
  position int not null,
  label text not null,
  amount_cents bigint not null check (amount_cents > 0),
  unique (project_id, position)
);

-- The timeline: every status change, who made it and why.
create table project_status_history (
  id bigint generated always as identity primary key,
  project_id bigint not null references projects (id),
  from_status text,
  to_status text not null,
  actor_id bigint references users (id),
  comment text,
  at timestamptz not null default now(),
  -- the workflow records each transition once, keyed by its own event id
  event_key text unique
);
create index project_status_history_project_idx on project_status_history (project_id, at);

-- Files attached to a project (approval documents, photos), kept in Postgres: they are small (≤ 5 MB).
create table project_documents (
  id bigint generated always as identity primary key,
  project_id bigint not null references projects (id),
  kind text not null check (kind in ('approval', 'photo', 'report')),
  filename text not null check (length(filename) between 1 and 200),
  content_type text not null check (content_type in ('application/pdf', 'image/jpeg', 'image/png')),
  content bytea not null check (octet_length(content) between 1 and 5242880),
  image_rights boolean not null default false,
  uploaded_by bigint not null references users (id),
  uploaded_at timestamptz not null default now()
);
create index project_documents_project_idx on project_documents (project_id);

-- The directeur's attestation of the official approvals (1er degré: IEN and DASEN; 2nd degré: CA vote).
create table project_attestations (
  id bigint generated always as identity primary key,
  project_id bigint not null unique references projects (id),
  directeur_id bigint not null references users (id),
  ien_approved boolean,
  dasen_approved boolean,
  ca_vote_on date,
  document_id bigint references project_documents (id),
  attested_at timestamptz not null default now(),
  check ((ien_approved and dasen_approved) or ca_vote_on is not null)
);

-- The final report (bilan); each submission is a new version.
create table project_reports (
  id bigint generated always as identity primary key,
  project_id bigint not null references projects (id),
  version int not null,
  what_was_done text not null,
  pupils_reached int not null check (pupils_reached >= 0),
  actual_spend_cents bigint not null check (actual_spend_cents >= 0),
  submitted_by bigint not null references users (id),
  submitted_at timestamptz not null default now(),
  unique (project_id, version)
);

-- Money -------------------------------------------------------------------------------

create table donations (
  id bigint generated always as identity primary key,
  project_id bigint references projects (id),
  fund_id bigint references funds (id),
  amount_cents bigint not null check (amount_cents >= 500),
  donor_kind text not null default 'person' check (donor_kind in ('person', 'company')),
  donor_name text not null,
  donor_email citext not null,
  company_name text,
  siren char(9) check (siren ~ '^[0-9]{9}$'),
  address_line text,
  postal_code text,
  city text,
  country char(2) default 'FR',
  wants_tax_receipt boolean not null default false,
  hide_name boolean not null default false,
  hide_amount boolean not null default false,
  failure_choice text not null default 'refund' check (failure_choice in ('refund', 'redirect')),
  status text not null default 'pending' check (status in (
    'pending', 'paid', 'expired', 'payment_failed', 'refund_requested', 'refunded', 'redirected', 'disputed')),
  stripe_checkout_session_id text unique,
  stripe_payment_intent_id text unique,
  created_at timestamptz not null default now(),
  paid_at timestamptz,
  check ((project_id is null) <> (fund_id is null)),
  check (donor_kind = 'person' or (company_name is not null and siren is not null)),
  check (not wants_tax_receipt or (address_line is not null and postal_code is not null and city is not null))
);
create index donations_project_idx on donations (project_id, status);
create index donations_fund_idx on donations (fund_id);

create table grants (
  id bigint generated always as identity primary key,
  fund_id bigint not null references funds (id),
  project_id bigint not null references projects (id),
  kind text not null check (kind in ('seeding', 'topup')),
  amount_cents bigint not null check (amount_cents > 0),
  status text not null default 'reserved' check (status in ('reserved', 'committed', 'released')),
  explanation jsonb not null,
  created_at timestamptz not null default now(),
  settled_at timestamptz,
  unique (fund_id, project_id, kind)
);

-- Double-entry ledger: balances derive from lines; every transaction sums to zero.
create table ledger_accounts (
  id bigint generated always as identity primary key,
  code text not null unique,
  kind text not null check (kind in ('stripe_clearing', 'project', 'fund_available', 'fund_reserved', 'fund_committed',
    'structure_payable', 'structure_paid', 'refunds', 'disputes', 'sponsor_contributions')),
  project_id bigint references projects (id),
  fund_id bigint references funds (id),
  structure_id bigint references receiving_structures (id),
  name text not null
);

create table ledger_transactions (
  id bigint generated always as identity primary key,
  kind text not null,
  -- business idempotency key, e.g. donation-paid-42: the same movement is never recorded twice
  idempotency_key text not null unique,
  description text not null,
  donation_id bigint references donations (id),
  grant_id bigint references grants (id),
  created_at timestamptz not null default now()
);

create table ledger_lines (
  id bigint generated always as identity primary key,
  transaction_id bigint not null references ledger_transactions (id),
  account_id bigint not null references ledger_accounts (id),
  amount_cents bigint not null check (amount_cents <> 0)
);
create index ledger_lines_transaction_idx on ledger_lines (transaction_id);
create index ledger_lines_account_idx on ledger_lines (account_id);

create function ledger_check_balanced() returns trigger language plpgsql as $$
declare
  tx bigint := coalesce(new.id, old.id);
  total numeric;
  line_count int;
begin
  if tg_table_name = 'ledger_lines' then
    tx := coalesce(new.transaction_id, old.transaction_id);
  end if;
  select coalesce(sum(amount_cents), 0), count(*) into total, line_count from ledger_lines where transaction_id = tx;
  if line_count < 2 then
    raise exception 'ledger transaction % has % line(s); at least two are required', tx, line_count
      using errcode = '23514';
  end if;
  if total <> 0 then
    raise exception 'ledger transaction % is unbalanced: its lines sum to % cents', tx, total
      using errcode = '23514';
  end if;
  return null;
end $$;

create constraint trigger ledger_lines_balanced
  after insert on ledger_lines deferrable initially deferred
  for each row execute function ledger_check_balanced();
create constraint trigger ledger_transactions_have_lines
  after insert on ledger_transactions deferrable initially deferred
  for each row execute function ledger_check_balanced();

create function ledger_refuse_change() returns trigger language plpgsql as $$
begin
  raise exception 'the ledger is append-only: % on % is refused', tg_op, tg_table_name using errcode = '42501';
end $$;

create trigger ledger_lines_append_only before update or delete on ledger_lines
  for each row execute function ledger_refuse_change();
create trigger ledger_transactions_append_only before update or delete on ledger_transactions
  for each row execute function ledger_refuse_change();

create view ledger_balances as
  select a.id as account_id, a.code, a.kind, a.project_id, a.fund_id, a.structure_id,
         coalesce(sum(l.amount_cents), 0)::bigint as balance_cents
  from ledger_accounts a left join ledger_lines l on l.account_id = a.id
  group by a.id;

create table payouts (
  id bigint generated always as identity primary key,
  project_id bigint not null unique references projects (id),
  structure_id bigint not null references receiving_structures (id),
  amount_cents bigint not null check (amount_cents > 0),
  status text not null default 'recorded' check (status in ('recorded', 'exported', 'confirmed')),
  ledger_transaction_id bigint references ledger_transactions (id),
  created_at timestamptz not null default now()
);

-- Stripe events are processed once, by their id.
create table stripe_events (
  id text primary key check (id like 'evt_%'),
  type text not null,
  payload jsonb not null,
  received_at timestamptz not null default now(),
  processed_at timestamptz,
  outcome text
);

-- E-mails ----------------------------------------------------------------------------

create table email_outbox (
  id bigint generated always as identity primary key,
  -- one e-mail per business event, e.g. donation-thanks-42
  dedupe_key text not null unique,
  template text not null,
  to_address citext not null,
  subject text not null,
  text_body text not null,
  html_body text,
  project_id bigint references projects (id),
  status text not null default 'pending' check (status in ('pending', 'sent', 'failed')),
  attempts int not null default 0,
  last_error text,
  created_at timestamptz not null default now(),
  sent_at timestamptz
);
create index email_outbox_pending_idx on email_outbox (created_at) where status = 'pending';

-- Audit log: who did what, append-only.
create table audit_log (
  id bigint generated always as identity primary key,
  actor_id bigint references users (id),
  action text not null,
  entity_type text not null,
  entity_id text,
  details jsonb not null default '{}',
  ip text,
  at timestamptz not null default now()
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);

create trigger audit_log_append_only before update or delete on audit_log
  for each row execute function ledger_refuse_change();

-- A porteur must use an academic e-mail address (domain on the allow-list, sub-domains included).
create function user_roles_check_porteur_domain() returns trigger language plpgsql as $$
declare
  address text;
begin
  if new.role = 'porteur' then
    select lower(split_part(email::text, '@', 2)) into address from users where id = new.user_id;
    if not exists (select 1 from academic_domains d where address = d.domain or address like '%.' || d.domain) then
      raise exception 'a porteur needs an academic e-mail address; % is not on the allow-list', address
        using errcode = '23514';
    end if;
  end if;
  return new;
end $$;

create trigger user_roles_porteur_domain before insert or update on user_roles
  for each row execute function user_roles_check_porteur_domain();
