/**
 * The compact views of drawn nodes, edges and paths (db/read/drawnView.ts) give the same drawn nodes
 * and edges as the whole nodes and relationships do, on every node and relationship of the demo
 * graph; and the neighbourhood, read in rows of a few nodes or edges, is the same subgraph as in
 * one row each.
 */
import { startTestService, TestService } from './harness';
import { decodeEdge, DRAWN_EDGE, DRAWN_NODE, DRAWN_PARAMS, DRAWN_PATH, decodePath } from '../../src/db/read/drawnView';
import {
  DEFAULT_TRAVERSAL_TYPES,
  EDGE_VIEW,
  EdgeView,
  NODE_VIEW,
  NodeView,
  PATH_VIEW,
  toDrawnEdge,
  toDrawnNode,
} from '../../src/db/read/traversal';
import { neighborhood } from '../../src/db/read/neighborhood';
import { commonConnections, kShortestPaths, toGraphPath } from '../../src/db/read/paths';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

describe('compact views', () => {
  it('every node of the demo graph is drawn the same from its compact list as from all its properties', async () => {
    const rows = await t.db.read<{ whole: NodeView; compact: unknown[] }>(
      `MATCH (n) WHERE n.id IS NOT NULL RETURN ${NODE_VIEW('n')} AS whole, ${DRAWN_NODE.cypher('n')} AS compact ORDER BY n.id`,
      DRAWN_PARAMS,
    );
    expect(rows.length).toBeGreaterThan(400);
    const labels = new Set<string>();
    for (const r of rows) {
      const whole = toDrawnNode(r.whole);
      const compact = toDrawnNode(DRAWN_NODE.decode(r.compact));
      labels.add(whole.label);
      expect({ ...compact, props: undefined }).toEqual({ ...whole, props: undefined });
      // every property the compact view holds is the node's own, with the same value
      for (const [k, v] of Object.entries(compact.props)) expect(whole.props[k]).toEqual(v);
    }
    // every label the analyses draw is among them
    for (const l of [
      'Vessel',
      'Port',
      'Company',
      'Person',
      'Country',
      'Leg',
      'Transfer',
      'Tactic',
      'Designation',
      'Source',
      'IdentityClaim',
    ])
      expect(labels).toContain(l);
  });

  it('every relationship of the demo graph is drawn the same, period and borrowed evidence included', async () => {
    const rows = await t.db.read<{
      whole: EdgeView;
      compact: unknown[];
      from: [NodeView, unknown[]];
      to: [NodeView, unknown[]];
    }>(
      `MATCH (a)-[r]->(b) WHERE a.id IS NOT NULL AND b.id IS NOT NULL
       RETURN ${EDGE_VIEW('r')} AS whole, ${DRAWN_EDGE('r', 'a', 'b')} AS compact,
              [${NODE_VIEW('a')}, ${DRAWN_NODE.cypher('a')}] AS from, [${NODE_VIEW('b')}, ${DRAWN_NODE.cypher('b')}] AS to`,
      DRAWN_PARAMS,
    );
    expect(rows.length).toBeGreaterThan(1000);
    const types = new Set<string>();
    let periods = 0;
    let borrowed = 0;
    for (const r of rows) {
      const wholeNodes = new Map([r.from[0], r.to[0]].map((v) => [v.id, toDrawnNode(v)]));
      const compactNodes = new Map(
        [r.from[1], r.to[1]].map((l) => DRAWN_NODE.decode(l)).map((v) => [v.id, toDrawnNode(v)]),
      );
      const whole = toDrawnEdge(r.whole, wholeNodes);
      expect(toDrawnEdge(decodeEdge(r.compact), compactNodes)).toEqual(whole);
      types.add(whole.type);
      if (whole.period) periods++;
      if (whole.type === 'CLAIMED' || whole.type === 'FLAG') borrowed++;
    }
    expect(periods).toBeGreaterThan(100);
    expect(borrowed).toBeGreaterThan(10);
    for (const ty of ['OWNS', 'ON', 'FROM', 'TO', 'CLAIMED', 'FLAG', 'DESIGNATED', 'FROM_VESSEL', 'USED', 'CITED_IN'])
      expect(types).toContain(ty);
  });

  it('a path is the same from its compact lists', async () => {
    const rows = await t.db.read<{
      whole: { nodes: NodeView[]; edges: EdgeView[] };
      compact: [unknown[][], unknown[][]];
    }>(
      `MATCH p = (:Vessel)<-[:ON]-(:Leg)-[:FROM|TO]->(:Port) RETURN ${PATH_VIEW('p')} AS whole, ${DRAWN_PATH('p')} AS compact LIMIT 200`,
      DRAWN_PARAMS,
    );
    expect(rows.length).toBeGreaterThan(50);
    for (const r of rows) {
      const strip = (p: ReturnType<typeof toGraphPath>) => ({
        ...p,
        nodes: p.nodes.map((n) => ({ ...n, props: undefined })),
      });
      expect(strip(toGraphPath(decodePath(r.compact)))).toEqual(strip(toGraphPath(r.whole)));
    }
  });
});

