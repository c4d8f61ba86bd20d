import type Stripe from 'stripe';
import { describe, expect, it } from 'vitest';
import { applyStripeEvent } from '../../api/services/payment-events.ts';
import { createTestDatabase } from '../../test/db.ts';
import { insertFundPorteur, insertFundSchool, insertPublishedProject } from '../../test/funds.ts';
import { recordPaidDonation } from '../../test/money.ts';
import { sessionCompleted } from '../../test/stripe-events.ts';
import { createDb } from '../client.ts';
import { keptAggregateDrift } from './kept-aggregates.ts';
import { accounts, postMovement } from './ledger.ts';
import { platformTotals } from './public-catalogue.ts';

const { db, url } = await createTestDatabase();
const porteurId = await insertFundPorteur(db);
const schoolUai = await insertFundSchool(db, { priorityEducation: 'rep' });
const SESSIONS = 32;

/** The rows of Stripe clearing's flows and of the home page's donors, spread by session. */
const hotRows = async () => {
  const [rows] = await db<{ clearing: number; donors: number }[]>`
    select (select count(*)::int from ledger_account_flows f join ledger_accounts a on a.id = f.account_id
            where a.code = 'stripe:clearing') as clearing,
           (select count(*)::int from public_home_totals where donors > 0) as donors`;
  return rows!;
};

describe('payments at once', () => {
  it('each add to their own session’s row of the platform-wide figures, which stay exact', async () => {
    const projectId = await insertPublishedProject(db, { schoolUai, porteurId });
    await recordPaidDonation(db, { projectId, amountCents: 1_000 });
    const donorsBefore = (await platformTotals(db)).donors;
    const rowsBefore = await hotRows();
    const pool = createDb(url, { max: SESSIONS });
    let open = 0;
    try {
      // every transaction is open, on its own connection, before any of them pays
      await Promise.all(
        Array.from({ length: SESSIONS }, (_, n) =>
          pool.begin(async (tx) => {
            await tx`select 1`;
            open += 1;
            while (open < SESSIONS) await new Promise((resolve) => setTimeout(resolve, 5));
            const [gift] = await tx<{ id: number }[]>`
              insert into donations (project_id, amount_cents, donor_name, donor_email, status, paid_at)
              values (${projectId}, 500, 'Camille Martin', ${`donateur-${n}@example.org`}, 'paid', now()) returning id`;
            await postMovement(tx, {
              kind: 'donation_paid',
              idempotencyKey: `donation-paid-${gift!.id}`,
              description: `Don ${gift!.id}`,
              donationId: gift!.id,
              lines: [
                { account: accounts.stripeClearing(), amountCents: -500 },
                { account: accounts.project(projectId), amountCents: 500 },
              ],
            });
          }),
        ),
      );
    } finally {
      await pool.end();
    }
    const rows = await hotRows();
    // spread by backend pid over 16 and 8 rows before: payments of sessions sharing a row queued behind each other
    expect(rows).toEqual({ clearing: rowsBefore.clearing + SESSIONS, donors: rowsBefore.donors + SESSIONS });
    expect((await platformTotals(db)).donors).toBe(donorsBefore + SESSIONS);
    expect(await keptAggregateDrift(db)).toEqual({ accounts: [], months: [], projectCounts: [], granted: [] });
  });

  it('record a Checkout payment in 8 round trips with Postgres, its transaction included', async () => {
    const projectId = await insertPublishedProject(db, { schoolUai, porteurId });
    // the project's account opened by a first gift, as it is for every gift but a campaign's first
    await recordPaidDonation(db, { projectId, amountCents: 1_000 });
    const [gift] = await db<{ id: number }[]>`
      insert into donations (project_id, amount_cents, donor_name, donor_email, stripe_checkout_session_id)
      values (${projectId}, 2_500, 'Camille Martin', 'camille@example.org', 'cs_test_round_trips') returning id`;
    const event = sessionCompleted({ id: gift!.id, sessionId: 'cs_test_round_trips', amountCents: 2_500 });
    const statements: string[] = [];
    const counted = createDb(url, { max: 1, debug: (_connection, query) => statements.push(query) });
    try {
      const result = await counted.begin((tx) => applyStripeEvent(tx, event as unknown as Stripe.Event));
      expect(result).toEqual({ outcome: 'paid', donationId: gift!.id, projectId });
      // before: the project's lock, each account and the waiting refunds were one round trip each
      expect(statements.slice(statements.indexOf('begin '))).toHaveLength(8);
      const [paid] = await db<{ status: string; collected: number }[]>`
        select d.status, t.collected_cents as collected from donations d
        join project_public_totals t on t.project_id = d.project_id where d.id = ${gift!.id}`;
      expect(paid).toEqual({ status: 'paid', collected: 3_500 });
    } finally {
      await counted.end();
    }
  });
});
