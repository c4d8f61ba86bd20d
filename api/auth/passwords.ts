import { randomBytes } from 'node:crypto';
import { hash, verify } from '@node-rs/argon2';

/** Hashes a password with argon2id (the library's OWASP-aligned defaults). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

/** True when the password matches the stored argon2 hash. */
export function verifyPassword(storedHash: string, password: string): Promise<boolean> {
  return verify(storedHash, password).catch(() => false);
}

// the hash of random bytes nobody ever saw: verifying against it spends the time of a real check, and no input matches
const UNUSABLE_HASH = hashPassword(randomBytes(32).toString('base64'));

/**
 * True only when the account exists, has a password and this is it. An unknown account or one without a password
 * (invited, not activated) is refused after the same work, verified against a hash no input matches.
 */
export async function checkPassword(storedHash: string | null | undefined, password: string): Promise<boolean> {
  const matches = await verifyPassword(storedHash ?? (await UNUSABLE_HASH), password);
  return matches && typeof storedHash === 'string';
}
