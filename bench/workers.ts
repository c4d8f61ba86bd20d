import { readFileSync, writeFileSync } from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';
import { freeLowPort, freePort, startProcess } from '../dev/processes.ts';
import { ROOT, startServices, type Services, type TemporalEngine } from '../dev/stack.ts';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A benchmark's own stack (Postgres, Temporal on the engine given, stripe-mock, MailDev) on free ports, not kept. */
export async function startBenchServices(dataDir: string, temporalEngine: TemporalEngine): Promise<Services> {
  return startServices({
    dataDir,
    persistent: false,
    temporalEngine,
    ports: {
      postgres: await freePort(),
      temporal: await freeLowPort(),
      stripeMock: await freePort(),
      smtp: await freePort(),
      mailUi: await freePort(),
    },
  });
}

/**
 * Starts `count` real worker processes (worker/main.ts) on the stack and task queue, from one prebuilt workflow
 * bundle; WORKER_* and DATABASE_POOL_SIZE of this process pass through. Resolves once each polls the task queue.
 */
export async function startWorkers(services: Services, options: { dataDir: string; taskQueue: string; count: number }) {
  const bundle = `${options.dataDir}/workflow-bundle.js`;
  writeFileSync(bundle, (await bundleWorkflowCode({ workflowsPath: `${ROOT}workflows/index.ts` })).code);
  const env = {
    APP_ENV: 'development',
    DATABASE_URL: services.databaseUrl,
    TEMPORAL_ADDRESS: services.temporalAddress,
    TEMPORAL_TASK_QUEUE: options.taskQueue,
    STRIPE_SECRET_KEY: 'sk_test_bench',
    STRIPE_API_URL: services.stripeApiUrl,
    SMTP_URL: services.smtpUrl,
    WORKFLOW_BUNDLE_PATH: bundle,
  };
  const workers = Array.from({ length: options.count }, (_, index) => {
    const logFile = `${options.dataDir}/logs/worker-${index}.log`;
    const args = ['--import', 'tsx', 'worker/main.ts'];
    return { logFile, ...startProcess(`worker-${index}`, process.execPath, args, { cwd: ROOT, env, logFile }) };
  });
  for (const worker of workers) {
    for (let log = ''; !log.includes('Worker polling'); log = readFileSync(worker.logFile, 'utf8')) {
      if (worker.child.exitCode !== null) throw new Error(`${worker.name} ended:\n${log}`);
      await sleep(500);
    }
  }
  return workers;
}
