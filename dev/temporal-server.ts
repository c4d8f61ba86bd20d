import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { freeLowPort, startProcess, waitForPort, type Running } from './processes.ts';
import { SEARCH_ATTRIBUTES } from './temporal.ts';
import { TEMPORAL_SERVER_VERSION } from './tools.ts';

const DATABASES = { temporal: 'temporal', temporal_visibility: 'visibility' } as const;

/** The Postgres server of a postgres:// URL, as Temporal's SQL tool and configuration name it. */
function postgresOf(databaseUrl: string) {
  const url = new URL(databaseUrl);
  const user = decodeURIComponent(url.username);
  return { host: url.hostname, port: url.port || '5432', user, password: decodeURIComponent(url.password) };
}

/**
 * Creates or upgrades Temporal's two databases on that server (safe to repeat), from the SQL schema shipped in the
 * server's Go module, which `go install` left in the module cache.
 */
function setUpSchema(sqlTool: string, pg: ReturnType<typeof postgresOf>): void {
  const modules = execFileSync('go', ['env', 'GOMODCACHE'], { encoding: 'utf8' }).trim();
  const schemas = join(modules, `go.temporal.io/server@${TEMPORAL_SERVER_VERSION}/schema/postgresql/v12`);
  const connection = ['--plugin', 'postgres12', '--ep', pg.host, '-p', pg.port, '-u', pg.user, '--pw', pg.password];
  for (const [database, kind] of Object.entries(DATABASES)) {
    // refused when the database exists already: the schema steps below then bring it up to date
    spawnSync(sqlTool, [...connection, '--db', database, 'create-database'], { stdio: 'ignore' });
    for (const step of [
      ['setup-schema', '-v', '0.0'],
      ['update-schema', '-d', join(schemas, kind, 'versioned')],
    ]) {
      const result = spawnSync(sqlTool, [...connection, '--db', database, ...step], { encoding: 'utf8' });
      if (result.status !== 0) throw new Error(`Temporal schema (${database}, ${step[0]}): ${result.stderr}`);
    }
  }
}

/** The server's configuration: Postgres persistence, the four services in one process on loopback ports. */
async function serverConfig(
  pg: ReturnType<typeof postgresOf>,
  port: number,
  dynamicConfigFile: string,
): Promise<string> {
  const store = (database: string, maxConns: number) => `
      sql:
        pluginName: postgres12
        databaseName: ${database}
        connectAddr: "${pg.host}:${pg.port}"
        connectProtocol: tcp
        user: "${pg.user}"
        password: "${pg.password}"
        maxConns: ${maxConns}
        maxIdleConns: ${maxConns}
        maxConnLifetime: 1h`;
  const service = async (grpcPort: number) => `
    rpc:
      grpcPort: ${grpcPort}
      membershipPort: ${await freeLowPort()}
      bindOnLocalHost: true`;
  return `log:
  stdout: true
  level: warn
persistence:
  defaultStore: default
  visibilityStore: visibility
  numHistoryShards: 4
  datastores:
    default:${store('temporal', 20)}
    visibility:${store('temporal_visibility', 4)}
global:
  membership:
    maxJoinDuration: 30s
    broadcastAddress: 127.0.0.1
services:
  frontend:${await service(port)}
  history:${await service(await freeLowPort())}
  matching:${await service(await freeLowPort())}
  worker:${await service(await freeLowPort())}
clusterMetadata:
  enableGlobalNamespace: false
  failoverVersionIncrement: 10
  masterClusterName: active
  currentClusterName: active
  clusterInformation:
    active:
      enabled: true
      initialFailoverVersion: 1
      rpcName: frontend
      rpcAddress: 127.0.0.1:${port}
dcRedirectionPolicy:
  policy: noop
dynamicConfigClient:
  filepath: ${dynamicConfigFile}
  pollInterval: 10s
`;
}

/** Runs a `temporal operator` command against the server, retried while the server finishes starting. */
async function operate(cli: string, address: string, args: string[], accept?: RegExp): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const result = spawnSync(cli, ['operator', ...args, '--address', address], { encoding: 'utf8' });
    if (result.status === 0 || accept?.test(result.stderr + result.stdout)) return;
    if (attempt === 30) throw new Error(`temporal operator ${args.join(' ')}: ${result.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/**
 * Starts the Temporal server itself (the production engine) on Postgres: its schema set up by its SQL tool, then
 * one process hosting frontend, history, matching and worker, then the default namespace and search attributes.
 */
export async function startTemporalServer(options: {
  binaries: { server: string; sqlTool: string; cli: string };
  databaseUrl: string;
  port: number;
  dataDir: string;
  logFile: string;
  /** server dynamic configuration, e.g. a lower history size at which continue-as-new is suggested */
  dynamicConfig?: Record<string, string | number>;
}): Promise<Running & { address: string }> {
  const pg = postgresOf(options.databaseUrl);
  setUpSchema(options.binaries.sqlTool, pg);
  mkdirSync(options.dataDir, { recursive: true });
  const dynamicConfigFile = join(options.dataDir, 'temporal-dynamic-config.yaml');
  const dynamic = Object.entries(options.dynamicConfig ?? {}).map(([key, value]) => `${key}:\n  - value: ${value}\n`);
  writeFileSync(dynamicConfigFile, dynamic.join('') || '{}\n');
  const configFile = join(options.dataDir, 'temporal-server.yaml');
  writeFileSync(configFile, await serverConfig(pg, options.port, dynamicConfigFile));
  const args = ['--config-file', configFile, '--allow-no-auth', 'start'];
  const running = startProcess('temporal-server', options.binaries.server, args, { logFile: options.logFile });
  const address = `127.0.0.1:${options.port}`;
  try {
    await waitForPort(options.port, 'Temporal server');
    await operate(options.binaries.cli, address, ['namespace', 'create', '--namespace', 'default'], /already/i);
    const attributes = Object.entries(SEARCH_ATTRIBUTES).flatMap(([name, type]) => ['--name', name, '--type', type]);
    await operate(
      options.binaries.cli,
      address,
      ['search-attribute', 'create', '--namespace', 'default', ...attributes],
      /already/i,
    );
  } catch (error) {
    await running.stop();
    throw error;
  }
  return { ...running, address };
}
