import { insertPendingDonation, type NewDonation } from '../../db/queries/donations.ts';
import { abandonDonation, findOpenFund, lockGiftProject, setCheckoutSession } from '../../db/queries/giving.ts';
import { stillNeededCents } from '../../domain/campaign.ts';
import { formatEuros } from '../../domain/money.ts';
import { devCheckoutEnabled } from '../config.ts';
import type { ApiDeps } from '../context.ts';
import { ApiError } from '../errors.ts';

/** How long a donor has to pay on Checkout before the pending donation expires (Stripe allows 30 min to 24 h). */
const CHECKOUT_LIFETIME_SECONDS = 60 * 60;

/** Where the donor pays: Stripe's hosted page, or the local stand-in (same site) when Stripe is stripe-mock. */
const checkoutUrlOf = (deps: Pick<ApiDeps, 'config'>, session: { id: string; url: string | null }) =>
  devCheckoutEnabled(deps.config) ? `/dev/checkout/${session.id}` : (session.url ?? '');

const publicBase = (deps: Pick<ApiDeps, 'config'>) => deps.config.PUBLIC_URL.replace(/\/+$/, '');

const refuse = (message: string, status: 400 | 404 | 409 = 400) => new ApiError(status, 'donation_refused', message);

/**
 * Records a validated gift as pending (to a collecting project, at most what its optimum still needs, or to a
 * fund open today) and opens its Stripe Checkout Session, whose idempotency key is the donation's id; returns
 * where the donor pays. Nothing counts until Stripe's webhook says it is paid.
 */
export async function startDonation(
  deps: Pick<ApiDeps, 'db' | 'stripe' | 'config'>,
  gift: NewDonation,
): Promise<{ donationId: number; checkoutUrl: string }> {
  const { donationId, label } = await deps.db.begin(async (tx) => {
    let label: string;
    if (gift.projectId !== null) {
      const project = await lockGiftProject(tx, gift.projectId);
      if (!project) throw refuse('Ce projet n’existe pas.', 404);
      if (project.status !== 'published')
        throw refuse(`La collecte du projet « ${project.title} » n’est pas ouverte.`, 409);
      const needed = stillNeededCents(project, project.optimumGoalCents);
      if (gift.amountCents > needed) {
        throw refuse(
          `Le projet n’a plus besoin que de ${formatEuros(needed)} pour atteindre son objectif optimal : donnez au plus ce montant.`,
        );
      }
      label = `Don au projet « ${project.title} »`;
    } else {
      const fund = await findOpenFund(tx, gift.fundId as number);
      if (!fund) throw refuse('Ce fonds n’existe pas ou ne reçoit pas de dons aujourd’hui.', 404);
      label = `Don au fonds « ${fund.name} »`;
    }
    return { donationId: await insertPendingDonation(tx, gift), label };
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
        expires_at: Math.floor(Date.now() / 1000) + CHECKOUT_LIFETIME_SECONDS,
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
