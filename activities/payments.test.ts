import Stripe from 'stripe';
import { afterEach, beforeEach, describe, expect, inject, it } from 'vitest';
import { balanceOf } from '../db/queries/ledger.ts';
import { createTestDatabase } from '../test/db.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import {
  expectLedgerConsistent,
  insertReceivingStructure,
  insertSolidarityFund,
  recordPaidDonation,
} from '../test/money.ts';
import { createPaymentActivities } from './payments.ts';
import { createStripeClient } from '../db/stripe.ts';

const { db } = await createTestDatabase();
const stripe = createStripeClient({ secretKey: 'sk_test_x', apiUrl: inject('stripeApiUrl') });
const activities = createPaymentActivities({ db, stripe });

let projectId: number;

beforeEach(async () => {
  const schoolUai = await insertSchool(db);
  const porteur = await insertUser(db, 'porteur', { schoolUai });
  projectId = await insertProject(db, { schoolUai, porteurId: porteur.id });
});

afterEach(() => expectLedgerConsistent(db));

const failure = (type: string, message?: RegExp) =>
  expect.objectContaining({
    type,
    nonRetryable: true,
    ...(message ? { message: expect.stringMatching(message) } : {}),
  });

const donationStatus = async (donationId: number) =>
  (await db<{ status: string }[]>`select status from donations where id = ${donationId}`)[0]?.status;

/** Activities whose Stripe client answers refund calls as given. */
const withStripeRefunds = (refunds: { create: () => Promise<unknown>; list?: () => Promise<unknown> }) =>
  createPaymentActivities({ db, stripe: { refunds } as unknown as Stripe });

describe('campaign progress', () => {
  it('counts the money collected, each donor once, and the grants still reserved', async () => {
    await recordPaidDonation(db, { projectId, amountCents: 5000, donorEmail: 'lea@example.org' });
    await recordPaidDonation(db, { projectId, amountCents: 2500, donorEmail: 'LEA@example.org' });
    await recordPaidDonation(db, { projectId, amountCents: 1000, donorEmail: 'hugo@example.org' });
    const fundId = await insertSolidarityFund(db);
    await db`insert into grants (fund_id, project_id, kind, amount_cents, status, explanation) values
      (${fundId}, ${projectId}, 'seeding', 20000, 'reserved', '{}'),
      (${fundId}, ${projectId}, 'topup', 7000, 'released', '{}')`;

    expect(await activities.getCampaignProgress({ projectId })).toEqual({
      collectedCents: 8500,
      donorCount: 2,
      reservedGrantCents: 20000,
    });
  });

  it('is all zeros before the first gift', async () => {
    expect(await activities.getCampaignProgress({ projectId })).toEqual({
      collectedCents: 0,
      donorCount: 0,
      reservedGrantCents: 0,
    });
  });
});

describe('payout', () => {
  it('moves the whole balance to the receiving structure once; a second call returns the same payout', async () => {
    const structureId = await insertReceivingStructure(db, { projectId });
    await recordPaidDonation(db, { projectId, amountCents: 120000 });
    await recordPaidDonation(db, { projectId, amountCents: 60000 });

    const first = await activities.recordPayout({ projectId });
    const second = await activities.recordPayout({ projectId });

    expect(first).toEqual({ payoutId: expect.any(Number), amountCents: 180000 });
    expect(second).toEqual(first);
    expect(await balanceOf(db, `project:${projectId}`)).toBe(0);
    expect(await balanceOf(db, `structure:${structureId}:payable`)).toBe(180000);
    const payouts =
      await db`select status, amount_cents, ledger_transaction_id from payouts where project_id = ${projectId}`;
    expect(payouts).toEqual([{ status: 'recorded', amountCents: 180000, ledgerTransactionId: expect.any(Number) }]);
  });

  it('is refused, in French, while the structure’s bank details are not validated', async () => {
    await insertReceivingStructure(db, { projectId, bankDetailsValidated: false });
    await recordPaidDonation(db, { projectId, amountCents: 30000 });

    await expect(activities.recordPayout({ projectId })).rejects.toEqual(
      failure('PayoutNotPossible', /^Les coordonnées bancaires de la structure réceptrice « .+ » ne sont pas validées/),
    );
    expect(await balanceOf(db, `project:${projectId}`)).toBe(30000);
  });

  it('is refused for a project without a receiving structure', async () => {
    await recordPaidDonation(db, { projectId, amountCents: 30000 });
    await expect(activities.recordPayout({ projectId })).rejects.toEqual(
      failure(
        'PayoutNotPossible',
        /^Le projet n’a pas de structure réceptrice : le versement du projet \d+ est impossible\.$/,
      ),
    );
  });

  it('is refused when there is nothing to pay', async () => {
    await insertReceivingStructure(db, { projectId });
    await expect(activities.recordPayout({ projectId })).rejects.toEqual(failure('NothingToPay'));
  });
});

