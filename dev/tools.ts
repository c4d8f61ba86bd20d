import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, renameSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TOOLS_BIN = `${ROOT}.tools/bin`;

/** The Temporal server release built for the production engine (its SQL schema is read from the same module). */
export const TEMPORAL_SERVER_VERSION = 'v1.31.2';

export type GoTool = 'temporal' | 'stripe-mock' | 'temporal-server' | 'temporal-sql-tool';

// `go install` names a binary after its package's folder: `built` is that name when it differs from the tool's
const GO_TOOLS: Record<GoTool, { module: string; built?: string }> = {
  temporal: { module: 'github.com/temporalio/cli/cmd/temporal@v1.5.1' },
  'stripe-mock': { module: 'github.com/stripe/stripe-mock@v0.197.0' },
  'temporal-server': { module: `go.temporal.io/server/cmd/server@${TEMPORAL_SERVER_VERSION}`, built: 'server' },
  'temporal-sql-tool': { module: `go.temporal.io/server/cmd/tools/sql@${TEMPORAL_SERVER_VERSION}`, built: 'sql' },
};

function onPath(name: string): string | undefined {
  const found = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
  return found.status === 0 ? found.stdout.trim() : undefined;
}

/** Path of a Go-built tool: .tools/bin, else PATH, else built once with `go install` (a few minutes). */
export function ensureTool(name: GoTool): string {
  const local = `${TOOLS_BIN}/${name}`;
  if (existsSync(local)) return local;
  const existing = onPath(name);
  if (existing) return existing;
  if (!onPath('go')) {
    throw new Error(
      `${name} is missing and Go is not installed to build it. Install Go ≥ 1.22 (https://go.dev/dl/ or ` +
        `\`apt-get install golang\`), or put a ${name} binary on PATH, then start again.`,
    );
  }
  const { module, built } = GO_TOOLS[name];
  console.log(`Building ${name} once with go install (${module}); this takes a few minutes…`);
  execFileSync('go', ['install', module], { env: { ...process.env, GOBIN: TOOLS_BIN }, stdio: 'inherit' });
  if (built) renameSync(`${TOOLS_BIN}/${built}`, local);
  return local;
}
