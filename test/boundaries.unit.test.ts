import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint();

async function violations(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? [])
    .filter(
      (message) =>
        message.ruleId === '@typescript-eslint/no-restricted-imports' || message.ruleId === 'no-restricted-syntax',
    )
    .map((message) => message.message);
}

describe('lint keeps the folder boundaries of STYLE.md', () => {
  it('refuses a workflow that imports activities as values, the database or zod', async () => {
    const found = await violations(
      'workflows/example.ts',
      `import { createActivities } from '../activities/index.ts';\nimport { createDb } from '../db/client.ts';\nimport { z } from 'zod';\nexport const x = [createActivities, createDb, z];\n`,
    );
    expect(found).toHaveLength(3);
    expect(found[0]).toContain('as types only');
  });

  it('lets a workflow import activities as types', async () => {
    const found = await violations(
      'workflows/example.ts',
      `import type { Activities } from '../activities/index.ts';\nexport type A = Activities;\n`,
    );
    expect(found).toEqual([]);
  });

  it('refuses Date.now() in a workflow', async () => {
    expect(await violations('workflows/example.ts', 'export const now = Date.now();\n')).toHaveLength(1);
  });

  it('refuses an API module that imports activities, a workflow body or the worker', async () => {
    const found = await violations(
      'api/routes/example.ts',
      `import { createActivities } from '../../activities/index.ts';\nimport { projectLifecycleWorkflow } from '../../workflows/project-lifecycle.ts';\nimport { createWorker } from '../../worker/worker.ts';\nexport const x = [createActivities, projectLifecycleWorkflow, createWorker];\n`,
    );
    expect(found).toHaveLength(3);
  });

  it('lets the API import workflow messages', async () => {
    const found = await violations(
      'api/routes/example.ts',
      `import { submitUpdate } from '../../workflows/project-lifecycle.messages.ts';\nexport const x = submitUpdate;\n`,
    );
    expect(found).toEqual([]);
  });

  it('keeps domain/ pure', async () => {
    const found = await violations(
      'domain/example.ts',
      `import postgres from 'postgres';\nimport { readFileSync } from 'node:fs';\nexport const x = [postgres, readFileSync];\n`,
    );
    expect(found).toHaveLength(2);
  });

  it('lets the admin import the shared contracts as types only, never as zod values', async () => {
    const asTypes = await violations(
      'admin/src/example.ts',
      `import type { ReviewBody } from '../../contracts/project-actions.ts';\nexport type R = ReviewBody;\n`,
    );
    expect(asTypes).toEqual([]);
    const asValues = await violations(
      'admin/src/example.ts',
      `import { ReviewBody } from '../../contracts/project-actions.ts';\nexport const r = ReviewBody;\n`,
    );
    expect(asValues).toHaveLength(1);
    expect(asValues[0]).toContain('contracts/ as types only');
  });

  it('keeps the contracts out of domain/ and the workflows', async () => {
    const code = `import { ReviewBody } from '../contracts/project-actions.ts';\nexport const r = ReviewBody;\n`;
    expect(await violations('domain/example.ts', code)).toHaveLength(1);
    expect(await violations('workflows/example.ts', code)).toHaveLength(1);
  });
});
