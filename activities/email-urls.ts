import { createHash } from 'node:crypto';
import { signDonationToken, signUnsubscribeToken } from '../domain/email-links.ts';
import type { Audience } from '../domain/emails.ts';

const BACK_OFFICE: readonly Audience[] = ['porteur', 'directeur', 'validateurs', 'gestionnaire', 'admins'];

/** The project's page: in the back office for its team, the public page for donors and sponsors. */
export function projectUrlFor(publicUrl: string, projectId: number, audience: Audience): string {
  const base = publicUrl.replace(/\/+$/, '');
  return BACK_OFFICE.includes(audience) ? `${base}/admin/#/projects/${projectId}/show` : `${base}/projets/${projectId}`;
}

/** The link that unsubscribes the address from the project's progress and news e-mails. */
export async function unsubscribeUrlFor(
  publicUrl: string,
  secret: string,
  who: { email: string; projectId: number },
): Promise<string> {
  const token = await signUnsubscribeToken(secret, who);
  return `${publicUrl.replace(/\/+$/, '')}/unsubscribe?token=${token}`;
}

/** The Message-ID of an outbox e-mail, derived from its dedupe key: a resent copy carries the same one. */
export function messageIdFor(dedupeKey: string, from: string): string {
  const domain = /@([^>\s]+)>?\s*$/.exec(from)?.[1] ?? 'trousse-a-projets.fr';
  return `<${createHash('sha256').update(dedupeKey).digest('hex').slice(0, 40)}@${domain}>`;
}

/** The donor's signed "manage my gift" page for one donation. */
export async function manageGiftUrlFor(publicUrl: string, secret: string, donationId: number): Promise<string> {
  return `${publicUrl.replace(/\/+$/, '')}/dons/gerer?token=${await signDonationToken(secret, donationId)}`;
}

/** The donor space, where a donor asks for a sign-in link and then finds their gifts, receipts and subscriptions. */
export const donorSpaceUrlFor = (publicUrl: string) => `${publicUrl.replace(/\/+$/, '')}/donateur`;
