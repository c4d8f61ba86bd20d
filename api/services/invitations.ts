import { invitationLinkFor } from '../../domain/email-links.ts';
import type { ApiDeps } from '../context.ts';
import { notify } from './notify.ts';

/** E-mails an invited account's owner the signed link where they choose their password (valid 7 days). */
export async function sendInvitation(deps: Pick<ApiDeps, 'temporal' | 'config'>, userId: number): Promise<void> {
  const link = await invitationLinkFor(deps.config.PUBLIC_URL, deps.config.EMAIL_LINK_SECRET, {
    userId,
    now: Date.now(),
  });
  await notify(deps, { userId, template: 'account_invitation', ...link });
}
