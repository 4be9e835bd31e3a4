/**
 * Export that round-trips, on the demo graph in a real Neo4j:
 * (a) the JSON Lines export of the whole database, imported into the same database (dry run, then for
 *     real), reads every line as unchanged and leaves no audit entry;
 * (b) the same file imported into an empty database gives the same graph: a canonical dump by Cypher
 *     (every node with its labels and properties, every relationship with its type, ends and
 *     properties, the audit trail's Change nodes aside) is equal before and after;
 * (c) the FollowTheMoney export is valid against the FtM schema table and imports back through the FtM
 *     adapter; exported again from the database it went into, it gives the same entities.
 * Also: a subgraph export (ids and depth) imports on its own into an empty database, and the
 * exportSubgraph query answers the same lines as the library.
 */
import { writeFileSync } from 'node:fs';
import { graphCounts, resetDatabase, startTestService, TestService } from './harness';
import { importLines, linesOf } from '../../src/import/pipeline';
import { exportFacts } from '../../src/db/export/exportFile';
import { migrate } from '../../src/db/upgrade/migrations';
import { loadDemoData } from '../../seed/load';
import { Database } from '../../src/db/database';
import { validateFtmEntity, FtmOut } from '../../src/export/ftm';

let t: TestService;

beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

const importJsonl = (db: Database, lines: string[], dryRun = false) =>
  importLines(db, linesOf(lines.join('\n')), { format: 'jsonl', actor: 'cli:test', dryRun, batchSize: 200 });

async function changeCount(db: Database): Promise<number> {
  const [row] = await db.read<{ n: number }>('MATCH (c:Change) RETURN count(c) AS n');
  return row.n;
}

/** Values in a stable form: JSON-valued properties parsed, object keys sorted. */
function canon(value: unknown, key = ''): unknown {
  if (typeof value === 'string' && key.endsWith('Json')) return canon(JSON.parse(value));
  if (Array.isArray(value)) return value.map((v) => canon(v));
  if (value != null && typeof value === 'object') {
    const o = value as Record<string, unknown>;
    return Object.fromEntries(
      Object.keys(o)
        .sort()
        .map((k) => [k, canon(o[k], k)]),
    );
  }
  return value;
}

/** The graph as two sorted lists of strings: nodes (labels + properties) and relationships (type, ends, properties). */
async function dump(db: Database): Promise<{ nodes: string[]; relationships: string[] }> {
  const nodes = await db.read<{ labels: string[]; props: Record<string, unknown> }>(
    'MATCH (n) WHERE NOT n:Change AND NOT n:CollierSchema RETURN labels(n) AS labels, properties(n) AS props',
  );
  const rels = await db.read<{ type: string; a: string; b: string; props: Record<string, unknown> }>(
    'MATCH (a)-[r]->(b) WHERE NOT a:Change AND NOT b:Change RETURN type(r) AS type, a.id AS a, b.id AS b, properties(r) AS props',
  );
  return {
    nodes: nodes.map((n) => JSON.stringify([[...n.labels].sort(), canon(n.props)])).sort(),
    relationships: rels.map((r) => JSON.stringify([r.type, r.a, r.b, canon(r.props)])).sort(),
  };
}

describe('JSON Lines export of the demo graph', () => {
  let lines: string[];
  let before: { nodes: string[]; relationships: string[] };

  const figures: Record<string, number> = {};

  beforeAll(async () => {
    before = await dump(t.db);
    const started = Date.now();
    lines = (await exportFacts(t.db, { format: 'jsonl', ids: null, depth: 0 })).lines;
    figures.exportMs = Date.now() - started;
    figures.lines = lines.length;
  });

  afterAll(() => {
    // The figures of a run, for the record (ROUND_TRIP_FIGURES=<file>); nothing here is asserted on time.
    if (process.env.ROUND_TRIP_FIGURES) writeFileSync(process.env.ROUND_TRIP_FIGURES, JSON.stringify(figures, null, 1));
  });

  it('writes every fact of the graph, one a line, each a fact the import knows', () => {
    const types = new Map<string, number>();
    for (const l of lines) {
      const type = (JSON.parse(l) as { type: string }).type;
      types.set(type, (types.get(type) ?? 0) + 1);
    }
    expect(Object.fromEntries(types)).toMatchObject({
      source: expect.any(Number),
      vessel: 47,
      identityClaim: 66,
      leg: 40,
      transfer: 2,
      designation: 55,
      statistic: 8,
      tactic: 16,
      tacticUse: 11,
    });
  });

  it('(a) imported into the database it came from: every line unchanged (dry run and real), no audit entry', async () => {
    const changes = await changeCount(t.db);
    const dry = await importJsonl(t.db, lines, true);
    Object.assign(figures, { dryRunMs: dry.durationMs, dryRunUnchanged: dry.unchanged });
    expect(dry.rejections).toEqual([]);
    expect({ unchanged: dry.unchanged, created: dry.created, updated: dry.updated }).toEqual({
      unchanged: lines.length,
      created: 0,
      updated: 0,
    });
    const real = await importJsonl(t.db, lines);
    Object.assign(figures, { reimportMs: real.durationMs, reimportUnchanged: real.unchanged });
    expect({
      unchanged: real.unchanged,
      created: real.created,
      updated: real.updated,
      rejected: real.rejected,
    }).toEqual({ unchanged: lines.length, created: 0, updated: 0, rejected: 0 });
    expect(await changeCount(t.db)).toBe(changes);
    expect(await dump(t.db)).toEqual(before);
  });

  it('(b) imported into an empty database: the same nodes, relationships, properties and sources', async () => {
    await resetDatabase(t.db);
    await migrate(t.db);
    // an empty database holds only its schema-version node (db/upgrade/schemaVersion.ts)
    expect(await graphCounts(t.db)).toEqual({ nodes: 1, relationships: 0 });
    const report = await importJsonl(t.db, lines);
    Object.assign(figures, { emptyImportMs: report.durationMs, emptyCreated: report.created });
    expect(report.rejections).toEqual([]);
    expect(report.created).toBe(lines.length);
    const after = await dump(t.db);
    if (process.env.ROUND_TRIP_DIFF) {
      const only = (a: string[], b: string[]) => a.filter((x) => !b.includes(x));
      writeFileSync(
        process.env.ROUND_TRIP_DIFF,
        JSON.stringify(
          {
            beforeOnly: [...only(before.nodes, after.nodes), ...only(before.relationships, after.relationships)],
            afterOnly: [...only(after.nodes, before.nodes), ...only(after.relationships, before.relationships)],
          },
          null,
          1,
        ),
      );
    }
    expect(after.nodes.length).toBe(before.nodes.length);
    expect(after.relationships.length).toBe(before.relationships.length);
    expect(after).toEqual(before);
    // And exported again, the file is the same.
    expect((await exportFacts(t.db, { format: 'jsonl', ids: null, depth: 0 })).lines).toEqual(lines);
  });
});

