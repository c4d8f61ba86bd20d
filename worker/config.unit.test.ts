import { describe, expect, it } from 'vitest';
import { parseWorkerConfig } from './config.ts';

const WORKER = {
  APP_ENV: 'development',
  DATABASE_URL: 'postgres://u:p@db/t',
  STRIPE_SECRET_KEY: 'sk_test',
  SMTP_URL: 'smtp://mail:25',
};

describe('the worker tuning', () => {
  it('takes its documented defaults when nothing is set', () => {
    expect(parseWorkerConfig(WORKER)).toMatchObject({
      WORKER_WORKFLOW_TASKS: 40,
      WORKER_ACTIVITY_TASKS: 100,
      WORKER_WORKFLOW_POLLERS: 10,
      WORKER_ACTIVITY_POLLERS: 10,
      WORKER_CACHED_WORKFLOWS: 500,
      DATABASE_POOL_SIZE: 10,
    });
  });

  it('reads each setting from the environment and refuses a count the SDK would refuse', () => {
    const tuned = { ...WORKER, WORKER_WORKFLOW_TASKS: '80', WORKER_CACHED_WORKFLOWS: '0', DATABASE_POOL_SIZE: '30' };
    expect(parseWorkerConfig(tuned)).toMatchObject({
      WORKER_WORKFLOW_TASKS: 80,
      WORKER_CACHED_WORKFLOWS: 0,
      DATABASE_POOL_SIZE: 30,
    });
    expect(() => parseWorkerConfig({ ...WORKER, WORKER_WORKFLOW_TASKS: '1', DATABASE_POOL_SIZE: 'many' })).toThrow(
      /WORKER_WORKFLOW_TASKS: at least 2[\s\S]*DATABASE_POOL_SIZE: /,
    );
  });
});
