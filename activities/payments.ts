import { ApplicationFailure } from '@temporalio/activity';
import Stripe from 'stripe';
import type { Tx } from '../db/client.ts';
import { recordAudit } from '../db/queries/audit.ts';
import {
  findDonation,
  listPaidDonations,
  markPaidDonation,
  type DonationRow,
  type DonationStatus,
  type FailureChoice,
} from '../db/queries/donations.ts';
import { findGeneralSolidarityFundId } from '../db/queries/funds.ts';
import { findCampaignProgress, type CampaignProgress } from '../db/queries/grants.ts';
import { accounts, balanceOf, postMovement } from '../db/queries/ledger.ts';
import { findPayoutOfProject, insertPayout, lockPayoutRecipient, type PayoutRecipient } from '../db/queries/payouts.ts';
import type { ActivityDeps } from './index.ts';

/** A paid donation of a failed or cancelled project, waiting to be refunded or redirected. */
export interface DonationToResolve {
  donationId: number;
  failureChoice: FailureChoice;
  amountCents: number;
}

type ProjectRef = { projectId: number };
type DonationRef = { donationId: number };

const REFUNDABLE: DonationStatus[] = ['paid', 'refund_requested'];

/** Stripe refusals that no retry will change (a 409 is a concurrent request with the same key: retry). */
const PERMANENT_STRIPE_ERRORS = new Set([
  'StripeInvalidRequestError',
  'StripeCardError',
  'StripePermissionError',
  'StripeIdempotencyError',
]);

const fail = (message: string, type: string) => ApplicationFailure.nonRetryable(message, type);
const notRefundable = (donationId: number, why: string) =>
  fail(`Le don ${donationId} ne peut pas être remboursé : ${why}.`, 'DonationNotRefundable');

