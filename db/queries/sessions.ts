import { createHash, randomBytes } from 'node:crypto';
import type { Tx } from '../client.ts';
import { userColumns, type User } from './users.ts';

const hashToken = (token: string) => createHash('sha256').update(token).digest();

/** Opens a session and returns its secret token (only its hash is stored). */
export async function createSession(
  db: Tx,
  session: { userId: number; ttlHours: number; ip: string; userAgent: string | undefined },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomBytes(32).toString('base64url');
  const [row] = await db<{ expiresAt: Date }[]>`
    insert into sessions (token_hash, user_id, expires_at, ip, user_agent)
    values (${hashToken(token)}, ${session.userId}, now() + ${session.ttlHours + ' hours'}::interval,
            ${session.ip}, ${session.userAgent ?? null})
    returning expires_at`;
  return { token, expiresAt: (row as { expiresAt: Date }).expiresAt };
}

/** The user of a live session (not expired, user not banned) with their roles, or undefined. */
export async function findSessionUser(db: Tx, token: string): Promise<User | undefined> {
  const [row] = await db<User[]>`
    select ${userColumns(db)} from sessions s join users u on u.id = s.user_id
    where s.token_hash = ${hashToken(token)} and s.expires_at > now() and u.banned_at is null`;
  return row;
}

/** Ends every session of a user (their password changed); returns how many there were. */
export async function deleteSessionsOf(db: Tx, userId: number): Promise<number> {
  return (await db`delete from sessions where user_id = ${userId}`).count;
}

/** Ends a session; ending an unknown one is harmless. */
export async function deleteSession(db: Tx, token: string): Promise<void> {
  await db`delete from sessions where token_hash = ${hashToken(token)}`;
}

/** Records a login attempt, for the rate limit and the audit. */
export async function recordLoginAttempt(
  db: Tx,
  attempt: { email: string; ip: string; succeeded: boolean },
): Promise<void> {
  await db`insert into login_attempts (email, ip, succeeded) values (${attempt.email}, ${attempt.ip}, ${attempt.succeeded})`;
}
