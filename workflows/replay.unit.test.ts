import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Worker } from '@temporalio/worker';
import { describe, expect, it } from 'vitest';

// Histories recorded from real runs (workflows/project-lifecycle.test.ts keeps fresh ones in .data/histories).
// Replaying them against the current code fails when a change breaks determinism: such a change needs
// `patched()` (see README, "Changing a workflow").
const HISTORIES = fileURLToPath(new URL('./histories', import.meta.url));
const WORKFLOWS = fileURLToPath(new URL('./index.ts', import.meta.url));

describe('recorded lifecycle histories', () => {
  const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));

  it('are there to replay', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  it.each(files)('%s replays deterministically on the current workflow code', async (file) => {
    const history = JSON.parse(readFileSync(`${HISTORIES}/${file}`, 'utf8'));
    await expect(
      Worker.runReplayHistory({ workflowsPath: WORKFLOWS }, history, `replay-${file}`),
    ).resolves.toBeUndefined();
  });
});
