/**
 * A real Collier service over the test Neo4j (started by the global setup): the demo graph loaded
 * fresh, the HTTP server on an ephemeral loopback port, and a GraphQL client that goes over HTTP.
 */
import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import { createDriver, Database } from '../../src/db/database';
import { migrate } from '../../src/db/upgrade/migrations';
import { loadConfig } from '../../src/config';
import { createLogger } from '../../src/logger';
import { createService, Service } from '../../src/server';
import { LoaderOptions } from '../../src/db/loaders';
import { loadDemoData } from '../../seed/load';

export function testNeo4jUri(): string {
  const uri = process.env.NEO4J_TEST_URI_RESOLVED ?? process.env.NEO4J_TEST_URI;
  if (!uri) throw new Error('no test Neo4j: run the integration tests through jest (its global setup starts one)');
  return uri;
}

export function connectTestDatabase(uri: string = testNeo4jUri(), connectionTimeoutMs = 5000): Database {
  const config = loadConfig({ NODE_ENV: 'test' });
  return new Database(createDriver(uri, 'neo4j', '', connectionTimeoutMs), { timeoutMs: config.neo4j.queryTimeoutMs });
}

export async function resetDatabase(db: Database): Promise<void> {
  await db.write('MATCH (n) DETACH DELETE n');
}

export async function graphCounts(db: Database): Promise<{ nodes: number; relationships: number }> {
  const [n] = await db.read<{ c: number }>('MATCH (n) RETURN count(n) AS c');
  const [r] = await db.read<{ c: number }>('MATCH ()-[r]->() RETURN count(r) AS c');
  return { nodes: n.c, relationships: r.c };
}

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  headers: Headers;
  data?: T;
  errors?: { message: string; path?: string[]; extensions?: Record<string, any> }[];
  extensions?: Record<string, any>;
}

export interface TestService {
  url: string;
  db: Database;
  service: Service;
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  close(): Promise<void>;
}

/** Starts the service. `seed: 'demo'` (default) resets the database and loads the demo graph; 'keep' leaves it. */
export async function startTestService(
  options: {
    seed?: 'demo' | 'keep';
    env?: Record<string, string>;
    loaderOptions?: LoaderOptions;
    uri?: string;
    /** A database of the test's own (e.g. over an instrumented driver); the default connects to `uri`. */
    db?: Database;
  } = {},
): Promise<TestService> {
  const config = loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', ...options.env });
  const db = options.db ?? connectTestDatabase(options.uri, config.neo4j.connectionTimeoutMs);
  await migrate(db);
  if ((options.seed ?? 'demo') === 'demo') {
    await resetDatabase(db);
    await loadDemoData(db);
  }
  const service = await createService({
    config,
    db,
    logger: createLogger('silent'),
    loaderOptions: options.loaderOptions,
  });
  await new Promise<void>((r) => service.httpServer.listen(0, '127.0.0.1', r));
  const { port } = service.httpServer.address() as AddressInfo;
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    db,
    service,
    async gql(query, variables) {
      const res = await fetch(`${url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query, variables }),
      });
      const body = (await res.json()) as { data?: any; errors?: any; extensions?: Record<string, any> };
      return {
        status: res.status,
        headers: res.headers,
        data: body.data ?? undefined,
        errors: body.errors,
        extensions: body.extensions,
      };
    },
    async close() {
      await service.apollo.stop();
      await db.close();
    },
  };
}
