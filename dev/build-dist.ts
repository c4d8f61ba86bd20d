import { bundleWorkflowCode } from '@temporalio/worker';
import { build } from 'esbuild';
import { cpSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildAdminIfStale } from './admin-build.ts';
import { ROOT } from './stack.ts';

// The production build: plain JavaScript that runs with `node` and the production dependencies only (no tsx, no
// TypeScript at run time). Each entry point keeps its place in the tree, so paths read relative to a module
// (db/migrations beside the migration job) stay true; packages stay external, installed with `npm ci --omit=dev`.
const DIST = join(ROOT, 'dist');
const ENTRY_POINTS = ['api/main.ts', 'worker/main.ts', 'db/migrate-cli.ts'];

rmSync(DIST, { recursive: true, force: true });
mkdirSync(DIST, { recursive: true });
await build({
  entryPoints: ENTRY_POINTS.map((entry) => join(ROOT, entry)),
  outdir: DIST,
  outbase: ROOT,
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'esm',
  packages: 'external',
  sourcemap: true,
  logLevel: 'warning',
});
cpSync(join(ROOT, 'db/migrations'), join(DIST, 'db/migrations'), { recursive: true });

// the worker loads this prebuilt bundle instead of compiling the workflows at start (WORKFLOW_BUNDLE_PATH)
const { code } = await bundleWorkflowCode({ workflowsPath: join(ROOT, 'workflows/index.ts') });
writeFileSync(join(DIST, 'workflow-bundle.js'), code);

buildAdminIfStale();
console.log(`Built ${ENTRY_POINTS.join(', ')}, the workflow bundle and the admin UI into dist/ and admin/dist/.`);
