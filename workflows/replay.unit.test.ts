import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker, type WorkflowBundle } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';

// Histories recorded from real runs (the lifecycle tests keep fresh ones in .data/histories), one per path of
// both lifecycle versions. Replaying them against the current code fails when a change breaks determinism:
// such a change needs `patched()` or a new workflow type (see README, "Changing a workflow").
const HISTORIES = fileURLToPath(new URL('./histories', import.meta.url));
const WORKFLOWS = fileURLToPath(new URL('./index.ts', import.meta.url));

describe('recorded workflow histories', () => {
  const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));
  let workflowBundle: WorkflowBundle;

  beforeAll(async () => {
    workflowBundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS, logger: quiet });
  }, 120_000);

  it('are there to replay, for every path', () => {
    expect(files.length).toBeGreaterThanOrEqual(19);
  });

  it.each(files)(
    '%s replays deterministically on the current workflow code',
    async (file) => {
      const history = JSON.parse(readFileSync(`${HISTORIES}/${file}`, 'utf8'));
      await expect(Worker.runReplayHistory({ workflowBundle }, history, `replay-${file}`)).resolves.toBeUndefined();
    },
    60_000,
  );
});

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };
