/**
 * The process: configuration → Neo4j (the local runtime, or NEO4J_URI) → constraints and indexes →
 * demo data if the database is empty → serve. SIGTERM/SIGINT stop accepting, drain in-flight
 * requests, close the driver and stop the local Neo4j.
 */
import './nodeEnv';
// first: OpenTelemetry must wrap http and express before they load (on only with OTEL_EXPORTER_OTLP_ENDPOINT)
import { tracing } from './ops/startTracing';
import 'reflect-metadata';
import { resolve } from 'node:path';
import { ConfigError, loadConfig } from './config';
import { createLogger, Logger } from './logger';
import { createDriver, Database } from './db/database';
import { migrate } from './db/upgrade/migrations';
import { LocalNeo4j, startLocalNeo4j } from './db/runtime/localNeo4j';
import { createService } from './server';
import { databaseIsEmpty, loadDemoData } from '../seed/load';
import { loadSanctionsLists } from '../seed/lists';

async function waitForDatabase(db: Database, deadlineMs: number, logger: Logger): Promise<void> {
  const until = Date.now() + deadlineMs;
  for (let attempt = 1; ; attempt++) {
    try {
      await db.ping();
      return;
    } catch (error) {
      if (Date.now() > until) throw error;
      logger.warn({ attempt }, 'Neo4j not answering yet; retrying');
      await new Promise((r) => setTimeout(r, 1000));
    }
  }
}

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`Configuration error: ${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  if (config.env === 'development') {
    logger.warn(
      'development mode (npm run dev): stack traces, introspection and field suggestions are on — do not expose this service',
    );
  }

  let local: LocalNeo4j | null = null;
  let uri = config.neo4j.uri;
  if (uri == null) {
    logger.info(
      { boltPort: config.localNeo4j.boltPort, dataDir: config.localNeo4j.dataDir },
      'starting the local Neo4j',
    );
    local = await startLocalNeo4j({
      boltPort: config.localNeo4j.boltPort,
      dataDir: resolve(config.localNeo4j.dataDir),
      heap: config.localNeo4j.heap,
      pageCache: config.localNeo4j.pageCache,
      txTimeoutSeconds: Math.ceil((config.neo4j.queryTimeoutMs * 4) / 1000),
      log: (event, fields) => logger.info(fields ?? {}, event),
    });
    uri = local.uri;
  }

  const driver = createDriver(uri, config.neo4j.user, config.neo4j.password, config.neo4j.connectionTimeoutMs);
  const db = new Database(driver, { database: config.neo4j.database, timeoutMs: config.neo4j.queryTimeoutMs });
  await waitForDatabase(db, 60_000, logger);
  await migrate(db);
  if (config.seedOnStart && (await databaseIsEmpty(db))) {
    const seeded = await loadDemoData(db);
    logger.info(seeded, 'loaded the demo graph');
    const lists = await loadSanctionsLists(db);
    logger.info({ lists }, 'loaded the official sanctions lists (DPRK programmes)');
  }

  const service = await createService({ config, db, logger });
  await new Promise<void>((ready) => service.httpServer.listen(config.port, config.host, ready));
  const address = service.httpServer.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  logger.info(
    { url: `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}/graphql`, neo4j: uri },
    'Collier is ready',
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping: draining in-flight requests');
    const force = setTimeout(() => {
      logger.error('shutdown took too long; exiting');
      process.exit(1);
    }, config.shutdownGraceMs + 35_000);
    force.unref();
    try {
      await service.apollo.stop(); // closes the HTTP server and waits for in-flight requests
      logger.info('HTTP server closed');
      await db.close();
      logger.info('Neo4j driver closed');
      await tracing?.stop(); // flushes the last spans
      if (local) {
        await local.stop();
        logger.info('local Neo4j stopped');
      }
      logger.info('stopped');
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, 'error while stopping');
      process.exit(1);
    }
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Collier could not start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
