import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { accounts, balanceOf, postMovement } from '../../db/queries/ledger.ts';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { expectLedgerConsistent, insertSolidarityFund } from '../../test/money.ts';
import {
  chargeRefunded,
  deliver,
  disputeCreated,
  paymentFailed,
  sessionCompleted,
  sessionExpired,
  startGift,
  stripeEvent,
} from '../../test/stripe-events.ts';

const { app, db, browser } = await createTestApp();
const donor = browser();

afterEach(async () => {
  await expectLedgerConsistent(db);
});

async function collectingProject(goals: { minimumGoalCents?: number; optimumGoalCents?: number } = {}) {
  const schoolUai = await insertSchool(db);
  const porteur = await insertUser(db, 'porteur');
  return insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 20, ...goals });
}

const GIFT = { donorName: 'Camille Martin', donorEmail: 'camille.martin@example.org', failureChoice: 'refund' };

const giveTo = (projectId: number, amountCents = 2500) => startGift(donor, db, { projectId, amountCents });

const statusOf = async (donationId: number) =>
  (await db<{ status: string }[]>`select status from donations where id = ${donationId}`)[0]?.status;

const anomaliesOf = async (donationId: number) =>
  (await db<{ kind: string }[]>`select kind from payment_anomalies where donation_id = ${donationId} order by id`).map(
    (row) => row.kind,
  );

describe('giving through Stripe Checkout', () => {
  it('records a pending gift and answers with the page where the donor pays; nothing counts yet', async () => {
    const projectId = await collectingProject();
    const response = await donor.request('POST', '/api/donations', { ...GIFT, projectId, amountCents: 2500 });
    expect(response.status).toBe(201);
    const body = (await response.json()) as { donationId: number; checkoutUrl: string };
    const [row] = await db<{ status: string; stripeCheckoutSessionId: string }[]>`
      select status, stripe_checkout_session_id from donations where id = ${body.donationId}`;
    expect(row).toEqual({ status: 'pending', stripeCheckoutSessionId: expect.stringMatching(/^cs_test_/) });
    expect(body.checkoutUrl).toBe(`/dev/checkout/${row!.stripeCheckoutSessionId}`);
    expect(await balanceOf(db, `project:${projectId}`)).toBe(0);
  });

  it('refuses bad gifts with what is wrong, in French, and stores nothing', async () => {
    const projectId = await collectingProject({ minimumGoalCents: 100_000, optimumGoalCents: 120_000 });
    const [before] = await db<{ count: number }[]>`select count(*)::int from donations`;
    const cases: [object, number, RegExp][] = [
      [{ ...GIFT, projectId, amountCents: 499 }, 400, /Le don minimum est de 5 €/],
      [
        { ...GIFT, projectId, amountCents: 2500, donorEmail: 'pas-une-adresse' },
        400,
        /adresse e-mail n’est pas valide/,
      ],
      [{ ...GIFT, amountCents: 2500 }, 400, /Donnez à un projet ou à un fonds/],
      [
        { ...GIFT, projectId, amountCents: 2500, donorKind: 'company' },
        400,
        /raison sociale est obligatoire[\s\S]*SIREN est obligatoire/,
      ],
      [
        { ...GIFT, projectId, amountCents: 2500, donorKind: 'company', companyName: 'ACME', siren: '123456789' },
        400,
        /SIREN n’est pas valide/,
      ],
      [
        { ...GIFT, projectId, amountCents: 2500, wantsTaxReceipt: true },
        400,
        /adresse est obligatoire pour un reçu fiscal/,
      ],
      [{ ...GIFT, projectId, amountCents: 120_001 }, 400, /plus besoin que de 1\s200,00\s€/],
      [{ ...GIFT, projectId: projectId + 999_999, amountCents: 2500 }, 404, /Ce projet n’existe pas/],
    ];
    for (const [gift, status, message] of cases) {
      const response = await donor.request('POST', '/api/donations', gift);
      expect(response.status).toBe(status);
      expect(((await response.json()) as { message: string }).message).toMatch(message);
    }
    const [after] = await db<{ count: number }[]>`select count(*)::int from donations`;
    expect(after?.count).toBe(before?.count);
  });

  it('refuses a gift to a project whose campaign is not open', async () => {
    const schoolUai = await insertSchool(db);
    const porteur = await insertUser(db, 'porteur');
    const draft = await insertProject(db, { schoolUai, porteurId: porteur.id });
    const response = await donor.request('POST', '/api/donations', { ...GIFT, projectId: draft, amountCents: 2500 });
    expect(response.status).toBe(409);
    expect(((await response.json()) as { message: string }).message).toMatch(/n’est pas ouverte/);
  });
});

