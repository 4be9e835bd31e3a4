/**
 * The statements of each operation side by side with its raw one, at the store: what the service
 * sends for one request (recorded by an in-process service over a RecordingDatabase) and the
 * hand-written statement of bench/ops.ts, each PROFILEd (db hits, records) and sent again `runs`
 * times through the bare driver (`executeQuery` + `toPlain`, as the bench's ownCypher): Neo4j's own
 * time, the client's CPU, the wall time, and the size of the records as JSON.
 *
 * `node dist/bench/ownStatements.js <bolt uri> <size> "<op filter,…>" [runs]`, over a loaded bench
 * store (e.g. the Neo4j of `.data/bench-s`); one JSON line per operation.
 */
import '../src/nodeEnv';
import 'reflect-metadata';
import { AddressInfo } from 'node:net';
import neo4j, { Driver } from 'neo4j-driver';
import { createDriver, Params, toPlain } from '../src/db/database';
import { createService } from '../src/server';
import { loadConfig } from '../src/config';
import { createLogger } from '../src/logger';
import { benchAnchors, planWorld } from '../seed/synthetic/generate';
import { DEFAULT_SEED, isSizeName } from '../seed/synthetic/spec';
import { RecordingDatabase } from './profile';
import { operations } from './ops';
import { NESTED_BENCH_MAX_COST } from './serve';

interface Plan {
  dbHits?: number;
  rows?: number;
  children?: Plan[];
}

const hits = (p: Plan): number => Number(p.dbHits ?? 0) + (p.children ?? []).reduce((s, c) => s + hits(c), 0);
const p50 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const cpuMs = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1000;
};

async function measure(driver: Driver, cypher: string, params: Params, runs: number) {
  const { summary } = await driver.executeQuery(`PROFILE ${cypher}`, params, { routing: neo4j.routing.READ });
  const plan = summary.profile as unknown as Plan;
  const wall: number[] = [];
  const cpu: number[] = [];
  const server: number[] = [];
  let jsonBytes = 0;
  let records = 0;
  for (let i = 0; i < runs + 1; i++) {
    const t = performance.now();
    const c = cpuMs();
    const r = await driver.executeQuery(cypher, params, { routing: neo4j.routing.READ });
    const plain = r.records.map((x) => toPlain(x.toObject()));
    if (i === 0) {
      // the first run warms the page cache and the plan
      jsonBytes = JSON.stringify(plain).length;
      records = plain.length;
      continue;
    }
    cpu.push(cpuMs() - c);
    wall.push(performance.now() - t);
    server.push(Number(r.summary.resultAvailableAfter) + Number(r.summary.resultConsumedAfter));
  }
  const round = (x: number) => Math.round(x * 100) / 100;
  return {
    dbHits: hits(plan),
    records,
    jsonBytes,
    neo4jMs: p50(server),
    clientCpuMs: round(p50(cpu)),
    wallP50Ms: round(p50(wall)),
  };
}

async function main(): Promise<void> {
  const [uri, size, filter, runsText] = process.argv.slice(2);
  if (!uri || !isSizeName(size) || !filter)
    throw new Error('usage: ownStatements.js <bolt uri> <S|M|L> "<ops>" [runs]');
  const runs = Number(runsText ?? 30);
  const driver = createDriver(uri, 'neo4j', '', 10_000);
  const recording = new RecordingDatabase(driver, { timeoutMs: 900_000 });
  const service = await createService({
    // the bench's services' limits (bench/serve.ts): the nested read is priced over the default
    config: loadConfig({
      NODE_ENV: 'production',
      LOG_LEVEL: 'silent',
      GRAPHQL_MAX_COST: String(NESTED_BENCH_MAX_COST),
      GRAPHQL_MAX_RESPONSE_OBJECTS: String(NESTED_BENCH_MAX_COST),
    }),
    db: recording,
    logger: createLogger('silent'),
  });
  await new Promise<void>((resolve) => service.httpServer.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(service.httpServer.address() as AddressInfo).port}/graphql`;
  const ask = (query: string, variables: Record<string, unknown>) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query, variables }),
    }).then((r) => r.json() as Promise<{ errors?: unknown }>);
  try {
    const ops = operations(benchAnchors(planWorld(size, DEFAULT_SEED))).filter((o) =>
      filter.split(',').some((f) => o.name.includes(f)),
    );
    for (const op of ops) {
      await ask(op.query, op.variables);
      recording.take();
      const answer = await ask(op.query, op.variables);
      if (answer.errors) throw new Error(`${op.name}: ${JSON.stringify(answer.errors)}`);
      const own = [];
      for (const s of recording.take()) own.push(await measure(driver, s.cypher, s.params, runs));
      // a raw statement as ops.ts sends it
      const rawOf = async (send: (driver: Driver) => Promise<unknown>) => {
        const sent: { cypher: string; params: Params }[] = [];
        const spy = {
          executeQuery: (cypher: string, params: Params, config: unknown) => {
            sent.push({ cypher, params });
            return driver.executeQuery(cypher, params, config as never);
          },
        } as unknown as Driver;
        await send(spy);
        return measure(driver, sent[0].cypher, sent[0].params, runs);
      };
      const raw = op.raw ? await rawOf(op.raw) : null;
      const rawIdsOnly = op.rawIdsOnly ? await rawOf(op.rawIdsOnly) : null;
      process.stdout.write(`${JSON.stringify({ op: op.name, statements: own.length, own, raw, rawIdsOnly })}\n`);
    }
  } finally {
    await service.apollo.stop();
    service.httpServer.close();
    await driver.close();
  }
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
  process.exit(1);
});
