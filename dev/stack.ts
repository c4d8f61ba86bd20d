import { mkdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { startEmbeddedPostgres } from './postgres.ts';
import { startTemporalDevServer } from './temporal.ts';
import { startTemporalServer } from './temporal-server.ts';
import { startStripeMock } from './stripe-mock.ts';
import { startMailCatcher } from './mail.ts';
import { ensureTool } from './tools.ts';
import type { Running } from './processes.ts';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** Where each service of the local stack listens. */
export interface ServicePorts {
  postgres: number;
  temporal: number;
  temporalUi?: number;
  stripeMock: number;
  smtp: number;
  mailUi: number;
}

/**
 * Which Temporal runs: the CLI's dev server (SQLite, with its Web UI: the default) or the Temporal server itself on
 * the stack's Postgres, as in production (`TEMPORAL_ENGINE=server`; no Web UI; used by the scale benchmarks).
 */
export const TEMPORAL_ENGINES = ['dev', 'server'] as const;
export type TemporalEngine = (typeof TEMPORAL_ENGINES)[number];

/** The engine a TEMPORAL_ENGINE value names (unset: the dev server); throws on any other value. */
export function temporalEngineOf(value: string | undefined): TemporalEngine {
  if (value === undefined || value === '') return 'dev';
  if ((TEMPORAL_ENGINES as readonly string[]).includes(value)) return value as TemporalEngine;
  throw new Error(`TEMPORAL_ENGINE must be ${TEMPORAL_ENGINES.join(' or ')}, not "${value}".`);
}

/** The running services and how to reach them. */
export interface Services {
  databaseUrl: string;
  temporalAddress: string;
  stripeApiUrl: string;
  smtpUrl: string;
  mailUiUrl: string;
  temporalUiUrl?: string;
  stop(): Promise<void>;
}

/**
 * Starts Postgres (unless databaseUrl is given), Temporal, stripe-mock and MailDev.
 * With persistent, data lives under dataDir and survives restarts; otherwise it is thrown away.
 */
export async function startServices(options: {
  ports: ServicePorts;
  dataDir: string;
  persistent: boolean;
  databaseUrl?: string;
  temporalDynamicConfig?: Record<string, string | number>;
  temporalEngine?: TemporalEngine;
}): Promise<Services> {
  const { ports, dataDir, persistent } = options;
  mkdirSync(dataDir, { recursive: true });
  const temporalBinary = ensureTool('temporal');
  const stripeMockBinary = ensureTool('stripe-mock');
  const started: Running[] = [];
  const stop = async () => {
    for (const part of started.reverse()) await part.stop().catch((error) => console.error(part.name, error));
  };
  try {
    let databaseUrl = options.databaseUrl;
    if (!databaseUrl) {
      const pg = await startEmbeddedPostgres({ dataDir: `${dataDir}/postgres`, port: ports.postgres, persistent });
      started.push(pg);
      databaseUrl = pg.url;
    }
    const results = await Promise.allSettled([
      options.temporalEngine === 'server'
        ? startTemporalServer({
            binaries: {
              server: ensureTool('temporal-server'),
              sqlTool: ensureTool('temporal-sql-tool'),
              cli: temporalBinary,
            },
            databaseUrl,
            port: ports.temporal,
            dataDir,
            logFile: `${dataDir}/logs/temporal-server.log`,
            dynamicConfig: options.temporalDynamicConfig,
          })
        : startTemporalDevServer({
            binary: temporalBinary,
            port: ports.temporal,
            uiPort: ports.temporalUi,
            dbFile: persistent ? `${dataDir}/temporal.db` : undefined,
            logFile: `${dataDir}/logs/temporal.log`,
            dynamicConfig: options.temporalDynamicConfig,
          }),
      startStripeMock({ binary: stripeMockBinary, port: ports.stripeMock, logFile: `${dataDir}/logs/stripe-mock.log` }),
      startMailCatcher({
        smtpPort: ports.smtp,
        webPort: ports.mailUi,
        mailDir: persistent ? `${dataDir}/mail` : undefined,
      }),
    ] as const);
    for (const result of results) if (result.status === 'fulfilled') started.push(result.value);
    const failure = results.find((result) => result.status === 'rejected');
    if (failure) throw failure.reason;
    const [temporal, stripe] = results.map((result) => (result as PromiseFulfilledResult<Running>).value) as [
      Running & { address: string },
      Running & { url: string },
    ];
    return {
      databaseUrl,
      temporalAddress: temporal.address,
      stripeApiUrl: stripe.url,
      smtpUrl: `smtp://127.0.0.1:${ports.smtp}`,
      mailUiUrl: `http://127.0.0.1:${ports.mailUi}`,
      temporalUiUrl:
        ports.temporalUi && options.temporalEngine !== 'server' ? `http://127.0.0.1:${ports.temporalUi}` : undefined,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