/** Activities that move a project's money: progress figures, payout, refunds and redirects to a fund. */
export function createPaymentActivities({ db, stripe }: Pick<ActivityDeps, 'db' | 'stripe'>) {
  async function donationOrFail(tx: Tx, donationId: number, forUpdate = false): Promise<DonationRow> {
    const donation = await findDonation(tx, donationId, { forUpdate });
    if (!donation) throw fail(`Le don ${donationId} n’existe pas.`, 'DonationNotFound');
    return donation;
  }

  async function createRefund(donationId: number, paymentIntent: string): Promise<string> {
    try {
      const refund = await stripe.refunds.create(
        { payment_intent: paymentIntent },
        { idempotencyKey: `refund-donation-${donationId}` },
      );
      return refund.id;
    } catch (error) {
      // refunded earlier (Stripe dashboard, or our idempotency key expired): that refund is the answer
      if (error instanceof Stripe.errors.StripeError && error.code === 'charge_already_refunded') {
        const { data } = await stripe.refunds.list({ payment_intent: paymentIntent, limit: 1 });
        if (data[0]) return data[0].id;
      }
      throw classifyStripeError(error, `Stripe refuse le remboursement du don ${donationId}`, 'RefundRefused');
    }
  }

  return {
    /** The project's money collected (its ledger balance), its distinct paid donors and the grants reserved for it. */
    async getCampaignProgress({ projectId }: ProjectRef): Promise<CampaignProgress> {
      return findCampaignProgress(db, projectId);
    },

    /** Moves the project's whole balance to its structure's payable account and records the payout, once. */
    async recordPayout({ projectId }: ProjectRef): Promise<{ payoutId: number; amountCents: number }> {
      return db.begin(async (tx) => {
        const recipient = await lockPayoutRecipient(tx, projectId);
        const existing = await findPayoutOfProject(tx, projectId);
        if (existing) return { payoutId: existing.id, amountCents: existing.amountCents };
        const structureId = payableStructureOf(projectId, recipient);
        const amountCents = await balanceOf(tx, accounts.project(projectId).code);
        if (amountCents <= 0) throw fail(`Le projet ${projectId} n’a aucun montant à verser.`, 'NothingToPay');
        const { transactionId } = await postMovement(tx, {
          kind: 'payout',
          idempotencyKey: `payout-project-${projectId}`,
          description: `Versement du projet ${projectId} à sa structure réceptrice`,
          lines: [
            { account: accounts.project(projectId), amountCents: -amountCents },
            { account: accounts.structurePayable(structureId), amountCents },
          ],
        });
        const payout = await insertPayout(tx, {
          projectId,
          structureId,
          amountCents,
          ledgerTransactionId: transactionId,
        });
        return { payoutId: payout.id, amountCents };
      });
    },

    /** The project's paid donations, oldest first (after `afterId`, at most `limit`): a failure resolves them. */
    async listDonationsToResolve(
      input: ProjectRef & { afterId?: number; limit?: number },
    ): Promise<{ donations: DonationToResolve[] }> {
      return { donations: await listPaidDonations(db, input.projectId, input) };
    },

    /**
     * Asks Stripe for a full refund of the donation's payment, and only that: no ledger movement here, the
     * money leaves the project's account when Stripe's refund webhook confirms it.
     */
    async refundDonation({ donationId }: DonationRef): Promise<{ refundId: string }> {
      const donation = await donationOrFail(db, donationId);
      if (!donation.stripePaymentIntentId) throw notRefundable(donationId, 'aucun paiement Stripe n’y est associé');
      if (!REFUNDABLE.includes(donation.status)) {
        throw notRefundable(donationId, `son statut est « ${donation.status} »`);
      }
      return { refundId: await createRefund(donationId, donation.stripePaymentIntentId) };
    },

    /** Marks a paid donation refund_requested, keeping Stripe's refund id in the audit log; a repeat changes nothing. */
    async recordRefundRequested({ donationId, refundId }: DonationRef & { refundId: string }) {
      return db.begin(async (tx): Promise<{ status: DonationStatus }> => {
        const { status } = await donationOrFail(tx, donationId, true);
        if (status === 'refund_requested' || status === 'refunded') return { status };
        if (status !== 'paid') throw notRefundable(donationId, `son statut est « ${status} »`);
        await markPaidDonation(tx, donationId, 'refund_requested');
        await recordAudit(tx, {
          actorId: null,
          action: 'refund_requested',
          entityType: 'donation',
          entityId: String(donationId),
          details: { refundId },
        });
        return { status: 'refund_requested' };
      });
    },

    /** Moves a paid donation's amount from its project to the general solidarity fund and marks it redirected, once. */
    async redirectDonation({ donationId }: DonationRef): Promise<{ fundId: number; amountCents: number }> {
      return db.begin(async (tx) => {
        const donation = await donationOrFail(tx, donationId, true);
        const fundId = await findGeneralSolidarityFundId(tx);
        if (fundId === undefined) {
          throw fail(
            `Aucun fonds de solidarité général : le don ${donationId} ne peut pas être réorienté.`,
            'NoSolidarityFund',
          );
        }
        const { amountCents, projectId } = donation;
        if (donation.status === 'redirected') return { fundId, amountCents };
        if (donation.status !== 'paid' || projectId === null) {
          const why = projectId === null ? 'il a été fait à un fonds' : `son statut est « ${donation.status} »`;
          throw fail(`Le don ${donationId} ne peut pas être réorienté : ${why}.`, 'DonationNotRedirectable');
        }
        await postMovement(tx, {
          kind: 'donation_redirected',
          idempotencyKey: `redirect-donation-${donationId}`,
          description: `Don ${donationId} réorienté du projet ${projectId} vers le fonds de solidarité`,
          donationId,
          lines: [
            { account: accounts.project(projectId), amountCents: -amountCents },
            { account: accounts.fundAvailable(fundId), amountCents },
          ],
        });
        await markPaidDonation(tx, donationId, 'redirected');
        return { fundId, amountCents };
      });
    },
  };
}

/** The structure a project's payout goes to, or the permanent reason there is none. */
function payableStructureOf(projectId: number, recipient: PayoutRecipient | undefined): number {
  const impossible = (why: string) =>
    fail(`${why} : le versement du projet ${projectId} est impossible.`, 'PayoutNotPossible');
  if (!recipient) throw impossible(`Le projet ${projectId} n’existe pas`);
  if (recipient.structureId === null) throw impossible('Le projet n’a pas de structure réceptrice');
  if (!recipient.bankDetailsValidated) {
    throw impossible(
      `Les coordonnées bancaires de la structure réceptrice « ${recipient.structureName} » ne sont pas validées`,
    );
  }
  return recipient.structureId;
}

/** A Stripe refusal becomes a non-retryable failure; anything else (network, 5xx, rate limit) is rethrown. */
function classifyStripeError(error: unknown, message: string, type: string): unknown {
  if (
    error instanceof Stripe.errors.StripeError &&
    PERMANENT_STRIPE_ERRORS.has(error.type) &&
    error.statusCode !== 409
  ) {
    return ApplicationFailure.create({
      message: `${message} : ${error.message}`,
      type,
      nonRetryable: true,
      cause: error,
    });
  }
  return error;
}
