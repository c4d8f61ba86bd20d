import { randomBytes } from 'node:crypto';
import { Client, Connection, ScheduleNotFoundError } from '@temporalio/client';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { ensureReconciliationSchedule, ensureTopUpSweepSchedule } from './schedules.ts';

const connection = await Connection.connect({ address: inject('temporalAddress') });
const client = new Client({ connection });
const scheduleId = `funds-top-up-sweep-${randomBytes(4).toString('hex')}`;
const reconciliationId = `stripe-reconciliation-${randomBytes(4).toString('hex')}`;

afterAll(async () => {
  await client.schedule.getHandle(scheduleId).delete();
  await client.schedule.getHandle(reconciliationId).delete();
  await connection.close();
});

describe('the top-up sweep schedule', () => {
  it('is created at the first start of a worker, and left as it is by the next ones', async () => {
    const options = { temporal: client, taskQueue: 'trousse-test', scheduleId };
    expect(await ensureTopUpSweepSchedule(options)).toBe('created');
    expect(await ensureTopUpSweepSchedule(options)).toBe('existing');

    const schedule = await client.schedule.getHandle(scheduleId).describe();
    expect(schedule.action).toMatchObject({
      type: 'startWorkflow',
      workflowType: 'topUpSweepWorkflow',
      taskQueue: 'trousse-test',
      args: [{}],
    });
    expect(schedule.spec.intervals?.map((interval) => interval.every)).toEqual([3_600_000]);
    expect(schedule.policies.overlap).toBe('SKIP');
  });
});

describe('the Stripe reconciliation schedule', () => {
  it('starts the reconciliation once a day, never two at once', async () => {
    const options = { temporal: client, taskQueue: 'trousse-test', scheduleId: reconciliationId, stripeMock: false };
    expect(await ensureReconciliationSchedule(options)).toBe('created');
    expect(await ensureReconciliationSchedule(options)).toBe('existing');
    const schedule = await client.schedule.getHandle(reconciliationId).describe();
    expect(schedule.action).toMatchObject({ type: 'startWorkflow', workflowType: 'reconciliationWorkflow' });
    expect(schedule.spec.intervals?.map((interval) => interval.every)).toEqual([86_400_000]);
    expect(schedule.policies.overlap).toBe('SKIP');
  });
});

describe('the Stripe reconciliation against stripe-mock', () => {
  it('is not scheduled, and one left by an earlier start is removed', async () => {
    const scheduleId = `stripe-reconciliation-mock-${randomBytes(4).toString('hex')}`;
    const options = { temporal: client, taskQueue: 'trousse-test', scheduleId };
    expect(await ensureReconciliationSchedule({ ...options, stripeMock: true })).toBe('not scheduled (stripe-mock)');
    await expect(client.schedule.getHandle(scheduleId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
    expect(await ensureReconciliationSchedule({ ...options, stripeMock: false })).toBe('created');
    expect(await ensureReconciliationSchedule({ ...options, stripeMock: true })).toBe('removed (stripe-mock)');
    await expect(client.schedule.getHandle(scheduleId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
  });
});
