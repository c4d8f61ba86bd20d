import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { NativeConnection, Worker } from '@temporalio/worker';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import type { GrantExplanation } from '../domain/funds/plan.ts';
import { createTestApp } from '../test/app.ts';
import {
  fundBalances,
  insertFund,
  insertFundPorteur,
  insertFundSchool,
  insertPaidDonations,
  insertPublishedProject,
} from '../test/funds.ts';
import { keepHistory } from '../test/lifecycle.ts';
import { expectLedgerConsistent } from '../test/money.ts';
import { donationSignalRecorder, donationSignalsQuery } from '../test/workflows/signal-recorder.ts';
import { projectWorkflowId } from './project-lifecycle.messages.ts';
import { topUpSweepWorkflow } from './top-up-sweep.ts';

// The sweep as its schedule starts it: a workflow on the real Temporal server, its activity on Postgres.
const { db, temporal, taskQueue } = await createTestApp({ worker: true });
let porteurId: number;

beforeAll(async () => {
  porteurId = await insertFundPorteur(db);
});

let lastSweepId = '';
const sweep = () =>
  temporal.workflow.execute(topUpSweepWorkflow, {
    taskQueue,
    workflowId: (lastSweepId = `top-up-sweep-${randomBytes(4).toString('hex')}`),
    args: [{}],
  });

const topUps = (fundId: number) =>
  db<{ projectId: number; amountCents: number; explanation: GrantExplanation }[]>`
    select project_id, amount_cents, explanation from grants where fund_id = ${fundId} and kind = 'topup'
    order by id`;

/** A collecting project with paid gifts from distinct donors; 1 000 € minimum, 1 500 € optimum. */
async function collecting(options: { daysLeft: number; donors: number; giftCents: number; school?: object }) {
  const schoolUai = await insertFundSchool(db, options.school);
  const projectId = await insertPublishedProject(db, {
    schoolUai,
    porteurId,
    minimumGoalCents: 100_000,
    optimumGoalCents: 150_000,
    daysLeft: options.daysLeft,
  });
  await insertPaidDonations(db, projectId, { count: options.donors, amountCents: options.giftCents });
  return projectId;
}

describe('the scheduled top-up sweep', () => {
  it('tops up a project whose trigger holds, not those still early or short of donors; a second sweep grants nothing', async () => {
    const fundId = await insertFund(db);
    const due = await collecting({ daysLeft: 5, donors: 5, giftCents: 13_000 });
    const early = await collecting({ daysLeft: 20, donors: 5, giftCents: 13_000 });
    const fewDonors = await collecting({ daysLeft: 5, donors: 4, giftCents: 20_000 });

    const first = await sweep();
    const second = await sweep();

    expect(first).toEqual({ candidateCount: 1, grantCount: 1, grantedCents: 35_000, projectIds: [due] });
    expect(second).toEqual({ candidateCount: 0, grantCount: 0, grantedCents: 0, projectIds: [] });
    const [grant] = await topUps(fundId);
    expect(grant?.projectId).toBe(due);
    expect(grant?.explanation.conditions).toEqual(
      expect.arrayContaining([
        'au moins 60 % du minimum collecté (650,00 € sur 1 000,00 €)',
        'au moins 5 donateurs (5)',
        'au plus 7 jours restants (5)',
      ]),
    );
    expect(grant?.explanation.amount.steps.at(-1)).toBe('montant retenu, le plus petit : 350,00 €');
    expect((await topUps(fundId)).map((row) => row.projectId)).not.toContain(early);
    expect((await topUps(fundId)).map((row) => row.projectId)).not.toContain(fewDonors);
    expect(await fundBalances(db, fundId)).toEqual({ available: 965_000, reserved: 35_000 });
    await expectLedgerConsistent(db);
  });

  it('serves the REP+ project first when the fund is short, and the general fund only after the specific one', async () => {
    await db`update projects set status = 'closed' where status = 'published'`;
    await db`update funds set valid_from = current_date - 60, valid_until = current_date - 31`;
    const general = await insertFund(db, { isGeneralSolidarity: true, endowmentCents: 10_000 });
    const specific = await insertFund(db, { endowmentCents: 40_000 });
    const ordinary = await collecting({ daysLeft: 2, donors: 6, giftCents: 11_000 });
    const repPlus = await collecting({
      daysLeft: 4,
      donors: 6,
      giftCents: 11_000,
      school: { priorityEducation: 'rep_plus' },
    });

    const result = await sweep();

    // each needs 340 €: the specific fund's 400 € serve the REP+ project whole and the other in part,
    // then the general fund adds its 100 € to the ordinary project
    expect(result).toMatchObject({ grantCount: 3, grantedCents: 50_000, projectIds: [ordinary, repPlus] });
    expect((await topUps(specific)).map((row) => [row.projectId, row.amountCents])).toEqual([
      [repPlus, 34_000],
      [ordinary, 6_000],
    ]);
    expect((await topUps(general)).map((row) => [row.projectId, row.amountCents])).toEqual([[ordinary, 10_000]]);
    const [partial] = (await topUps(specific)).filter((row) => row.projectId === ordinary);
    expect(partial?.explanation.competitors.map((line) => [line.projectId, line.outcome])).toEqual([[repPlus, 'full']]);
    expect((await sweep()).grantCount).toBe(0);
    await expectLedgerConsistent(db);
  });

  it('leaves a 7-day campaign alone on its first day and tops it up once past its half (defect 13)', async () => {
    await db`update projects set status = 'closed' where status = 'published'`;
    await db`update funds set valid_from = current_date - 60, valid_until = current_date - 31`;
    const fundId = await insertFund(db);
    const week = await collecting({ daysLeft: 7, donors: 5, giftCents: 13_000 });
    await db`update projects set campaign_days = 7, campaign_starts_at = now(),
             campaign_ends_at = now() + interval '7 days' where id = ${week}`;

    expect(await sweep()).toMatchObject({ grantCount: 0, grantedCents: 0, projectIds: [] });
    await db`update projects set campaign_starts_at = now() - interval '4 days',
             campaign_ends_at = now() + interval '3 days' where id = ${week}`;
    expect(await sweep()).toMatchObject({ grantCount: 1, grantedCents: 35_000, projectIds: [week] });

    const [grant] = await topUps(fundId);
    expect(grant?.projectId).toBe(week);
    expect(grant?.explanation.conditions).toContain('au plus 3,5 jours restants, la moitié de la campagne (3)');
    await expectLedgerConsistent(db);
  });

  it('tells each project it topped up, so its figures follow without waiting for a gift', async () => {
    await db`update projects set status = 'closed' where status = 'published'`;
    await insertFund(db);
    const due = await collecting({ daysLeft: 3, donors: 5, giftCents: 13_000 });
    const recorderQueue = `${taskQueue}-recorder`;
    const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
    const recorders = await Worker.create({
      connection,
      taskQueue: recorderQueue,
      workflowsPath: fileURLToPath(new URL('../test/workflows/signal-recorder.ts', import.meta.url)),
    });
    await recorders.runUntil(async () => {
      const lifecycle = await temporal.workflow.start(donationSignalRecorder, {
        taskQueue: recorderQueue,
        workflowId: projectWorkflowId(due),
      });
      try {
        expect((await sweep()).projectIds).toEqual([due]);
        await keepHistory(temporal, 'top-up-sweep-signalling', lastSweepId);
        await expect.poll(() => lifecycle.query(donationSignalsQuery), { timeout: 15_000 }).toEqual([0]);
      } finally {
        await lifecycle.terminate();
      }
    });
    await connection.close();
  });
});
