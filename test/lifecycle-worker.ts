import { fileURLToPath } from 'node:url';
import { ApplicationFailure } from '@temporalio/activity';
import { NativeConnection, Worker } from '@temporalio/worker';
import { afterAll, inject } from 'vitest';
import { createActivities, type Activities, type ActivityDeps } from '../activities/index.ts';

const WORKFLOWS_PATH = fileURLToPath(new URL('../workflows/index.ts', import.meta.url));

type ActivityName = keyof Activities;

/** Holds the next call of an activity until released, or makes it fail for good once. */
export class ActivityGate {
  private held: { name: ActivityName; skip: number; entered: () => void; release: Promise<void> } | undefined;
  private releaseHeld: () => void = () => {};
  private failing = new Set<ActivityName>();
  private rewrites = new Map<ActivityName, (input: never) => unknown>();

  /** The next call of `name` (after `skip` others) waits for `release()`; resolves once that call has started. */
  hold(name: ActivityName, skip = 0): Promise<void> {
    return new Promise((entered) => {
      const release = new Promise<void>((resolve) => (this.releaseHeld = resolve));
      this.held = { name, skip, entered: () => entered(), release };
    });
  }

  /** Lets the held call go on. */
  release(): void {
    this.releaseHeld();
  }

  /** The next call of `name` fails with a non-retryable error (« Panne simulée »). */
  failOnce(name: ActivityName): void {
    this.failing.add(name);
  }

  /** Every later call of `name` runs on the input as `change` rewrites it (e.g. a calendar day pinned by a test). */
  rewrite<N extends ActivityName>(name: N, change: (input: Parameters<Activities[N]>[0]) => unknown): void {
    this.rewrites.set(name, change);
  }

  /** Wraps the activities so the gate can hold, fail or rewrite them. */
  wrap(activities: Activities): Activities {
    const wrapped: Record<string, unknown> = {};
    for (const [name, run] of Object.entries(activities) as [ActivityName, (input: unknown) => Promise<unknown>][]) {
      wrapped[name] = async (input: unknown) => {
        if (this.failing.delete(name)) throw ApplicationFailure.nonRetryable('Panne simulée', 'SimulatedFailure');
        const held = this.held;
        if (held?.name === name && held.skip-- === 0) {
          this.held = undefined;
          held.entered();
          await held.release;
        }
        const rewrite = this.rewrites.get(name) as ((input: unknown) => unknown) | undefined;
        return run(rewrite ? rewrite(input) : input);
      };
    }
    return wrapped as Activities;
  }
}

/** A worker on the task queue whose activities pass through the gate; stopped after the file's tests. */
export async function startGatedWorker(taskQueue: string, deps: ActivityDeps, gate: ActivityGate): Promise<void> {
  const connection = await NativeConnection.connect({ address: inject('temporalAddress') });
  const worker = await Worker.create({
    connection,
    taskQueue,
    workflowsPath: WORKFLOWS_PATH,
    activities: gate.wrap(createActivities(deps)),
  });
  const running = worker.run();
  afterAll(async () => {
    worker.shutdown();
    await running;
    await connection.close();
  });
}
