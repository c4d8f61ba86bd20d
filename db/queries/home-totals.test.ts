import { describe, expect, it } from 'vitest';
import { createFundActivities } from '../../activities/funds.ts';
import { createPaymentActivities } from '../../activities/payments.ts';
import { SUCCESSFUL_CAMPAIGN } from '../../domain/project-status.ts';
import { createTestDatabase } from '../../test/db.ts';
import { insertFund, insertFundPorteur, insertFundSchool, insertPublishedProject } from '../../test/funds.ts';
import { insertReceivingStructure, recordPaidDonation } from '../../test/money.ts';
import { createStripeClient } from '../stripe.ts';
import { accounts, postMovement } from './ledger.ts';
import { platformTotals } from './public-catalogue.ts';

const { db } = await createTestDatabase();
const funds = createFundActivities({ db });
const payments = createPaymentActivities({ db, stripe: createStripeClient({ secretKey: 'sk_test_unused' }) });
const porteurId = await insertFundPorteur(db);

/** The home page's figures computed from the projects, the ledger's lines and the gifts themselves. */
const directTotals = async () => {
  const [row] = await db`
    select (select count(*) from projects where status = 'published')::int as collecting,
           (select count(*) from projects where status = any(${SUCCESSFUL_CAMPAIGN}))::int as funded,
           ((select coalesce(sum(l.amount_cents), 0) from ledger_lines l
            join ledger_transactions t on t.id = l.transaction_id
            join ledger_accounts a on a.id = l.account_id and a.kind = 'project'
            join projects p on p.id = a.project_id and p.status = any(${SUCCESSFUL_CAMPAIGN})
            where t.kind in ('donation_paid', 'donation_refunded', 'donation_disputed', 'grant_committed'))
           + (select coalesce(sum(g.amount_cents), 0) from grants g join projects p on p.id = g.project_id
              where g.status = 'reserved' and p.status = any(${SUCCESSFUL_CAMPAIGN})))::bigint as funded_cents,
           (select count(distinct lower(btrim(donor_email::text))) from donations
            where status in ('paid', 'redirected', 'refund_requested', 'refunded'))::int as donors`;
  return row;
};

const refund = (projectId: number, donationId: number, amountCents: number) =>
  db.begin(async (tx) => {
    await tx`update donations set status = 'refunded' where id = ${donationId}`;
    await postMovement(tx, {
      kind: 'donation_refunded',
      idempotencyKey: `donation-refunded-${donationId}`,
      description: 'Remboursement',
      donationId,
      lines: [
        { account: accounts.project(projectId), amountCents: -amountCents },
        { account: accounts.refunds(), amountCents },
      ],
    });
  });

describe('the home page’s totals', () => {
  it('equal the figures computed from the ledger and the gifts after gifts, refunds, grants and a payout', async () => {
    await insertFund(db, { endowmentCents: 100_000 });
    const schoolUai = await insertFundSchool(db, { priorityEducation: 'rep' });
    const funded = await insertPublishedProject(db, { schoolUai, porteurId, minimumGoalCents: 100_000 });
    const failing = await insertPublishedProject(db, { schoolUai, porteurId, minimumGoalCents: 150_000 });
    await insertPublishedProject(db, { schoolUai, porteurId });
    await funds.requestSeedingGrants({ projectId: funded });
    await recordPaidDonation(db, { projectId: funded, amountCents: 40_000, donorEmail: 'Alix@Example.org' });
    await recordPaidDonation(db, { projectId: funded, amountCents: 30_000, donorEmail: 'alix@example.org' });
    await recordPaidDonation(db, { projectId: funded, amountCents: 20_000, donorEmail: 'noa@example.org' });
    const refunded = await recordPaidDonation(db, {
      projectId: failing,
      amountCents: 5_000,
      donorEmail: 'lou@example.org',
    });
    await db`insert into donations (project_id, amount_cents, donor_name, donor_email, failure_choice, status)
             values (${failing}, 1000, 'Sam', 'sam@example.org', 'refund', 'pending')`;
    expect(await platformTotals(db)).toEqual({ collecting: 3, funded: 0, fundedCents: 0, donors: 3 });

    await db`update projects set status = 'succeeded' where id = ${funded}`;
    const seeded = await platformTotals(db);
    expect(seeded.fundedCents).toBeGreaterThan(90_000);
    expect(seeded).toEqual(await directTotals());

    await funds.commitGrants({ projectId: funded });
    await db`update projects set status = 'failed' where id = ${failing}`;
    await refund(failing, refunded, 5_000);
    await insertReceivingStructure(db, { projectId: funded });
    await payments.recordPayout({ projectId: funded });
    await db`update projects set status = 'paid_out' where id = ${funded}`;
    await db`delete from donations where status = 'pending'`;
    expect(await platformTotals(db)).toEqual({ ...seeded, collecting: 1 });
    expect(await platformTotals(db)).toEqual(await directTotals());
  });
});
