-- The donor space: a donor signs in with a link e-mailed to an address that gave; no password, no account.

-- A sign-in link asked for: its token is signed over its id and expiry, and the link works once (used_at).
create table donor_sign_in_links (
  id bigint generated always as identity primary key,
  email citext not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null,
  used_at timestamptz
);

-- A donor's session, opened by a sign-in link: only the SHA-256 of the cookie's token is stored. Distinct from
-- the back office's sessions (no account behind it, only an address that gave).
create table donor_sessions (
  token_hash bytea primary key,
  email citext not null,
  created_at timestamptz not null default now(),
  expires_at timestamptz not null
);
create index donor_sessions_expiry_idx on donor_sessions (expires_at);

-- Messages a donor sent to a project's porteur from their space (relayed by e-mail): kept for abuse handling.
create table donor_messages (
  id bigint generated always as identity primary key,
  donor_email citext not null,
  project_id bigint not null references projects (id),
  body text not null check (char_length(body) between 1 and 2000),
  reveals_address boolean not null,
  ip text,
  sent_at timestamptz not null default now()
);
create index donor_messages_donor_idx on donor_messages (donor_email, sent_at);
