import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestApp } from '../test/app.ts';
import { keepHistory } from '../test/lifecycle.ts';
import { insertProject, insertSchool, insertUser } from '../test/fixtures.ts';
import { expectLedgerConsistent } from '../test/money.ts';
import { chargeRefunded, deliver, sessionCompleted, startGift } from '../test/stripe-events.ts';
import { reconciliationWorkflow } from './reconciliation.ts';

// The reconciliation as its schedule starts it: the workflow on the real Temporal server, its activity paging
// through stripe-mock's lists (which know none of our payments and answer every list with one fixture charge of
// 1 € and one fixture refund of that charge) and reading the ledger in Postgres.
const { app, db, browser, temporal, taskQueue } = await createTestApp({ worker: true });
const HOUR = 3_600_000;
const period = () => ({
  start: new Date(Date.now() - HOUR).toISOString(),
  end: new Date(Date.now() + HOUR).toISOString(),
});

const reconcile = (workflowId: string) =>
  temporal.workflow.execute(reconciliationWorkflow, { taskQueue, workflowId, args: [period()] });

const runs = () =>
  db<{ workflowId: string; comparedCount: number; differenceCount: number; ledgerRefundedCents: number }[]>`
    select workflow_id, compared_count, difference_count, ledger_refunded_cents from reconciliation_runs order by id`;

const flagged = () =>
  db<{ donationId: number | null; message: string; details: { kind: string; runId: number } }[]>`
    select donation_id, message, details from payment_anomalies where kind = 'reconciliation_difference'
    order by donation_id nulls last`;

describe('the scheduled reconciliation with Stripe', () => {
  it('reports every payment on one side only, stores the run once per execution and flags each difference once', async () => {
    const schoolUai = await insertSchool(db);
    const porteur = await insertUser(db, 'porteur');
    const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 10 });
    const paid = await startGift(browser(), db, { projectId, amountCents: 2_500 });
    const refunded = await startGift(browser(), db, { projectId, amountCents: 4_000 });
    await deliver(app, sessionCompleted(paid));
    await deliver(app, sessionCompleted(refunded));
    await deliver(app, chargeRefunded({ ...refunded, refundedCents: 1_500 }));

    const workflowId = `stripe-reconciliation-${randomBytes(4).toString('hex')}`;
    const first = await reconcile(workflowId);
    await keepHistory(temporal, 'reconciliation', workflowId);

    // our two payments, and the fixture charge that both of stripe-mock's lists bring up (compared once)
    expect(first).toMatchObject({ comparedCount: 3, differenceCount: 3, ledgerPaidCents: 6_500, stripePaidCents: 100 });
    expect((await flagged()).map((row) => [row.donationId, row.details.kind])).toEqual([
      [paid.id, 'missing_in_stripe'],
      [refunded.id, 'missing_in_stripe'],
      [null, 'missing_in_ledger'],
    ]);
    expect((await flagged())[0]?.message).toMatch(
      new RegExp(
        `^Rapprochement Stripe : Le don ${paid.id} \\(25,00\\s€\\) est compté, mais Stripe n’a pas ce paiement`,
      ),
    );
    expect(await runs()).toEqual([{ workflowId, comparedCount: 3, differenceCount: 3, ledgerRefundedCents: 1_500 }]);

    // the same execution again (as a retried activity would) replaces its run; another run flags nothing new
    await reconcile(workflowId);
    expect(await runs()).toHaveLength(1);
    const next = await reconcile(`stripe-reconciliation-${randomBytes(4).toString('hex')}`);
    expect(next.differenceCount).toBe(3);
    expect(await runs()).toHaveLength(2);
    expect(await flagged()).toHaveLength(3);
    expect((await flagged()).every((row) => row.details.runId === first.runId)).toBe(true);
    await expectLedgerConsistent(db);
  });

  it('compares only what either side touched in the period: an earlier payment is left alone', async () => {
    const before = await reconcile(`stripe-reconciliation-${randomBytes(4).toString('hex')}`);
    const lastWeek = {
      start: new Date(Date.now() - 8 * 24 * HOUR).toISOString(),
      end: new Date(Date.now() - 7 * 24 * HOUR).toISOString(),
    };
    const earlier = await temporal.workflow.execute(reconciliationWorkflow, {
      taskQueue,
      workflowId: `stripe-reconciliation-${randomBytes(4).toString('hex')}`,
      args: [lastWeek],
    });
    expect(before.ledgerPaidCents).toBe(6_500);
    expect(earlier).toMatchObject({ comparedCount: 1, differenceCount: 1, ledgerPaidCents: 0 });
  });
});
