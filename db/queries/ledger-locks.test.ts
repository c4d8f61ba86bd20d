import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.ts';
import { insertFund, insertFundPorteur, insertFundSchool, insertPublishedProject } from '../../test/funds.ts';
import { accounts, postMovement, type Movement } from './ledger.ts';

// A grant locks its project's row, then posts to the ledger; a gift's payment posts to the same project's account,
// whose kept figures update that row. Both orders must meet on the project row first, never deadlock.
const { db } = await createTestDatabase();
const porteurId = await insertFundPorteur(db);
const fundId = await insertFund(db, { endowmentCents: 100_000 });
const schoolUai = await insertFundSchool(db, { priorityEducation: 'rep' });

const movement = (key: string, projectId: number, from: Movement['lines'][number]['account'], cents: number) => ({
  kind: key.split('-')[0]!,
  idempotencyKey: key,
  description: key,
  lines: [
    { account: from, amountCents: -cents },
    { account: accounts.project(projectId), amountCents: cents },
  ],
});

/** Waits until some session waits for a lock (the concurrent movement reached its wait). */
async function someoneWaitsForALock() {
  await expect
    .poll(async () => (await db`select 1 from pg_stat_activity where wait_event_type = 'Lock'`).length, {
      timeout: 10_000,
    })
    .toBeGreaterThan(0);
}

describe('a movement to a project’s account', () => {
  it('waits for the project row a grant holds before touching any kept figure, so both commit', async () => {
    const projectId = await insertPublishedProject(db, { schoolUai, porteurId, minimumGoalCents: 100_000 });
    let payment: Promise<unknown> | undefined;
    await db.begin(async (grant) => {
      await grant`select 1 from projects where id = ${projectId} for no key update`;
      payment = db.begin((tx) =>
        postMovement(tx, movement(`payment-${projectId}`, projectId, accounts.stripeClearing(), 2_500)),
      );
      await someoneWaitsForALock();
      await postMovement(grant, movement(`grant-${projectId}`, projectId, accounts.fundReserved(fundId), 10_000));
    });
    await payment;
    const [row] = await db<{ cents: number }[]>`
      select sum(l.amount_cents)::bigint as cents from ledger_lines l join ledger_accounts a on a.id = l.account_id
      where a.code = ${`project:${projectId}`}`;
    expect(Number(row!.cents)).toBe(12_500);
  });
});
