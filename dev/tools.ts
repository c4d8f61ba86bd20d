import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const TOOLS_BIN = `${ROOT}.tools/bin`;

const GO_TOOLS = {
  temporal: 'github.com/temporalio/cli/cmd/temporal@v1.5.1',
  'stripe-mock': 'github.com/stripe/stripe-mock@v0.197.0',
} as const;

export type GoTool = keyof typeof GO_TOOLS;

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
  console.log(`Building ${name} once with go install (${GO_TOOLS[name]}); this takes a few minutes…`);
  execFileSync('go', ['install', GO_TOOLS[name]], { env: { ...process.env, GOBIN: TOOLS_BIN }, stdio: 'inherit' });
  return local;
}
