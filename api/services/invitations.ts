import { signInviteToken } from '../../domain/email-links.ts';
import type { ApiDeps } from '../context.ts';
import { notify } from './notify.ts';

/** How long an invitation link works. */
export const INVITATION_DAYS = 7;

/** E-mails an invited account's owner the signed link where they choose their password (valid 7 days). */
export async function sendInvitation(deps: Pick<ApiDeps, 'temporal' | 'config'>, userId: number): Promise<void> {
  const expiresAt = Date.now() + INVITATION_DAYS * 86_400_000;
  const token = await signInviteToken(deps.config.EMAIL_LINK_SECRET, { userId, expiresAt });
  await notify(deps, {
    userId,
    template: 'account_invitation',
    eventKey: `invite-${Math.floor(expiresAt / 1000)}`,
    actionUrl: `${deps.config.PUBLIC_URL.replace(/\/+$/, '')}/compte/activer?token=${token}`,
  });
}
