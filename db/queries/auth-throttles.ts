import type { Tx } from '../client.ts';

/** A throttle: `free` attempts, then each one waits a delay doubling from `firstDelaySeconds` up to the maximum. */
export interface ThrottleRule {
  free: number;
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** a counter untouched this long starts again from zero */
  forgetAfterSeconds: number;
}

/**
 * Counts one attempt under the key, atomically, unless it must wait: returns 0 when counted, else the seconds to
 * wait (nothing counted). Parallel callers queue on the key's row, so no more than the rule allows get through.
 */
export async function takeAttempt(db: Tx, key: string, rule: ThrottleRule): Promise<number> {
  const forgotten = db`t.last_at < now() - make_interval(secs => ${rule.forgetAfterSeconds})`;
  const delay = db`make_interval(secs => least(${rule.maxDelaySeconds},
    ${rule.firstDelaySeconds} * power(2, least(t.attempts - ${rule.free}, 30))))`;
  const counted = await db`
    insert into auth_throttles as t (key, attempts, last_at) values (${key}, 1, now())
    on conflict (key) do update set
      attempts = case when ${forgotten} then 1 else t.attempts + 1 end, last_at = now()
    where ${forgotten} or t.attempts < ${rule.free} or t.last_at + ${delay} <= now()
    returning t.attempts`;
  if (counted.count === 1) return 0;
  const [row] = await db<{ seconds: number }[]>`
    select ceil(extract(epoch from t.last_at + ${delay} - now()))::int as seconds
    from auth_throttles t where t.key = ${key}`;
  return Math.max(row?.seconds ?? 1, 1);
}

/** Forgets the key's attempts (the account's owner proved themselves). */
export async function clearAttempts(db: Tx, key: string): Promise<void> {
  await db`delete from auth_throttles where key = ${key}`;
}

/** Gives back one attempt taken under the key (it turned out to be legitimate). */
export async function refundAttempt(db: Tx, key: string): Promise<void> {
  await db`update auth_throttles set attempts = greatest(attempts - 1, 0) where key = ${key}`;
}

/** True when the account proved itself from this address in the last `days` days. */
export async function isKnownAddress(db: Tx, who: { email: string; ip: string; days: number }): Promise<boolean> {
  const [row] = await db<{ known: boolean }[]>`
    select exists (select 1 from known_sign_in_addresses
      where email = ${who.email} and ip = ${who.ip} and seen_at > now() - make_interval(days => ${who.days})) as known`;
  return row?.known ?? false;
}

/** Remembers that the account proved itself from this address now. */
export async function rememberAddress(db: Tx, who: { email: string; ip: string }): Promise<void> {
  await db`
    insert into known_sign_in_addresses (email, ip) values (${who.email}, ${who.ip})
    on conflict (email, ip) do update set seen_at = now()`;
}
