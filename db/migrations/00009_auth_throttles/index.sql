-- Sign-in and password-reset throttles: one counter per key (an account, a client address, a reset request),
-- taken before the password is checked, so parallel guesses cannot slip past; a counter forgets after a quiet day.
create table auth_throttles (
  key text primary key,
  attempts int not null check (attempts >= 0),
  last_at timestamptz not null
);

-- The client addresses an account proved itself from (a sign-in, a password reset): the per-address limit does not
-- apply to them, so a script behind a shared proxy does not lock out the staff who sign in there.
create table known_sign_in_addresses (
  email citext not null,
  ip text not null,
  seen_at timestamptz not null default now(),
  primary key (email, ip)
);