describe('the neighbourhood in rows', () => {
  const around = { ids: ['port:nampho'], depth: 3, limit: 2000, types: [] as string[], at: null, minConfidence: null };

  it('rows of 7 nodes or edges give the subgraph one row gives, in the same order', async () => {
    const { DEFAULT_TRAVERSAL_TYPES } = await import('../../src/db/read/traversal');
    const q = { ...around, types: [...DEFAULT_TRAVERSAL_TYPES] };
    const one = await neighborhood(t.db, { ...q, chunk: 100_000 });
    const small = await neighborhood(t.db, { ...q, chunk: 7 });
    expect(one.nodes.length).toBeGreaterThan(50);
    expect(one.edges.length).toBeGreaterThan(50);
    expect(small).toEqual(one);
  });

  it('drawn and whole views give the same subgraph but for the properties the whole view adds', async () => {
    const { DEFAULT_TRAVERSAL_TYPES } = await import('../../src/db/read/traversal');
    const q = { ...around, types: [...DEFAULT_TRAVERSAL_TYPES] };
    const drawnG = await neighborhood(t.db, q);
    const wholeG = await neighborhood(t.db, { ...q, view: 'whole' });
    // the compact view holds only the properties drawing reads
    const strip = (g: typeof drawnG) => ({ ...g, nodes: g.nodes.map((n) => ({ ...n, props: undefined })) });
    expect(strip(drawnG)).toEqual(strip(wholeG));
    const ids = await t.db.read<{ n: number }>(`MATCH (n:Port {id: 'port:nampho'}) RETURN size(keys(n)) AS n`);
    // the whole view holds every property of the start
    expect(Object.keys(wholeG.nodes[0].props)).toHaveLength(ids[0].n);
  });

  it('without periods: the same nodes (names, confidence, sources) and edges but for their periods', async () => {
    const { DEFAULT_TRAVERSAL_TYPES } = await import('../../src/db/read/traversal');
    const q = { ...around, types: [...DEFAULT_TRAVERSAL_TYPES] };
    const dated = await neighborhood(t.db, q);
    const undated = await neighborhood(t.db, { ...q, periods: false });
    const shown = (g: typeof dated) => ({
      ...g,
      nodes: g.nodes.map((n) => ({ ...n, props: undefined })),
      edges: g.edges.map((e) => ({ ...e, period: null })),
    });
    expect(dated.edges.filter((e) => e.period != null).length).toBeGreaterThan(10);
    // (a designation's date stays: its name shows it, so an edge to it still borrows it)
    expect(undated.edges.filter((e) => e.period != null).length).toBeLessThan(
      dated.edges.filter((e) => e.period != null).length,
    );
    expect(shown(undated)).toEqual(shown(dated));
    // a node without periods holds fewer properties (the leg's departure and arrival days are left out)
    const leg = (g: typeof dated) => g.nodes.find((n) => n.label === 'Leg')!;
    expect(Object.keys(leg(undated).props).length).toBeLessThan(Object.keys(leg(dated).props).length);
  });

  it('without sources: the same nodes and edges but for their sources, with or without periods', async () => {
    const { DEFAULT_TRAVERSAL_TYPES } = await import('../../src/db/read/traversal');
    const q = { ...around, types: [...DEFAULT_TRAVERSAL_TYPES] };
    const all = await neighborhood(t.db, q);
    const unsourced = await neighborhood(t.db, { ...q, sources: false });
    const neither = await neighborhood(t.db, { ...q, sources: false, periods: false });
    const undated = await neighborhood(t.db, { ...q, periods: false });
    const shown = (g: typeof all, periods: boolean) => ({
      ...g,
      nodes: g.nodes.map((n) => ({ ...n, props: undefined, sourceIds: undefined })),
      edges: g.edges.map((e) => ({ ...e, sourceIds: undefined, period: periods ? e.period : null })),
    });
    expect(all.edges.filter((e) => e.sourceIds.length > 0).length).toBeGreaterThan(10);
    expect(all.edges.filter((e) => e.type === 'CLAIMED' && e.sourceIds.length > 0).length).toBeGreaterThan(0);
    expect(unsourced.edges.every((e) => e.sourceIds.length === 0)).toBe(true);
    expect(unsourced.nodes.every((n) => n.sourceIds.length === 0 && n.props.sourceIds === undefined)).toBe(true);
    expect(shown(unsourced, true)).toEqual(shown(all, true));
    expect(shown(neither, false)).toEqual(shown(all, false));
    // with sources and without periods, the sources are those of the whole drawing
    expect(undated.edges.map((e) => e.sourceIds)).toEqual(all.edges.map((e) => e.sourceIds));
  });
});

