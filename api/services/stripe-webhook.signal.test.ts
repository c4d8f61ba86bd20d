import type { Client } from '@temporalio/client';
import { expect, it } from 'vitest';
import { createTestApp } from '../../test/app.ts';
import { insertProject, insertSchool, insertUser } from '../../test/fixtures.ts';
import { expectLedgerConsistent } from '../../test/money.ts';
import { sessionCompleted, signed, startGift } from '../../test/stripe-events.ts';
import { projectWorkflowId } from '../../workflows/project-lifecycle.messages.ts';
import { donationSignaller } from './lifecycle-signals.ts';
import { receiveStripeEvent } from './stripe-webhook.ts';

const { db, config, stripe, browser } = await createTestApp();

/** A Temporal client whose signals stay unanswered until released, recording each one sent. */
function slowTemporal() {
  const signals: [string, unknown][] = [];
  const releases: (() => void)[] = [];
  const temporal = {
    workflow: {
      getHandle: (workflowId: string) => ({
        signal: (_signal: unknown, arg: unknown) => {
          signals.push([workflowId, arg]);
          return new Promise<void>((resolve) => releases.push(resolve));
        },
      }),
      signalWithStart: () => new Promise(() => {}),
    },
  } as unknown as Client;
  return { temporal, signals, release: () => releases.splice(0).forEach((resolve) => resolve()) };
}

it('answers a payment once it is committed, without waiting for the lifecycle signal, which is sent all the same', async () => {
  const schoolUai = await insertSchool(db);
  const porteur = await insertUser(db, 'porteur');
  const projectId = await insertProject(db, { schoolUai, porteurId: porteur.id, campaignEndsInDays: 20 });
  const gift = await startGift(browser(), db, { projectId, amountCents: 2500 });
  const { temporal, signals, release } = slowTemporal();
  const { payload, header } = signed(sessionCompleted(gift));

  const receipt = await receiveStripeEvent({ db, stripe, temporal, config }, payload, header);

  expect(receipt.outcome).toBe('paid');
  const [row] = await db<{ status: string }[]>`select status from donations where id = ${gift.id}`;
  expect(row!.status).toBe('paid');
  expect(signals).toEqual([[projectWorkflowId(projectId), { donationId: gift.id }]]);
  release();
  await donationSignaller(temporal).idle();
  await expectLedgerConsistent(db);
});