describe('donations of a failed project', () => {
  it('are listed oldest first, paid ones only, with the donor’s choice', async () => {
    const first = await recordPaidDonation(db, { projectId, amountCents: 1500, failureChoice: 'redirect' });
    const second = await recordPaidDonation(db, { projectId, amountCents: 900 });
    const refunded = await recordPaidDonation(db, { projectId, amountCents: 700 });
    await db`update donations set status = 'refund_requested' where id = ${refunded}`;

    expect(await activities.listDonationsToResolve({ projectId })).toEqual({
      donations: [
        { donationId: first, failureChoice: 'redirect', amountCents: 1500 },
        { donationId: second, failureChoice: 'refund', amountCents: 900 },
      ],
    });
  });

  it('are listed page by page after a donation id', async () => {
    const ids = [];
    for (const amountCents of [500, 600, 700]) ids.push(await recordPaidDonation(db, { projectId, amountCents }));

    const firstPage = await activities.listDonationsToResolve({ projectId, limit: 2 });
    const secondPage = await activities.listDonationsToResolve({ projectId, afterId: ids[1], limit: 2 });

    expect(firstPage.donations.map((donation) => donation.donationId)).toEqual(ids.slice(0, 2));
    expect(secondPage.donations.map((donation) => donation.amountCents)).toEqual([700]);
  });
});

describe('refund', () => {
  it('is requested from Stripe and recorded once; the money stays until Stripe confirms it', async () => {
    const donationId = await recordPaidDonation(db, { projectId, amountCents: 4200 });

    const { refundId } = await activities.refundDonation({ donationId });
    expect(refundId).toMatch(/^re_/);
    expect(await activities.recordRefundRequested({ donationId, refundId })).toEqual({ status: 'refund_requested' });
    expect(await activities.recordRefundRequested({ donationId, refundId })).toEqual({ status: 'refund_requested' });

    expect(await donationStatus(donationId)).toBe('refund_requested');
    expect(await balanceOf(db, `project:${projectId}`)).toBe(4200);
    const audit =
      await db`select details from audit_log where entity_type = 'donation' and entity_id = ${String(donationId)}`;
    expect(audit).toEqual([{ details: { refundId } }]);
    expect(await activities.refundDonation({ donationId })).toEqual({ refundId: expect.stringMatching(/^re_/) });
  });

  it('is refused for a donation without a Stripe payment', async () => {
    const donationId = await recordPaidDonation(db, { projectId, amountCents: 4200 });
    await db`update donations set stripe_payment_intent_id = null where id = ${donationId}`;

    await expect(activities.refundDonation({ donationId })).rejects.toEqual(
      failure('DonationNotRefundable', /aucun paiement Stripe/),
    );
  });

  it('is refused for a donation already redirected to the solidarity fund', async () => {
    await insertSolidarityFund(db);
    const donationId = await recordPaidDonation(db, { projectId, amountCents: 4200, failureChoice: 'redirect' });
    await activities.redirectDonation({ donationId });

    await expect(activities.refundDonation({ donationId })).rejects.toEqual(
      failure('DonationNotRefundable', /son statut est « redirected »/),
    );
    await expect(activities.recordRefundRequested({ donationId, refundId: 're_x' })).rejects.toEqual(
      failure('DonationNotRefundable'),
    );
  });

  it('fails for good when Stripe refuses the request, and is retried when Stripe is out of reach', async () => {
    const donationId = await recordPaidDonation(db, { projectId, amountCents: 4200 });
    const refused = new Stripe.errors.StripeInvalidRequestError({ message: 'No such payment_intent', statusCode: 400 });
    const outage = new Stripe.errors.StripeAPIError({ message: 'Internal error', statusCode: 500 });

    await expect(
      withStripeRefunds({ create: () => Promise.reject(refused) }).refundDonation({ donationId }),
    ).rejects.toEqual(failure('RefundRefused', /No such payment_intent/));
    await expect(
      withStripeRefunds({ create: () => Promise.reject(outage) }).refundDonation({ donationId }),
    ).rejects.toBe(outage);
  });

  it('answers with the earlier refund when Stripe says the payment is already refunded', async () => {
    const donationId = await recordPaidDonation(db, { projectId, amountCents: 4200 });
    const alreadyRefunded = new Stripe.errors.StripeInvalidRequestError({
      message: 'Charge ch_1 has already been refunded.',
      code: 'charge_already_refunded',
      statusCode: 400,
    });
    const activities = withStripeRefunds({
      create: () => Promise.reject(alreadyRefunded),
      list: () => Promise.resolve({ data: [{ id: 're_from_dashboard' }] }),
    });

    expect(await activities.refundDonation({ donationId })).toEqual({ refundId: 're_from_dashboard' });
  });
});

describe('redirect to the solidarity fund', () => {
  it('is refused while there is no general solidarity fund', async () => {
    await db`update funds set is_general_solidarity = false`;
    const donationId = await recordPaidDonation(db, { projectId, amountCents: 3000, failureChoice: 'redirect' });

    await expect(activities.redirectDonation({ donationId })).rejects.toEqual(failure('NoSolidarityFund'));
    expect(await donationStatus(donationId)).toBe('paid');
  });

  it('moves the donation’s amount to the fund once and marks it redirected', async () => {
    const fundId = await insertSolidarityFund(db);
    const donationId = await recordPaidDonation(db, { projectId, amountCents: 3000, failureChoice: 'redirect' });
    await recordPaidDonation(db, { projectId, amountCents: 1000 });

    expect(await activities.redirectDonation({ donationId })).toEqual({ fundId, amountCents: 3000 });
    expect(await activities.redirectDonation({ donationId })).toEqual({ fundId, amountCents: 3000 });

    expect(await donationStatus(donationId)).toBe('redirected');
    expect(await balanceOf(db, `project:${projectId}`)).toBe(1000);
    expect(await balanceOf(db, `fund:${fundId}:available`)).toBe(3000);
  });
});
