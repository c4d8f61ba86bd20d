import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { bundleWorkflowCode, Worker, type WorkflowBundle } from '@temporalio/worker';
import { beforeAll, describe, expect, it } from 'vitest';

// Histories recorded from real runs (the lifecycle tests keep fresh ones in .data/histories), one per path of
// both lifecycle versions and of the other workflows. Replaying them against the current code fails when a change
// breaks determinism: such a change needs `patched()` or a new workflow type (see README, "Changing a workflow").
const HISTORIES = fileURLToPath(new URL('./histories', import.meta.url));
const WORKFLOWS = fileURLToPath(new URL('./index.ts', import.meta.url));
const WORKFLOW_DIR = fileURLToPath(new URL('.', import.meta.url));

interface RecordedHistory {
  events: {
    workflowExecutionStartedEventAttributes?: { workflowType: { name: string } };
    markerRecordedEventAttributes?: { markerName: string; details?: Record<string, { payloads: { data: string }[] }> };
  }[];
}

const read = (file: string) => JSON.parse(readFileSync(`${HISTORIES}/${file}`, 'utf8')) as RecordedHistory;

/** The workflow type of a recorded history and the patches its run took. */
function describeHistory(history: RecordedHistory): { workflowType: string; patches: string[] } {
  const workflowType = history.events[0]?.workflowExecutionStartedEventAttributes?.workflowType.name ?? '';
  const patches = history.events.flatMap(({ markerRecordedEventAttributes: marker }) => {
    const data = marker?.markerName === 'core_patch' ? marker.details?.['patch-data']?.payloads[0]?.data : undefined;
    return data ? [(JSON.parse(Buffer.from(data, 'base64').toString()) as { id: string }).id] : [];
  });
  return { workflowType, patches };
}

/** Every `patched('<id>')` still in a workflow file, with the workflow type the file exports. */
function patchesInCode(): { workflowType: string; patchId: string }[] {
  return readdirSync(WORKFLOW_DIR)
    .filter((file) => file.endsWith('.ts') && !file.includes('.test.') && !file.includes('.messages.'))
    .flatMap((file) => {
      const source = readFileSync(`${WORKFLOW_DIR}/${file}`, 'utf8');
      const workflowType = /export async function (\w+)/.exec(source)?.[1] ?? file;
      return [...source.matchAll(/\bpatched\('([^']+)'\)/g)].map((match) => ({ workflowType, patchId: match[1]! }));
    });
}

describe('recorded workflow histories', () => {
  const files = readdirSync(HISTORIES).filter((file) => file.endsWith('.json'));
  let workflowBundle: WorkflowBundle;

  beforeAll(async () => {
    workflowBundle = await bundleWorkflowCode({ workflowsPath: WORKFLOWS, logger: quiet });
  }, 120_000);

  it('are there to replay, for every path and every workflow type', () => {
    expect(files.length).toBeGreaterThanOrEqual(27);
    const types = new Set(files.map((file) => describeHistory(read(file)).workflowType));
    for (const type of ['emailDeliveryWorkflow', 'reconciliationWorkflow', 'topUpSweepWorkflow']) {
      expect(types).toContain(type);
    }
  });

  it('take both sides of every patch still in the code', () => {
    const recorded = files.map((file) => describeHistory(read(file)));
    const patches = patchesInCode();
    expect(patches.length).toBeGreaterThan(0);
    for (const { workflowType, patchId } of patches) {
      const ofType = recorded.filter((history) => history.workflowType === workflowType);
      expect(
        ofType.some((history) => history.patches.includes(patchId)),
        `${patchId} taken`,
      ).toBe(true);
      expect(
        ofType.some((history) => !history.patches.includes(patchId)),
        `${patchId} not taken`,
      ).toBe(true);
    }
  });

  it.each(files)(
    '%s replays deterministically on the current workflow code',
    async (file) => {
      await expect(Worker.runReplayHistory({ workflowBundle }, read(file), `replay-${file}`)).resolves.toBeUndefined();
    },
    60_000,
  );
});

const quiet = { trace() {}, debug() {}, info() {}, warn() {}, error() {}, log() {} };