/** The walk filters of both tests below: the default types, any day, any confidence. */
const WALK = { types: [...DEFAULT_TRAVERSAL_TYPES], at: null, minConfidence: null };

/** A path as it is drawn when it shows these (its nodes' own sources and properties are never drawn). */
const shownPath = (p: ReturnType<typeof toGraphPath>, periods: boolean, sources: boolean) => ({
  ...p,
  sourceIds: sources ? p.sourceIds : [],
  nodes: p.nodes.map((n) => ({ ...n, props: undefined, sourceIds: undefined })),
  edges: p.edges.map((e) => ({
    ...e,
    period: periods ? (e as { period?: unknown }).period : null,
    sourceIds: sources ? e.sourceIds : [],
  })),
});

describe('paths by what they show', () => {
  it('the same paths, lengths and confidences with or without periods and sources; each read when asked', async () => {
    const q = { from: 'vessel:wise-honest', to: 'vessel:dong-thanh', k: 10, maxLength: 6, ...WALK };
    const all = await kShortestPaths(t.db, q);
    expect(all.paths.length).toBeGreaterThan(3);
    const shown = (r: typeof all, periods: boolean, sources: boolean) =>
      r.paths.map((p) => shownPath(p, periods, sources));
    for (const periods of [true, false])
      for (const sources of [true, false]) {
        const r = await kShortestPaths(t.db, { ...q, shown: { periods, sources } });
        expect(shown(r, periods, sources)).toEqual(shown(all, periods, sources));
        if (!sources) expect(r.paths.every((p) => p.sourceIds.length === 0)).toBe(true);
        if (!periods)
          expect(r.paths.flatMap((p) => p.edges).filter((e: any) => e.period != null).length).toBeLessThan(
            all.paths.flatMap((p) => p.edges).filter((e: any) => e.period != null).length,
          );
      }
    expect(all.paths.every((p) => p.sourceIds.length > 0)).toBe(true);
  });
});

describe('common connections by what they show', () => {
  it('the same connections, nodes, paths and confidences with or without periods and sources', async () => {
    const q = { a: 'vessel:wise-honest', b: 'vessel:dong-thanh', maxDepth: 3, limit: 50, ...WALK };
    const all = await commonConnections(t.db, q);
    expect(all.connections.length).toBeGreaterThan(3);
    const shown = (r: typeof all, periods: boolean, sources: boolean) =>
      r.connections.map((c) => ({
        ...c,
        entity: { ...c.entity, props: undefined, sourceIds: undefined },
        fromA: shownPath(c.fromA, periods, sources),
        fromB: shownPath(c.fromB, periods, sources),
      }));
    const edges = (r: typeof all) => r.connections.flatMap((c) => [...c.fromA.edges, ...c.fromB.edges]);
    const dated = (r: typeof all) => edges(r).filter((e: any) => e.period != null).length;
    for (const periods of [true, false])
      for (const sources of [true, false]) {
        const r = await commonConnections(t.db, { ...q, shown: { periods, sources } });
        expect(shown(r, periods, sources)).toEqual(shown(all, periods, sources));
        if (!sources) expect(edges(r).every((e) => e.sourceIds.length === 0)).toBe(true);
        if (!periods) expect(dated(r)).toBeLessThan(dated(all));
      }
    expect(all.connections.every((c) => c.fromA.sourceIds.length > 0 && c.fromB.sourceIds.length > 0)).toBe(true);
  });
});
