import { Client } from '@temporalio/client';
import { NativeConnection } from '@temporalio/worker';
import { createStripeClient } from '../db/stripe.ts';
import { createDb } from '../db/client.ts';
import { configOrExit } from '../db/env.ts';
import { parseWorkerConfig } from './config.ts';
import { createMailDeps } from './email.ts';
import { ensureEmailDeliverySchedule, ensureReconciliationSchedule, ensureTopUpSweepSchedule } from './schedules.ts';
import { createWorker } from './worker.ts';

const config = configOrExit(() => parseWorkerConfig(process.env));

const db = createDb(config.DATABASE_URL, { max: config.DATABASE_POOL_SIZE });
const connection = await NativeConnection.connect({ address: config.TEMPORAL_ADDRESS }).catch((error: Error) => {
  console.error(`Cannot reach Temporal at ${config.TEMPORAL_ADDRESS}: ${error.message}`);
  process.exit(1);
});
const temporal = new Client({ connection, namespace: config.TEMPORAL_NAMESPACE });
const mail = createMailDeps({
  smtpUrl: config.SMTP_URL,
  from: config.MAIL_FROM,
  publicUrl: config.PUBLIC_URL,
  linkSecret: config.EMAIL_LINK_SECRET,
  temporal,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
});
const worker = await createWorker({
  connection,
  namespace: config.TEMPORAL_NAMESPACE,
  taskQueue: config.TEMPORAL_TASK_QUEUE,
  workflowBundlePath: config.WORKFLOW_BUNDLE_PATH,
  tuning: {
    maxConcurrentWorkflowTaskExecutions: config.WORKER_WORKFLOW_TASKS,
    maxConcurrentActivityTaskExecutions: config.WORKER_ACTIVITY_TASKS,
    maxConcurrentWorkflowTaskPolls: config.WORKER_WORKFLOW_POLLERS,
    maxConcurrentActivityTaskPolls: config.WORKER_ACTIVITY_POLLERS,
    maxCachedWorkflows: config.WORKER_CACHED_WORKFLOWS,
  },
  deps: {
    db,
    stripe: createStripeClient({ secretKey: config.STRIPE_SECRET_KEY, apiUrl: config.STRIPE_API_URL }),
    mail,
  },
});
const schedules = { temporal, taskQueue: config.TEMPORAL_TASK_QUEUE };
console.log(`Top-up sweep schedule: ${await ensureTopUpSweepSchedule(schedules)}`);
console.log(`E-mail delivery schedule: ${await ensureEmailDeliverySchedule(schedules)}`);
const stripeMock = Boolean(config.STRIPE_API_URL);
console.log(`Stripe reconciliation schedule: ${await ensureReconciliationSchedule({ ...schedules, stripeMock })}`);
console.log(`Worker polling task queue "${config.TEMPORAL_TASK_QUEUE}" on ${config.TEMPORAL_ADDRESS}`);
// the SDK shuts the worker down gracefully on SIGINT and SIGTERM; then run() resolves
await worker.run();
await connection.close();
await db.end({ timeout: 5 });
console.log('Worker stopped.');