describe('the Stripe webhook', () => {
  it('counts a paid gift once: the donation is paid and the project’s account holds its amount', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 4200);
    const response = await deliver(app, sessionCompleted(gift));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ duplicate: false, outcome: 'paid' });
    expect(await statusOf(gift.id)).toBe('paid');
    expect(await balanceOf(db, `project:${projectId}`)).toBe(4200);
  });

  it('takes a repeated event, and the same payment under another event id, as one', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 3000);
    const event = sessionCompleted(gift);
    await deliver(app, event);
    const again = await deliver(app, event);
    expect(await again.json()).toMatchObject({ duplicate: true, outcome: 'paid' });
    const resent = await deliver(app, sessionCompleted(gift));
    expect(await resent.json()).toMatchObject({ duplicate: false, outcome: 'already_paid' });
    expect(await balanceOf(db, `project:${projectId}`)).toBe(3000);
  });

  it('counts once when the same event is delivered many times at the same moment', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 1500);
    const event = sessionCompleted(gift);
    const responses = await Promise.all(Array.from({ length: 12 }, () => deliver(app, event)));
    expect(responses.map((response) => response.status)).toEqual(Array(12).fill(200));
    const bodies = (await Promise.all(responses.map((response) => response.json()))) as { duplicate: boolean }[];
    expect(bodies.filter((body) => !body.duplicate)).toHaveLength(1);
    expect(await balanceOf(db, `project:${projectId}`)).toBe(1500);
  });

  it('refuses a forged, tampered or stale signature with a 400 and records nothing', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 2000);
    const event = sessionCompleted(gift);
    const forged = await deliver(app, event, { secret: 'whsec_not_ours' });
    const stale = await deliver(app, event, { timestamp: Math.floor(Date.now() / 1000) - 600 });
    const { signed } = await import('../../test/stripe-events.ts');
    const { header, payload } = signed(event);
    const tampered = await app.request('http://localhost/api/stripe/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'stripe-signature': header },
      body: payload.replace('"amount_total":2000', '"amount_total":200000'),
    });
    const unsigned = await app.request('http://localhost/api/stripe/webhook', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: payload,
    });
    for (const response of [forged, stale, tampered, unsigned]) {
      expect(response.status).toBe(400);
      expect(((await response.json()) as { message: string }).message).toMatch(/Signature Stripe/);
    }
    const [stored] = await db<{ count: number }[]>`select count(*)::int from stripe_events where id = ${event.id}`;
    expect(stored?.count).toBe(0);
    expect(await statusOf(gift.id)).toBe('pending');
  });

  it('flags a payment whose amount does not match the donation and does not count it', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 2500);
    const response = await deliver(app, sessionCompleted({ ...gift, amountCents: 250 }));
    expect(await response.json()).toMatchObject({ outcome: 'flagged_amount_mismatch' });
    expect(await statusOf(gift.id)).toBe('pending');
    expect(await anomaliesOf(gift.id)).toEqual(['amount_mismatch']);
    expect(await balanceOf(db, `project:${projectId}`)).toBe(0);
  });

  it('expires an unpaid session; a payment that still comes later counts and is flagged', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 2200);
    await deliver(app, sessionExpired(gift));
    expect(await statusOf(gift.id)).toBe('expired');
    await deliver(app, sessionCompleted(gift));
    expect(await statusOf(gift.id)).toBe('paid');
    expect(await anomaliesOf(gift.id)).toEqual(['paid_after_expiry']);
    await deliver(app, sessionExpired(gift));
    expect(await statusOf(gift.id)).toBe('paid');
  });

  it('lets a donor whose card was refused pay with another card in the same session', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 1800);
    await deliver(app, paymentFailed(gift));
    expect(await statusOf(gift.id)).toBe('payment_failed');
    await deliver(app, sessionCompleted(gift));
    expect(await statusOf(gift.id)).toBe('paid');
  });

  it('applies a refund that arrives before the payment once the payment arrives, without counting twice', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 2700);
    const refund = await deliver(app, chargeRefunded(gift));
    expect(await refund.json()).toMatchObject({ outcome: 'waiting_for_payment' });
    expect(await statusOf(gift.id)).toBe('pending');
    await deliver(app, sessionCompleted(gift));
    expect(await statusOf(gift.id)).toBe('refunded');
    expect(await balanceOf(db, `project:${projectId}`)).toBe(0);
    expect(await balanceOf(db, 'refunds')).toBeGreaterThanOrEqual(2700);
    expect(await anomaliesOf(gift.id)).toEqual(['refund_before_payment']);
    await deliver(app, chargeRefunded(gift));
    expect(await balanceOf(db, `project:${projectId}`)).toBe(0);
  });

  it('closes the « refund before payment » anomaly by itself once the payment arrives and the refund is replayed', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 3100);
    const early = chargeRefunded(gift);
    await deliver(app, early);
    const openOf = async () =>
      db<{ resolvedAt: Date | null; details: object }[]>`
        select resolved_at, details from payment_anomalies
        where donation_id = ${gift.id} and kind = 'refund_before_payment'`;
    expect(await openOf()).toEqual([{ resolvedAt: null, details: {} }]);
    await deliver(app, sessionCompleted(gift));
    expect(await openOf()).toEqual([
      {
        resolvedAt: expect.any(Date),
        details: { resolvedBy: 'replay_after_payment', replayOutcome: 'refunded' },
      },
    ]);
    const [event] = await db`select outcome from stripe_events where id = ${early.id}`;
    expect(event).toEqual({ outcome: 'refunded_after_payment' });

    // those left open before this closed them are closed by migration 00010
    await db`update payment_anomalies set resolved_at = null, details = '{}' where donation_id = ${gift.id}`;
    await db.file(fileURLToPath(new URL('../../db/migrations/00010_replayed_anomalies/index.sql', import.meta.url)));
    expect(await openOf()).toEqual([
      {
        resolvedAt: expect.any(Date),
        details: { resolvedBy: 'replay_after_payment', replayOutcome: 'refunded' },
      },
    ]);
    expect(await balanceOf(db, `project:${projectId}`)).toBe(0);
  });

  it('takes money out of a failed project only when Stripe confirms the refund it was asked for', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 6400);
    await deliver(app, sessionCompleted(gift));
    // what the resolution of a failed campaign does: asks Stripe, then marks the gift refund_requested
    await db`update donations set status = 'refund_requested' where id = ${gift.id}`;
    expect(await balanceOf(db, `project:${projectId}`)).toBe(6400);
    await deliver(app, chargeRefunded(gift));
    expect(await statusOf(gift.id)).toBe('refunded');
    expect(await balanceOf(db, `project:${projectId}`)).toBe(0);
    expect(await anomaliesOf(gift.id)).toEqual([]);
  });

  it('records a partial refund, then the rest, each cent once', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 5000);
    await deliver(app, sessionCompleted(gift));
    await deliver(app, chargeRefunded({ ...gift, refundedCents: 2000 }));
    expect(await statusOf(gift.id)).toBe('paid');
    expect(await balanceOf(db, `project:${projectId}`)).toBe(3000);
    await deliver(app, chargeRefunded(gift));
    expect(await statusOf(gift.id)).toBe('refunded');
    expect(await balanceOf(db, `project:${projectId}`)).toBe(0);
    expect(await anomaliesOf(gift.id)).toEqual(['partial_refund']);
  });

  it('moves a disputed payment out of the project and flags it for a person', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 3300);
    await deliver(app, sessionCompleted(gift));
    await deliver(app, disputeCreated(gift));
    await deliver(app, disputeCreated(gift));
    expect(await statusOf(gift.id)).toBe('disputed');
    expect(await balanceOf(db, `project:${projectId}`)).toBe(0);
    expect(await anomaliesOf(gift.id)).toEqual(['dispute']);
  });

  it('flags a dispute of a refunded payment without moving its money again', async () => {
    const projectId = await collectingProject();
    const gift = await giveTo(projectId, 2600);
    await deliver(app, sessionCompleted(gift));
    await deliver(app, chargeRefunded(gift));
    const dispute = await deliver(app, disputeCreated(gift));
    expect(await dispute.json()).toMatchObject({ outcome: 'flagged_dispute_after_refund' });
    expect(await statusOf(gift.id)).toBe('refunded');
    expect(await anomaliesOf(gift.id)).toEqual(['dispute_after_refund']);
  });

  it('flags a refund of a payment it does not know', async () => {
    const event = stripeEvent('charge.refunded', {
      id: 'ch_unknown',
      object: 'charge',
      amount: 1000,
      amount_refunded: 1000,
      payment_intent: 'pi_unknown_to_us',
      metadata: {},
    });
    const response = await deliver(app, event);
    expect(await response.json()).toMatchObject({ outcome: 'flagged_unknown_payment' });
    const [anomaly] = await db<
      { kind: string }[]
    >`select kind from payment_anomalies where stripe_event_id = ${event.id}`;
    expect(anomaly?.kind).toBe('unknown_payment');
  });

  it('acknowledges the events it does not handle', async () => {
    const response = await deliver(app, stripeEvent('customer.created', { id: 'cus_1', object: 'customer' }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ outcome: 'ignored' });
  });

  it('adds a gift to a fund to the money that fund can grant', async () => {
    const fundId = await insertSolidarityFund(db);
    const before = await balanceOf(db, `fund:${fundId}:available`);
    await deliver(app, sessionCompleted(await startGift(donor, db, { fundId, amountCents: 10_000 })));
    expect(await balanceOf(db, `fund:${fundId}:available`)).toBe(before + 10_000);
  });

  it('flags a fund left short when a gift it had already granted is refunded', async () => {
    const fundId = await insertSolidarityFund(db);
    const gift = await startGift(donor, db, { fundId, amountCents: 8_000 });
    const donationId = gift.id;
    await deliver(app, sessionCompleted(gift));
    // the fund reserves all it holds for a project, as a seeding grant would
    const available = await balanceOf(db, `fund:${fundId}:available`);
    await db.begin((tx) =>
      postMovement(tx, {
        kind: 'grant_reserved',
        idempotencyKey: `test-reserve-${fundId}`,
        description: 'Réservation de test',
        lines: [
          { account: accounts.fundAvailable(fundId), amountCents: -available },
          { account: accounts.fundReserved(fundId), amountCents: available },
        ],
      }),
    );
    await deliver(app, chargeRefunded(gift));
    expect(await statusOf(donationId)).toBe('refunded');
    expect(await balanceOf(db, `fund:${fundId}:available`)).toBe(-8_000);
    expect(await anomaliesOf(donationId)).toEqual(['fund_overdrawn']);
  });
});
