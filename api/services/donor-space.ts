import { takeAttempt, type ThrottleRule } from '../../db/queries/auth-throttles.ts';
import {
  donorNameOf,
  listDonorGifts,
  listDonorProjects,
  listDonorReceipts,
  recordDonorMessage,
} from '../../db/queries/donor-space.ts';
import { awaitsDonorChoice } from '../../domain/donor-space.ts';
import { signDonationToken } from '../../domain/email-links.ts';
import type { ApiDeps } from '../context.ts';
import type { DonorSpace } from '../pages/donor-space.ts';
import { notify } from './notify.ts';

/** Messages to porteurs: 5 per donor, then one after 10 minutes, 20, 40… up to one a day. */
export const DONOR_MESSAGE_LIMITS: ThrottleRule = {
  free: 5,
  firstDelaySeconds: 600,
  maxDelaySeconds: 86_400,
  forgetAfterSeconds: 86_400,
};

/** What the space of the address shows, with the signed « Gérer mon don » links of its open choices. */
export async function loadDonorSpace(deps: Pick<ApiDeps, 'db' | 'config'>, email: string): Promise<DonorSpace> {
  const [gifts, receipts, projects] = await Promise.all([
    listDonorGifts(deps.db, email),
    listDonorReceipts(deps.db, email),
    listDonorProjects(deps.db, email),
  ]);
  const base = deps.config.PUBLIC_URL.replace(/\/+$/, '');
  const choiceUrls = new Map(
    await Promise.all(
      gifts
        .filter(awaitsDonorChoice)
        .map(
          async (gift) =>
            [
              gift.id,
              `${base}/dons/gerer?token=${await signDonationToken(deps.config.EMAIL_LINK_SECRET, gift.id)}`,
            ] as const,
        ),
    ),
  );
  return { email, gifts, receipts, projects, choiceUrls };
}

/**
 * Logs a donor's message and has it e-mailed to the project's porteur (their address only when they chose to give
 * it): 0 when sent, else the seconds to wait (nothing sent). The caller checks the donor gave to the project.
 */
export async function relayDonorMessage(
  deps: Pick<ApiDeps, 'db' | 'temporal' | 'config'>,
  message: { email: string; projectId: number; body: string; revealsAddress: boolean; ip: string },
): Promise<number> {
  const wait = await takeAttempt(deps.db, `donor-message:${message.email}`, DONOR_MESSAGE_LIMITS);
  if (wait > 0) return wait;
  const id = await recordDonorMessage(deps.db, message);
  const name = message.revealsAddress ? await donorNameOf(deps.db, message.email) : undefined;
  const signature = message.revealsAddress
    ? `Ce donateur vous communique ses coordonnées pour lui répondre : ${name ?? ''} <${message.email}>`
    : 'Ce donateur a choisi de ne pas communiquer son adresse : pour lui répondre, publiez des nouvelles du projet.';
  await notify(deps, {
    projectId: message.projectId,
    template: 'donor_message',
    audience: 'porteur',
    eventKey: `donor-message-${id}`,
    message: `« ${message.body} »\n\n${signature}`,
  });
  return 0;
}
