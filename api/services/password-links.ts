import { takeAttempt } from '../../db/queries/auth-throttles.ts';
import { findLoginCandidate, passwordOf } from '../../db/queries/users.ts';
import {
  invitationLinkFor,
  resetTokenAccount,
  signResetToken,
  verifyInviteToken,
  verifyResetToken,
} from '../../domain/email-links.ts';
import type { ApiDeps } from '../context.ts';
import { notify } from './notify.ts';

/** How long a password reset link works. */
export const RESET_MINUTES = 60;

/** The links that let an account's owner choose a password: the invitation's, and « Mot de passe oublié »'s. */
export type PasswordLink = 'invite' | 'reset';

const BACKOFF = { firstDelaySeconds: 60, maxDelaySeconds: 3600, forgetAfterSeconds: 86_400 } as const;

/** Reset requests: per client address 10, then a doubling wait; per address asked for, 3 e-mails, then the same. */
export const RESET_LIMITS = { address: { free: 10, ...BACKOFF }, account: { free: 3, ...BACKOFF } } as const;

type Deps = Pick<ApiDeps, 'db' | 'temporal' | 'config'>;
const linkTo = (deps: Pick<ApiDeps, 'config'>, path: string, token: string) =>
  `${deps.config.PUBLIC_URL.replace(/\/+$/, '')}${path}?token=${token}`;

/** E-mails an invited account's owner the signed link where they choose their password (valid 7 days). */
export async function sendInvitation(deps: Pick<ApiDeps, 'temporal' | 'config'>, userId: number): Promise<void> {
  const link = await invitationLinkFor(deps.config.PUBLIC_URL, deps.config.EMAIL_LINK_SECRET, {
    userId,
    now: Date.now(),
  });
  await notify(deps, { userId, template: 'account_invitation', ...link });
}

/**
 * Handles « Mot de passe oublié » for an address: the seconds to wait when this client asked too often, else 0.
 * When the address has an account (and has not asked too often), its owner is e-mailed a link valid one hour and
 * once; the caller answers the same either way, and the e-mail is queued without being waited for, so the time
 * taken does not tell either.
 */
export async function requestPasswordReset(deps: Deps, request: { email: string; ip: string }): Promise<number> {
  const wait = await takeAttempt(deps.db, `reset:address:${request.ip}`, RESET_LIMITS.address);
  if (wait > 0) return wait;
  const mayWrite = (await takeAttempt(deps.db, `reset:account:${request.email}`, RESET_LIMITS.account)) === 0;
  const account = await findLoginCandidate(deps.db, request.email);
  if (account && mayWrite) {
    sendPasswordReset(deps, account).catch((error: unknown) =>
      console.error(`The password reset e-mail of account ${account.id} could not be queued`, error),
    );
  }
  return 0;
}

async function sendPasswordReset(deps: Deps, account: { id: number; passwordHash: string | null }): Promise<void> {
  const expiresAt = Date.now() + RESET_MINUTES * 60_000;
  const token = await signResetToken(deps.config.EMAIL_LINK_SECRET, { ...account, userId: account.id, expiresAt });
  await notify(deps, {
    userId: account.id,
    template: 'password_reset',
    eventKey: `reset-${Math.floor(expiresAt / 1000)}`,
    actionUrl: linkTo(deps, '/compte/reinitialiser', token),
  });
}

/**
 * The account a link lets choose a password, while the link is valid (signed, not expired, and the password still
 * the one it was sent for: none for an invitation), with the password hash to replace; undefined otherwise.
 */
export async function accountOfLink(
  deps: Pick<ApiDeps, 'db' | 'config'>,
  link: PasswordLink,
  token: string,
): Promise<{ userId: number; email: string; passwordHash: string | null } | undefined> {
  const secret = deps.config.EMAIL_LINK_SECRET;
  if (link === 'invite') {
    const invite = await verifyInviteToken(secret, token);
    const account = invite && (await passwordOf(deps.db, invite.userId));
    const usable = account && account.passwordHash === null && invite.expiresAt >= Date.now();
    return usable ? { ...account, userId: invite.userId } : undefined;
  }
  const userId = resetTokenAccount(token);
  const account = userId === undefined ? undefined : await passwordOf(deps.db, userId);
  const reset = account && (await verifyResetToken(secret, token, account.passwordHash));
  return account && reset && reset.expiresAt >= Date.now() ? { ...account, userId: reset.userId } : undefined;
}
