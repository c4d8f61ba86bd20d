import { insertPendingDonation, type NewDonation } from '../../db/queries/donations.ts';
import {
  abandonDonation,
  findOpenFund,
  lockGiftProject,
  setCheckoutSession,
  type GiftTarget,
} from '../../db/queries/giving.ts';
import { stillNeededCents, takesGifts } from '../../domain/campaign.ts';
import { CHECKOUT_LIFETIME_MS, checkoutExpiresAt } from '../../domain/checkout.ts';
import { formatEuros } from '../../domain/money.ts';
import { devCheckoutEnabled } from '../config.ts';
import type { ApiDeps } from '../context.ts';
import { ApiError } from '../errors.ts';

/** Where the donor pays: Stripe's hosted page, or the local stand-in (same site) when Stripe is stripe-mock. */
const checkoutUrlOf = (deps: Pick<ApiDeps, 'config'>, session: { id: string; url: string | null }) =>
  devCheckoutEnabled(deps.config) ? `/dev/checkout/${session.id}` : (session.url ?? '');

const publicBase = (deps: Pick<ApiDeps, 'config'>) => deps.config.PUBLIC_URL.replace(/\/+$/, '');

const refuse = (message: string, status: 400 | 404 | 409 = 400) => new ApiError(status, 'donation_refused', message);

/**
 * Refuses a gift larger than what the optimum still needs once the gifts being paid are counted, saying how much
 * may still be given (a 409 when nothing may: the optimum is reached, or will be if those gifts are paid).
 */
function assertRoomFor(amountCents: number, project: GiftTarget): void {
  const needed = stillNeededCents(project, project.optimumGoalCents);
  const room = Math.max(0, needed - project.heldCents);
  if (amountCents <= room) return;
  const held = `${formatEuros(project.heldCents)} de dons sont en cours de paiement`;
  if (room > 0) {
    const why = project.heldCents > 0 ? ` (${held})` : '';
    throw refuse(
      `Le projet n’a plus besoin que de ${formatEuros(room)} pour atteindre son objectif optimal${why} : donnez au plus ce montant.`,
    );
  }
  if (needed === 0) throw refuse('Le projet a atteint son objectif optimal : il ne reçoit plus de dons.', 409);
  throw refuse(
    `L’objectif optimal du projet sera atteint si les dons en cours sont payés (${held}). Un don non payé libère sa part au plus tard ${CHECKOUT_LIFETIME_MS / 60_000} minutes après avoir été commencé : réessayez plus tard.`,
    409,
  );
}

/**
 * Records a validated gift as pending (to a collecting project, at most what its optimum still needs once the
 * gifts being paid are counted, or to a fund open today) and opens its Stripe Checkout Session, expiring with the
 * gift's hold, whose idempotency key is the donation's id; returns where the donor pays. Nothing counts until
 * Stripe's webhook says it is paid.
 */
export async function startDonation(
  deps: Pick<ApiDeps, 'db' | 'stripe' | 'config'>,
  gift: NewDonation,
): Promise<{ donationId: number; checkoutUrl: string }> {
  const { donationId, label, expiresAt } = await deps.db.begin(async (tx) => {
    let label: string;
    let deadline: Date | null = null;
    if (gift.projectId !== null) {
      const project = await lockGiftProject(tx, gift.projectId);
      if (!project) throw refuse('Ce projet n’existe pas.', 404);
      if (project.status !== 'published')
        throw refuse(`La collecte du projet « ${project.title} » n’est pas ouverte.`, 409);
      if (!takesGifts(project, new Date()))
        throw refuse(`La collecte du projet « ${project.title} » est terminée : elle ne reçoit plus de dons.`, 409);
      assertRoomFor(gift.amountCents, project);
      label = `Don au projet « ${project.title} »`;
      deadline = project.campaignEndsAt;
    } else {
      const fund = await findOpenFund(tx, gift.fundId as number);
      if (!fund) throw refuse('Ce fonds n’existe pas ou ne reçoit pas de dons aujourd’hui.', 404);
      label = `Don au fonds « ${fund.name} »`;
    }
    const expiresAt = checkoutExpiresAt(new Date(), deadline);
    return { donationId: await insertPendingDonation(tx, gift, expiresAt), label, expiresAt };
  });

  try {
    const base = publicBase(deps);
    const session = await deps.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        locale: 'fr',
        customer_email: gift.donorEmail,
        client_reference_id: String(donationId),
        metadata: { donation_id: String(donationId) },
        payment_intent_data: { metadata: { donation_id: String(donationId) }, description: label },
        line_items: [
          {
            quantity: 1,
            price_data: { currency: 'eur', unit_amount: gift.amountCents, product_data: { name: label } },
          },
        ],
        expires_at: Math.floor(expiresAt.getTime() / 1000),
        success_url: `${base}/dons/merci?session_id={CHECKOUT_SESSION_ID}`,
        cancel_url: `${base}/dons/annule?session_id={CHECKOUT_SESSION_ID}`,
      },
      { idempotencyKey: `checkout-donation-${donationId}` },
    );
    await setCheckoutSession(deps.db, donationId, session.id);
    return { donationId, checkoutUrl: checkoutUrlOf(deps, session) };
  } catch (error) {
    console.error(`Checkout Session of donation ${donationId} could not be created`, error);
    await abandonDonation(deps.db, donationId);
    throw new ApiError(
      502,
      'payment_unavailable',
      'Le paiement en ligne est momentanément indisponible : réessayez dans quelques minutes.',
    );
  }
}
