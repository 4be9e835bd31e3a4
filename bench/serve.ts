/**
 * One service under test, in its own process (so that the load generator never shares an event loop
 * with it): `node dist/bench/serve.js <kind> <port> <bolt uri>` where kind is
 *   collier          the service as it ships;
 *   collier-nobatch  the same with DataLoader batching and look-ahead off (one query per parent: the N+1 baseline);
 *   peer             @neo4j/graphql 7 over the same database, with type definitions mirroring our graph.
 * Prints `BENCH_SERVICE_READY <port>` when it listens; exits on SIGTERM.
 */
import '../src/nodeEnv';
import 'reflect-metadata';
import http from 'node:http';
import express from 'express';
import { ApolloServer } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { createDriver, Database } from '../src/db/database';
import { createService } from '../src/server';
import { cpuProfileOnSignal } from './cpuProfile';

/** Vessel → owners → their holdings → legs, as @neo4j/graphql sees our graph. */
export const PEER_TYPE_DEFS = /* GraphQL */ `
  type Vessel @node {
    id: ID!
    name: String
    imo: String
    flagCode: String
    owners: [Company!]! @relationship(type: "OWNS", direction: IN)
    legs: [Leg!]! @relationship(type: "ON", direction: IN)
  }
  type Company @node {
    id: ID!
    name: String
    countryCode: String
    holdings: [Vessel!]! @relationship(type: "OWNS", direction: OUT)
  }
  type Leg @node {
    id: ID!
    commodity: String
    cargoOrigin: String
    vessel: [Vessel!]! @relationship(type: "ON", direction: OUT)
  }
`;

export const PEER_NESTED_QUERY = `query Nested($first: Int!) { vessels(limit: $first, sort: [{ name: ASC }, { id: ASC }]) {
  id name owners { id name holdings { id name legs { id } } } } }`;

/**
 * The Node flags Collier's service runs with, as `npm start` and the Docker image start it (README
 * "Performance"): a young generation of 2 × 32 MB instead of V8's 2 × 16 MB, so that a large answer
 * (the nested read builds ≈ 10 MB of short-lived objects) is collected by fewer scavenges, each copying
 * what is still alive (docs/performance.md "Session nested7"). The peer runs with Node's defaults.
 */
export const SERVICE_NODE_FLAGS = ['--max-semi-space-size=32'];

/** GRAPHQL_MAX_COST (and GRAPHQL_MAX_RESPONSE_OBJECTS) of the Collier services the bench starts. */
export const NESTED_BENCH_MAX_COST = 5_000_000;

async function main(): Promise<void> {
  const [kind, portText, uri] = process.argv.slice(2);
  const port = Number(portText);
  const config = loadConfig({
    NODE_ENV: 'production',
    LOG_LEVEL: 'silent',
    GRAPHQL_INTROSPECTION: 'true',
    NEO4J_URI: uri,
    PORT: portText,
    NEO4J_QUERY_TIMEOUT_MS: '120000',
    // The bench is an operator running known queries, not a hostile client: the nested read (50 vessels
    // and their whole ownership subtree, bench/ops.ts NESTED_QUERY) is priced by its page sizes at
    // ≈ 0.8 M (1.6 M at first: 100), over the default limit of 50,000 (bench/README.md).
    GRAPHQL_MAX_COST: String(NESTED_BENCH_MAX_COST),
    GRAPHQL_MAX_RESPONSE_OBJECTS: String(NESTED_BENCH_MAX_COST),
    // the bench's own editor key (bench/recordLeg.ts), set by bench/run.ts for this run only
    COLLIER_API_KEYS: process.env.BENCH_API_KEYS ?? '',
  });
  const driver = createDriver(uri, 'neo4j', '', 5000);
  let server: http.Server;
  let stop: () => Promise<void>;
  if (kind === 'collier' || kind === 'collier-nobatch') {
    const db = new Database(driver, { timeoutMs: config.neo4j.queryTimeoutMs });
    const service = await createService({
      config,
      db,
      logger: createLogger('silent'),
      // the N+1 baseline reads through the loaders one parent at a time, with no look-ahead: a compiled
      // read (src/db/read/compiled.ts) would read the nested query in one statement, batched or not
      loaderOptions: { batch: kind === 'collier', project: kind === 'collier' },
    });
    server = service.httpServer;
    stop = async () => {
      await service.apollo.stop();
      await db.close();
    };
  } else if (kind === 'peer') {
    const neoSchema = new Neo4jGraphQL({ typeDefs: PEER_TYPE_DEFS, driver });
    const schema = await neoSchema.getSchema();
    const app = express();
    server = http.createServer(app);
    const apollo = new ApolloServer({ schema, introspection: true });
    await apollo.start();
    app.use(
      '/graphql',
      express.json({ limit: '1mb' }),
      expressMiddleware(apollo, { context: () => Promise.resolve({}) }),
    );
    stop = async () => {
      await apollo.stop();
      await driver.close();
    };
  } else {
    throw new Error(`unknown service kind "${kind}"`);
  }
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  // `--profile-js` (bench/cpuProfile.ts): SIGUSR2 starts V8's CPU profiler, the next SIGUSR2 writes the profile there
  if (process.env.BENCH_CPU_PROFILE) cpuProfileOnSignal(process.env.BENCH_CPU_PROFILE);
  process.stdout.write(`BENCH_SERVICE_READY ${port}\n`);
  const shutdown = () => {
    void stop().finally(() => process.exit(0));
  };
  process.on('SIGTERM', shutdown);
  process.on('SIGINT', shutdown);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    process.stderr.write(`bench service failed: ${error instanceof Error ? error.stack : String(error)}\n`);
    process.exit(1);
  });
}