/** An FtM entity with its property values sorted (the order of a multi-valued property carries no meaning). */
function ftmCanon(line: string): string {
  const e = JSON.parse(line) as FtmOut;
  const props = Object.fromEntries(
    Object.keys(e.properties)
      .sort()
      .map((k) => [k, [...e.properties[k]].sort()]),
  );
  return JSON.stringify({ id: e.id, schema: e.schema, properties: props, datasets: [...e.datasets].sort() });
}

describe('FollowTheMoney export of the demo graph', () => {
  let ftm: string[];

  beforeAll(async () => {
    await resetDatabase(t.db);
    await loadDemoData(t.db);
    const result = await exportFacts(t.db, { format: 'ftm', ids: null, depth: 0 });
    ftm = result.lines;
    expect(result.notExported).toMatchObject({ Port: 37, Leg: 40, Transfer: 2, Statistic: 8 });
  });

  it('uses only FtM schema names and properties, with values of their FtM types', () => {
    const schemata = new Set<string>();
    for (const line of ftm) {
      const e = JSON.parse(line) as FtmOut;
      schemata.add(e.schema);
      expect(validateFtmEntity(e)).toEqual([]);
    }
    expect([...schemata].sort()).toEqual([
      'Company',
      'Directorship',
      'Ownership',
      'Person',
      'Sanction',
      'UnknownLink',
      'Vessel',
    ]);
  });

  it('(c) imports back through the FtM adapter into an empty database, and exported again gives the same entities', async () => {
    await resetDatabase(t.db);
    await migrate(t.db);
    const report = await importLines(t.db, linesOf(ftm.join('\n')), { format: 'ftm', actor: 'cli:test' });
    expect(report.rejections).toEqual([]);
    expect(report.skippedProperties).toEqual({});
    expect(report.unknownProperties).toEqual({});
    const again = (await exportFacts(t.db, { format: 'ftm', ids: null, depth: 0 })).lines;
    expect(again.map(ftmCanon).sort()).toEqual(ftm.map(ftmCanon).sort());
  });
});

describe('A subgraph export', () => {
  beforeAll(async () => {
    await resetDatabase(t.db);
    await loadDemoData(t.db);
  });

  it('answers the same JSON Lines through exportSubgraph as the library, and imports on its own into an empty database', async () => {
    const args = { ids: ['vessel:xin-guang-hai'], depth: 1 };
    const lib = await exportFacts(t.db, { format: 'jsonl', ...args });
    const res = await t.gql<{ exportSubgraph: string }>(
      `{ exportSubgraph(ids: ["vessel:xin-guang-hai"], depth: 1, format: JSONL) }`,
    );
    expect(res.errors).toBeUndefined();
    expect(res.data!.exportSubgraph.trimEnd().split('\n')).toEqual(lib.lines);
    const ftm = await t.gql<{ exportSubgraph: string }>(
      `{ exportSubgraph(ids: ["vessel:xin-guang-hai"], depth: 1, format: FTM) }`,
    );
    expect(ftm.data!.exportSubgraph).toContain('"schema":"Vessel"');
    const types = new Set(lib.lines.map((l) => (JSON.parse(l) as { type: string }).type));
    expect([...types]).toEqual(expect.arrayContaining(['source', 'vessel', 'company', 'designation', 'relation']));

    await resetDatabase(t.db);
    await migrate(t.db);
    const report = await importJsonl(t.db, lib.lines);
    expect(report.rejections).toEqual([]);
    expect(report.created).toBe(lib.lines.length);
    const [v] = await t.db.read<{ name: string }>(
      `MATCH (v:Vessel {id: 'vessel:xin-guang-hai'}) RETURN v.name AS name`,
    );
    expect(v.name).toBe('Xin Guang Hai');
  });
});
