import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../client.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/** The gift states that make an address a donor: a gift started or paid (not one that was never paid). */
export const DONOR_GIFT_STATES = ['pending', 'paid', 'refund_requested', 'refunded', 'redirected', 'disputed'];

/** True when the address (any case) gave, or is giving, at least once. */
export async function isKnownDonor(db: Tx, email: string): Promise<boolean> {
  const [row] = await db<{ known: boolean }[]>`
    select exists (select 1 from donations
      where donor_email = ${email}::citext and status = any(${DONOR_GIFT_STATES})) as known`;
  return row?.known ?? false;
}

/** The address's latest gift (the one its sign-in e-mail is sent through), or undefined. */
export async function latestGiftOf(db: Tx, email: string): Promise<number | undefined> {
  const [row] = await db<{ id: number }[]>`
    select id from donations where donor_email = ${email}::citext and status = any(${DONOR_GIFT_STATES})
    order by created_at desc, id desc limit 1`;
  return row?.id;
}

/** Records a sign-in link for the address, working `minutes` from now (links dead for a day are forgotten); its id and expiry. */
export async function createSignInLink(
  db: Tx,
  link: { email: string; minutes: number },
): Promise<{ id: number; expiresAt: Date }> {
  await db`delete from donor_sign_in_links where expires_at < now() - interval '1 day'`;
  const [row] = await db<{ id: number; expiresAt: Date }[]>`
    insert into donor_sign_in_links (email, expires_at)
    values (${link.email}, now() + make_interval(mins => ${link.minutes}))
    returning id, expires_at`;
  return row!;
}

/** The address of a sign-in link that still works (not used, not expired), or undefined. */
export async function usableSignInLink(db: Tx, linkId: number): Promise<string | undefined> {
  const [row] = await db<{ email: string }[]>`
    select email::text from donor_sign_in_links where id = ${linkId} and used_at is null and expires_at > now()`;
  return row?.email;
}

/** Uses a sign-in link, once: its address, or undefined when it was used already or has expired. */
export async function useSignInLink(db: Tx, linkId: number): Promise<string | undefined> {
  const [row] = await db<{ email: string }[]>`
    update donor_sign_in_links set used_at = now()
    where id = ${linkId} and used_at is null and expires_at > now() returning email::text`;
  return row?.email;
}

/** Opens a donor session for the address, `minutes` long; its secret token (only its hash is stored). */
export async function openDonorSession(db: Tx, session: { email: string; minutes: number }): Promise<string> {
  const token = randomBytes(32).toString('base64url');
  await db`delete from donor_sessions where expires_at < now() - interval '1 day'`;
  await db`
    insert into donor_sessions (token_hash, email, expires_at)
    values (${hashToken(token)}, ${session.email}, now() + make_interval(mins => ${session.minutes}))`;
  return token;
}

/** The address of a live donor session, or undefined. */
export async function donorOfSession(db: Tx, token: string): Promise<string | undefined> {
  const [row] = await db<{ email: string }[]>`
    select email::text from donor_sessions where token_hash = ${hashToken(token)} and expires_at > now()`;
  return row?.email;
}

/** Ends a donor session; ending an unknown one is harmless. */
export async function endDonorSession(db: Tx, token: string): Promise<void> {
  await db`delete from donor_sessions where token_hash = ${hashToken(token)}`;
}
