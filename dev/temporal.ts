import { startProcess, waitForPort, type Running } from './processes.ts';

/** Custom search attributes shown and filterable in the Temporal UI. */
export const SEARCH_ATTRIBUTES = {
  ProjectStatus: 'Keyword',
  Academie: 'Keyword',
  CampaignDeadline: 'Datetime',
} as const;

/** Starts the Temporal CLI dev server; with dbFile its history survives restarts, with uiPort it serves the Web UI. */
export async function startTemporalDevServer(options: {
  binary: string;
  port: number;
  uiPort?: number;
  dbFile?: string;
  logFile: string;
  /** server dynamic configuration, e.g. a lower history size at which continue-as-new is suggested */
  dynamicConfig?: Record<string, string | number>;
}): Promise<Running & { address: string }> {
  const args = ['server', 'start-dev', '--ip', '127.0.0.1', '--port', String(options.port), '--log-level', 'warn'];
  args.push(...(options.uiPort ? ['--ui-port', String(options.uiPort)] : ['--headless']));
  if (options.dbFile) args.push('--db-filename', options.dbFile);
  for (const [name, type] of Object.entries(SEARCH_ATTRIBUTES)) args.push('--search-attribute', `${name}=${type}`);
  for (const [key, value] of Object.entries(options.dynamicConfig ?? {})) {
    args.push('--dynamic-config-value', `${key}=${value}`);
  }
  const running = startProcess('temporal', options.binary, args, { logFile: options.logFile });
  await waitForPort(options.port, 'Temporal dev server');
  if (options.uiPort) await waitForPort(options.uiPort, 'Temporal Web UI');
  return { ...running, address: `127.0.0.1:${options.port}` };
}
