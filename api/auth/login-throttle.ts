import type { Tx } from '../../db/client.ts';
import {
  clearAttempts,
  isKnownAddress,
  refundAttempt,
  rememberAddress,
  takeAttempt,
  type ThrottleRule,
} from '../../db/queries/auth-throttles.ts';

const BACKOFF = { firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 86_400 } as const;

/**
 * Sign-in limits. Per account (whatever the address): 5 attempts, then one a minute, two, four… up to one an hour.
 * Per client address: 30 attempts, then the same backoff, for the accounts that never proved themselves from it
 * (an account that signed in or reset its password from an address in the last 90 days is not held by its limit).
 */
export const LOGIN_LIMITS = {
  account: { free: 5, ...BACKOFF },
  address: { free: 30, ...BACKOFF },
  knownAddressDays: 90,
} as const satisfies Record<string, ThrottleRule | number>;

const accountKey = (email: string) => `login:account:${email.toLowerCase()}`;
const addressKey = (ip: string) => `login:address:${ip}`;

/** Takes one sign-in attempt before the password is checked: 0 when it may be checked, else the seconds to wait. */
export async function takeSignInAttempt(db: Tx, who: { email: string; ip: string }): Promise<number> {
  if (!(await isKnownAddress(db, { ...who, days: LOGIN_LIMITS.knownAddressDays }))) {
    const wait = await takeAttempt(db, addressKey(who.ip), LOGIN_LIMITS.address);
    if (wait > 0) return wait;
  }
  return takeAttempt(db, accountKey(who.email), LOGIN_LIMITS.account);
}

/** After the right password: the account's attempts are forgotten and the address is known for it. */
export async function signInSucceeded(db: Tx, who: { email: string; ip: string }): Promise<void> {
  if (!(await isKnownAddress(db, { ...who, days: LOGIN_LIMITS.knownAddressDays }))) {
    await refundAttempt(db, addressKey(who.ip));
  }
  await clearAttempts(db, accountKey(who.email));
  await rememberAddress(db, who);
}

/** After a password chosen from an e-mailed link: the owner may sign in at once, from this address too. */
export async function ownerProvedByEmail(db: Tx, who: { email: string; ip: string }): Promise<void> {
  await clearAttempts(db, accountKey(who.email));
  await rememberAddress(db, who);
}
