import { takeAttempt } from '../../db/queries/auth-throttles.ts';
import { createSignInLink, latestGiftOf, usableSignInLink, useSignInLink } from '../../db/queries/donor-sessions.ts';
import { DONOR_LINK_MINUTES } from '../../domain/donor-space.ts';
import { signDonorLinkToken, verifyDonorLinkToken } from '../../domain/email-links.ts';
import type { ApiDeps } from '../context.ts';
import { notify } from './notify.ts';
import { RESET_LIMITS } from './password-links.ts';

type Deps = Pick<ApiDeps, 'db' | 'temporal' | 'config'>;

/** Sign-in link requests are limited as « Mot de passe oublié » is: per client address, and per address asked for. */
export const DONOR_LINK_LIMITS = RESET_LIMITS;

/**
 * Handles a donor's request for a sign-in link: the seconds to wait when this client asked too often, else 0. When
 * the address gave (and has not asked too often), it is e-mailed a link working DONOR_LINK_MINUTES and once; the
 * caller answers the same either way, and the link is made and queued without being waited for, so the time taken
 * does not tell either.
 */
export async function requestDonorLink(deps: Deps, request: { email: string; ip: string }): Promise<number> {
  const wait = await takeAttempt(deps.db, `donor-link:address:${request.ip}`, DONOR_LINK_LIMITS.address);
  if (wait > 0) return wait;
  const mayWrite = (await takeAttempt(deps.db, `donor-link:email:${request.email}`, DONOR_LINK_LIMITS.account)) === 0;
  if (mayWrite) {
    sendDonorLink(deps, request.email).catch((error: unknown) =>
      console.error('A donor sign-in e-mail could not be queued', error),
    );
  }
  return 0;
}

async function sendDonorLink(deps: Deps, email: string): Promise<void> {
  const donationId = await latestGiftOf(deps.db, email);
  if (donationId === undefined) return;
  const link = await createSignInLink(deps.db, { email, minutes: DONOR_LINK_MINUTES });
  const token = await signDonorLinkToken(deps.config.EMAIL_LINK_SECRET, {
    linkId: link.id,
    expiresAt: link.expiresAt.getTime(),
  });
  await notify(deps, {
    donationId,
    template: 'donor_sign_in',
    eventKey: `sign-in-${link.id}`,
    actionUrl: `${deps.config.PUBLIC_URL.replace(/\/+$/, '')}/donateur/connexion?token=${token}`,
    account: true,
  });
}

/** The address a sign-in link opens the space of, while it works (signed, not expired, not used); else undefined. */
export async function donorOfLink(deps: Pick<ApiDeps, 'db' | 'config'>, token: string): Promise<string | undefined> {
  const link = await verifyDonorLinkToken(deps.config.EMAIL_LINK_SECRET, token);
  if (!link || link.expiresAt < Date.now()) return undefined;
  return usableSignInLink(deps.db, link.linkId);
}

/** Uses a sign-in link, once: the address whose space it opens, or undefined when it no longer works. */
export async function useDonorLink(deps: Pick<ApiDeps, 'db' | 'config'>, token: string): Promise<string | undefined> {
  const link = await verifyDonorLinkToken(deps.config.EMAIL_LINK_SECRET, token);
  if (!link || link.expiresAt < Date.now()) return undefined;
  return useSignInLink(deps.db, link.linkId);
}
