/**
 * Link analysis on the demo graph, through HTTP, against a real Neo4j with GDS: neighbourhoods, k
 * shortest paths, common connections, ownership at a date, centrality, clusters, explainable risk and
 * export. Each operation's Cypher statements are counted from the `x-collier-statements` header.
 */
import Graph from 'graphology';
import { parse as parseGexf } from 'graphology-gexf';
import { parse as parseGraphml } from 'graphology-graphml';
import { graphCounts, startTestService, TestService } from './harness';
import { Database, Params, StatementCounter } from '../../src/db/database';
import { centrality, clusters, DEFAULT_NETWORK_TYPES, GdsUnavailableError, NetworkScope } from '../../src/db/read/gds';
import { loadConfig } from '../../src/config';
import { DEFAULT_TRAVERSAL_TYPES } from '../../src/db/read/traversal';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

const statements = (r: { headers: Headers }) => Number(r.headers.get('x-collier-statements'));
const gdsGraphs = async () =>
  (await t.db.read<{ graphName: string }>('CALL gds.graph.list() YIELD graphName RETURN graphName')).map(
    (g) => g.graphName,
  );

const PATH = `length confidence nodes { id label name } edges { id type source target confidence period { from to } sources { url } } sources { url }`;

describe('how Lucky Star and Asia Bridge are connected', () => {
  it('commonConnections includes their operator Weihai Huijiang Trade Ltd, with the path from each', async () => {
    const r = await t.gql(`{
      commonConnections(a: "vessel:lucky-star", b: "vessel:asia-bridge") {
        node { id label name } entity { id ... on Company { name designations { authority } } } distance
        pathFromA { ${PATH} } pathFromB { ${PATH} }
      }
    }`);
    expect(r.errors).toBeUndefined();
    const weihai = r.data!.commonConnections.find((c: any) => c.node.id === 'company:weihai-huijiang-trade');
    expect(weihai).toBeDefined();
    expect(weihai.node).toMatchObject({ label: 'Company', name: 'Weihai Huijiang Trade Ltd' });
    expect(weihai.entity.designations.map((d: any) => d.authority)).toContain('US_OFAC');
    expect(weihai.distance).toBe(2);
    expect(weihai.pathFromA.nodes.map((n: any) => n.id)).toEqual([
      'vessel:lucky-star',
      'company:weihai-huijiang-trade',
    ]);
    expect(weihai.pathFromB.nodes.map((n: any) => n.id)).toEqual([
      'vessel:asia-bridge',
      'company:weihai-huijiang-trade',
    ]);
    for (const p of [weihai.pathFromA, weihai.pathFromB]) {
      expect(p.edges[0]).toMatchObject({ type: 'OPERATES', source: 'company:weihai-huijiang-trade' });
      expect(p.sources.length).toBeGreaterThan(0);
    }
    // the shared entity comes first: nothing is closer
    expect(r.data!.commonConnections[0].node.id).toBe('company:weihai-huijiang-trade');
    expect(statements(r)).toBeLessThanOrEqual(3);
  });

  it('paths between them: the shortest has length 2 through Weihai Huijiang Trade Ltd, with its sources', async () => {
    const r = await t.gql(
      `{ paths(from: "vessel:lucky-star", to: "vessel:asia-bridge", k: 3, maxLength: 4) { ${PATH} } }`,
    );
    expect(r.errors).toBeUndefined();
    const [first] = r.data!.paths;
    expect(first.length).toBe(2);
    expect(first.nodes.map((n: any) => n.id)).toEqual([
      'vessel:lucky-star',
      'company:weihai-huijiang-trade',
      'vessel:asia-bridge',
    ]);
    expect(first.edges.map((e: any) => e.type)).toEqual(['OPERATES', 'OPERATES']);
    expect(first.sources.length).toBeGreaterThan(0);
    expect(first.confidence).toBeGreaterThan(0);
    for (const p of r.data!.paths) expect(p.length).toBeLessThanOrEqual(4);
    const bare = await t.gql(`{ paths(from: "vessel:lucky-star", to: "vessel:asia-bridge") { length } }`);
    expect(statements(bare)).toBe(1);
    expect(statements(r)).toBeLessThanOrEqual(3);
  });

  it('paths read periods and sources only when selected: through fragments the same as the whole answer, without them the rest unchanged', async () => {
    const q = (sel: string, fragments = '') =>
      `{ paths(from: "vessel:wise-honest", to: "vessel:dong-thanh", k: 10, maxLength: 6) { ${sel} } } ${fragments}`;
    const whole = await t.gql(q(PATH));
    const plain = await t.gql(
      q('length confidence nodes { id label name } edges { id type source target confidence }'),
    );
    const through = await t.gql(
      q(
        'length confidence nodes { id label name } edges { id type source target confidence ...E } ...P',
        'fragment E on GraphEdge { period { from to } sources { url } } fragment P on GraphPath { sources { url } }',
      ),
    );
    const edgeSourcesOnly = await t.gql(q('edges { id s: sources { url } }'));
    for (const r of [whole, plain, through, edgeSourcesOnly]) expect(r.errors).toBeUndefined();
    const paths = whole.data!.paths;
    expect(paths.length).toBeGreaterThan(3);
    expect(paths.some((p: any) => p.edges.some((e: any) => e.period != null))).toBe(true);
    expect(paths.every((p: any) => p.sources.length > 0)).toBe(true);
    expect(through.data!.paths).toEqual(paths);
    const bare = (p: any) => ({
      ...p,
      sources: undefined,
      edges: p.edges.map(({ period: _p, sources: _s, ...e }: any) => e),
    });
    expect(plain.data!.paths).toEqual(paths.map(bare));
    expect(edgeSourcesOnly.data!.paths).toEqual(
      paths.map((p: any) => ({ edges: p.edges.map((e: any) => ({ id: e.id, s: e.sources })) })),
    );
  });

  it('commonConnections reads periods and sources only when selected, on either side, through fragments, aliases and @include alike', async () => {
    const args = 'a: "vessel:wise-honest", b: "vessel:dong-thanh", maxDepth: 3, limit: 50';
    const whole = await t.gql(
      `{ commonConnections(${args}) { node { id label name } distance pathFromA { ${PATH} } pathFromB { ${PATH} } } }`,
    );
    expect(whole.errors).toBeUndefined();
    const all = whole.data!.commonConnections;
    expect(all.length).toBeGreaterThan(3);
    const SIDES = ['pathFromA', 'pathFromB'] as const;
    // each side has periods, edges' sources and paths' sources to lose
    for (const side of SIDES) {
      expect(all.some((c: any) => c[side].edges.some((e: any) => e.period != null))).toBe(true);
      expect(all.some((c: any) => c[side].edges.some((e: any) => e.sources.length > 0))).toBe(true);
      expect(all.some((c: any) => c[side].sources.length > 0)).toBe(true);
    }
    type Shows = { period: boolean; edgeSources: boolean; sources: boolean };
    const EDGE = 'id type source target confidence';
    const PATH_BASE = 'length confidence nodes { id label name }';
    // the whole answer cut to what a side selects
    const cut = (p: any, s: Shows) => ({
      ...p,
      sources: s.sources ? p.sources : undefined,
      edges: p.edges.map(({ period, sources, ...e }: any) => ({
        ...e,
        ...(s.period ? { period } : {}),
        ...(s.edgeSources ? { sources } : {}),
      })),
    });
    // an answer through aliases back under the fields' names
    const unalias = (p: any) => ({
      ...p,
      cited: undefined,
      sources: p.cited,
      edges: p.edges.map(({ when, cites, ...e }: any) => ({
        ...e,
        ...(when !== undefined ? { period: when } : {}),
        ...(cites !== undefined ? { sources: cites } : {}),
      })),
    });
    const direct = (side: string, s: Shows) =>
      `${side} { ${PATH_BASE} edges { ${EDGE} ${s.period ? 'period { from to }' : ''} ${s.edgeSources ? 'sources { url }' : ''} } ${s.sources ? 'sources { url }' : ''} }`;
    // the side in a fragment, its period in an inline fragment, its sources in named fragments, all aliased
    const fragments = (side: string, s: Shows) => {
      const x = side.slice(-1);
      const defs = [
        `fragment Side${x} on Connection { ${side} { ${PATH_BASE} edges { ${EDGE} ${s.period ? '... on GraphEdge { when: period { from to } }' : ''} ${s.edgeSources ? `...ES${x}` : ''} } ${s.sources ? `...PS${x}` : ''} } }`,
        s.edgeSources ? `fragment ES${x} on GraphEdge { cites: sources { url } }` : '',
        s.sources ? `fragment PS${x} on GraphPath { cited: sources { url } }` : '',
      ];
      return { spread: `...Side${x}`, defs: defs.join(' ') };
    };
    const included = (side: string) => {
      const x = side.slice(-1);
      return `${side} { ${PATH_BASE} edges { ${EDGE} period @include(if: $p${x}) { from to } sources @include(if: $e${x}) { url } } sources @skip(if: $noS${x}) { url } }`;
    };
    const INCLUDED = `query($pA: Boolean!, $eA: Boolean!, $noSA: Boolean!, $pB: Boolean!, $eB: Boolean!, $noSB: Boolean!) {
      commonConnections(${args}) { node { id label name } distance ${included('pathFromA')} ${included('pathFromB')} } }`;
    const shows: Shows[] = [];
    for (const period of [false, true])
      for (const edgeSources of [false, true])
        for (const sources of [false, true]) shows.push({ period, edgeSources, sources });
    let compared = 0;
    for (const a of shows)
      for (const b of shows) {
        const expected = all.map((c: any) => ({
          node: c.node,
          distance: c.distance,
          pathFromA: cut(c.pathFromA, a),
          pathFromB: cut(c.pathFromB, b),
        }));
        const fa = fragments('pathFromA', a);
        const fb = fragments('pathFromB', b);
        const answers = {
          direct: await t.gql(
            `{ commonConnections(${args}) { node { id label name } distance ${direct('pathFromA', a)} ${direct('pathFromB', b)} } }`,
          ),
          fragments: await t.gql(
            `{ commonConnections(${args}) { node { id label name } distance ${fa.spread} ${fb.spread} } } ${fa.defs} ${fb.defs}`,
          ),
          included: await t.gql(INCLUDED, {
            pA: a.period,
            eA: a.edgeSources,
            noSA: !a.sources,
            pB: b.period,
            eB: b.edgeSources,
            noSB: !b.sources,
          }),
        };
        for (const [how, r] of Object.entries(answers)) {
          expect({ how, a, b, errors: r.errors }).toEqual({ how, a, b, errors: undefined });
          const got = r.data!.commonConnections.map((c: any) =>
            how === 'fragments' ? { ...c, pathFromA: unalias(c.pathFromA), pathFromB: unalias(c.pathFromB) } : c,
          );
          expect({ how, a, b, got }).toEqual({ how, a, b, got: expected });
          // the walk, and one batch of sources when any are shown
          const cited = a.sources || a.edgeSources || b.sources || b.edgeSources;
          expect({ how, a, b, statements: statements(r) }).toEqual({ how, a, b, statements: cited ? 2 : 1 });
          compared++;
        }
      }
    expect(compared).toBe(3 * 64);
  });

  it('paths are the k shortest, simple, shortest first (Wise Honest → Dong Thanh: broker and transfer first)', async () => {
    const r = await t.gql(
      `{ paths(from: "vessel:wise-honest", to: "vessel:dong-thanh", k: 10, maxLength: 6) { length nodes { id } edges { type } } }`,
    );
    expect(r.errors).toBeUndefined();
    const paths = r.data!.paths;
    expect(paths).toHaveLength(10);
    expect(paths.map((p: any) => p.length)).toEqual(
      [...paths.map((p: any) => p.length)].sort((a: number, b: number) => a - b),
    );
    expect(
      paths
        .slice(0, 2)
        .map((p: any) => p.nodes[1].id)
        .sort(),
    ).toEqual(['person:eko-setyamoko', 'transfer:wise-honest:dong-thanh']);
    for (const p of paths) expect(new Set(p.nodes.map((n: any) => n.id)).size).toBe(p.nodes.length);
    expect(statements(r)).toBe(1);
  });

  it('paths with the default types (written in the statement) are those of the same types asked for by name (sent as $types)', async () => {
    const q = (types: string) =>
      `{ paths(from: "vessel:wise-honest", to: "vessel:dong-thanh", k: 10, maxLength: 4${types}) { length nodes { id } edges { id type } } }`;
    const byDefault = await t.gql(q(''));
    // CITED_IN leads only to sources, hubs no path passes through: the same paths, the types sent
    const named = await t.gql(
      q(`, relationshipTypes: [${[...DEFAULT_TRAVERSAL_TYPES, 'CITED_IN'].map((x) => `"${x}"`).join(', ')}]`),
    );
    for (const r of [byDefault, named]) expect(r.errors).toBeUndefined();
    expect(byDefault.data!.paths.length).toBeGreaterThan(3);
    expect(named.data!.paths).toEqual(byDefault.data!.paths);
  });

  it('paths respect the relationship types, the day and the confidence asked for', async () => {
    const onlyOwnership = await t.gql(
      `{ paths(from: "vessel:wise-honest", to: "vessel:dong-thanh", relationshipTypes: ["OWNS", "operates"]) { length } }`,
    );
    expect(onlyOwnership.errors).toBeUndefined();
    expect(onlyOwnership.data!.paths).toEqual([]);
    // the broker tie dates from Nov 2018: not in force on 1 Jan 2018
    const before = await t.gql(
      `{ paths(from: "vessel:wise-honest", to: "vessel:dong-thanh", at: "2018-01-01", k: 10, maxLength: 6) { nodes { id } } }`,
    );
    expect(before.data!.paths.some((p: any) => p.nodes.some((n: any) => n.id === 'person:eko-setyamoko'))).toBe(false);
    // the broker tie is MEDIUM (0.6): gone above 0.7
    const confident = await t.gql(
      `{ paths(from: "vessel:wise-honest", to: "vessel:dong-thanh", minConfidence: 0.7) { nodes { id } edges { confidence } } }`,
    );
    expect(confident.data!.paths.length).toBeGreaterThan(0);
    for (const p of confident.data!.paths) {
      expect(p.nodes.map((n: any) => n.id)).not.toContain('person:eko-setyamoko');
      for (const e of p.edges) if (e.confidence != null) expect(e.confidence).toBeGreaterThanOrEqual(0.7);
    }
  });
});

describe('neighborhood', () => {
  it('draws what is around Lucky Star: operator, owner, designation, leg, ports; no sources or countries by default', async () => {
    const r = await t.gql(
      `{ neighborhood(id: "vessel:lucky-star", depth: 2) { nodes { id label name } edges { id type source target sources { url } } truncated } }`,
    );
    expect(r.errors).toBeUndefined();
    const g = r.data!.neighborhood;
    const ids = g.nodes.map((n: any) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([
        'vessel:lucky-star',
        'company:weihai-huijiang-trade',
        'company:always-smooth',
        'leg:lucky-star:2019-01',
        'port:nampho',
        'vessel:asia-bridge',
      ]),
    );
    expect(g.nodes.some((n: any) => n.label === 'Source' || n.label === 'Country')).toBe(false);
    expect(g.truncated).toBe(false);
    const set = new Set(ids);
    for (const e of g.edges) expect(set.has(e.source) && set.has(e.target)).toBe(true);
    expect(g.edges.find((e: any) => e.type === 'OPERATES').sources.length).toBeGreaterThan(0);
    expect(statements(r)).toBe(2);
  });

  it('reads the periods only when they are selected: the same answer but for them, through a fragment or not', async () => {
    const q = (edge: string, fragment = '') =>
      `query { neighborhood(id: "vessel:lucky-star", depth: 2) { nodes { id label name } edges { ${edge} } truncated } } ${fragment}`;
    const plain = await t.gql(q('id type source target confidence'));
    const dated = await t.gql(
      q('id type source target confidence ...P', 'fragment P on GraphEdge { when: period { from to } }'),
    );
    expect(plain.errors).toBeUndefined();
    expect(dated.errors).toBeUndefined();
    const leg = dated.data!.neighborhood.edges.find((e: any) => e.type === 'FROM');
    expect(leg.when.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    const strip = (g: any) => ({ ...g, edges: g.edges.map(({ when: _when, ...e }: any) => e) });
    expect(strip(dated.data!.neighborhood)).toEqual(plain.data!.neighborhood);
  });

  it('reads the sources only when they are selected: the same answer as with them, but for them', async () => {
    const q = (edge: string, fragment = '') =>
      `query { neighborhood(id: "vessel:lucky-star", depth: 2) { nodes { id label name } edges { ${edge} } truncated } } ${fragment}`;
    const plain = await t.gql(q('id type source target confidence'));
    const whole = await t.gql(q('id type source target confidence period { from to } sources { id url }'));
    const cited = await t.gql(
      q(
        'id type source target confidence ...S',
        'fragment S on GraphEdge { cites: sources { id url } when: period { from } }',
      ),
    );
    for (const r of [plain, whole, cited]) expect(r.errors).toBeUndefined();
    const edges = whole.data!.neighborhood.edges;
    // a CLAIMED edge borrows its claim's sources
    expect(edges.find((e: any) => e.type === 'CLAIMED').sources.length).toBeGreaterThan(0);
    expect(edges.filter((e: any) => e.sources.length > 0).length).toBeGreaterThan(10);
    expect(cited.data!.neighborhood.edges.map((e: any) => e.cites)).toEqual(edges.map((e: any) => e.sources));
    expect(cited.data!.neighborhood.edges.map((e: any) => e.when)).toEqual(
      edges.map((e: any) => e.period && { from: e.period.from }),
    );
    const bare = (g: any) => ({
      ...g,
      edges: g.edges.map(({ period: _p, sources: _s, cites: _c, when: _w, ...e }: any) => e),
    });
    expect(plain.data!.neighborhood).toEqual(bare(whole.data!.neighborhood));
    expect(bare(cited.data!.neighborhood)).toEqual(plain.data!.neighborhood);
  });

  it('never walks through a hub: tactics end a path, they do not join the vessels that used them', async () => {
    const r = await t.gql(
      `{ neighborhood(id: "vessel:lucky-star", depth: 2, relationshipTypes: ["USED"]) { nodes { id } } }`,
    );
    const ids = r.data!.neighborhood.nodes.map((n: any) => n.id);
    expect(ids).toContain('tactic:FRONT_COMPANY');
    expect(ids).not.toContain('vessel:asia-bridge'); // Asia Bridge also used FRONT_COMPANY
  });

  it('follows countries when asked (IN), as ends only', async () => {
    const r = await t.gql(
      `{ neighborhood(id: "company:weihai-huijiang-trade", depth: 3, relationshipTypes: ["IN", "OPERATES"]) { nodes { id } } }`,
    );
    const ids = r.data!.neighborhood.nodes.map((n: any) => n.id);
    expect(ids).toContain('country:CN');
    expect(ids).not.toContain('company:weihai-world-shipping-freight-agency'); // also in China, reachable only through country:CN
  });

  it('as of a day leaves out what had not happened yet (the 2019 leg, the 2020 designations)', async () => {
    const r = await t.gql(
      `{ neighborhood(id: "vessel:lucky-star", depth: 1, at: "2018-06-01") { nodes { id label } } }`,
    );
    const labels = r.data!.neighborhood.nodes.map((n: any) => n.label);
    expect(labels).not.toContain('Leg');
    expect(labels).not.toContain('Designation');
    expect(r.data!.neighborhood.nodes.map((n: any) => n.id)).toContain('company:weihai-huijiang-trade');
  });

  it('keeps the nearest nodes and says so when the limit cuts it short', async () => {
    const r = await t.gql(
      `{ neighborhood(id: "port:nampho", depth: 3, limit: 10) { nodes { id } edges { id } truncated } }`,
    );
    expect(r.data!.neighborhood.nodes).toHaveLength(10);
    expect(r.data!.neighborhood.nodes[0].id).toBe('port:nampho');
    expect(r.data!.neighborhood.truncated).toBe(true);
    expect(statements(r)).toBe(1);
  });
});

describe('ownership', () => {
  const TIE = `depth relation { type role period { from to } sources { url } } party { id name country { code name } } designations { authority status date { from } }`;
  const TREE = `
    vessel { id name } at designated
    owners { ${TIE} } managers { ${TIE} } operators { ${TIE} } otherTies { ${TIE} } chain { ${TIE} }
    parties { depth ultimateParent party { id name } designations { authority } }
    ultimateParents { party { id } }
    designations { depth holder { id name } designation { authority measure date { from } sources { url } } }
    graph { nodes { id label } edges { type source target } truncated }`;

  it('of Xin Guang Hai: Ascending Enterprise Ltd (owner, United Kingdom) and Weihai World-Shipping (manager), UN-designated 30 March 2018', async () => {
    const r = await t.gql(`{ ownership(vesselId: "vessel:xin-guang-hai") { ${TREE} } }`);
    expect(r.errors).toBeUndefined();
    const tree = r.data!.ownership;
    expect(tree.owners).toHaveLength(1);
    expect(tree.owners[0]).toMatchObject({
      depth: 1,
      relation: { type: 'OWNS', role: 'registered owner' },
      party: { name: 'Ascending Enterprise Ltd', country: { code: 'GB', name: 'United Kingdom' } },
    });
    expect(tree.owners[0].relation.sources.length).toBeGreaterThan(0);
    const manager = tree.managers[0];
    expect(manager.party.id).toBe('company:weihai-world-shipping-freight-agency');
    expect(manager.designations).toEqual(
      expect.arrayContaining([{ authority: 'UN_1718_COMMITTEE', status: 'IN_FORCE', date: { from: '2018-03-30' } }]),
    );
    expect(tree.designated).toBe(true);
    expect(tree.designations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          depth: 1,
          holder: { id: 'company:weihai-world-shipping-freight-agency', name: manager.party.name },
          designation: expect.objectContaining({ authority: 'UN_1718_COMMITTEE', date: { from: '2018-03-30' } }),
        }),
        expect.objectContaining({ depth: 0, holder: { id: 'vessel:xin-guang-hai', name: 'Xin Guang Hai' } }),
      ]),
    );
    expect(tree.graph.edges).toHaveLength(2);
    expect(statements(r)).toBeLessThanOrEqual(4);
  });

  it('before the designations, the same tree carries none', async () => {
    const r = await t.gql(
      `{ ownership(vesselId: "vessel:xin-guang-hai", at: "2018-01-15") { at designated managers { party { id } designations { authority } } designations { depth } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.ownership).toMatchObject({ at: '2018-01-15', designated: false, designations: [] });
    expect(r.data!.ownership.managers[0].designations).toEqual([]);
  });

  it('of Wise Honest: the chain goes up from the registered owner to its parent, the last known parent, designated by OFAC', async () => {
    const r = await t.gql(`{ ownership(vesselId: "vessel:wise-honest") { ${TREE} } }`);
    const tree = r.data!.ownership;
    expect(tree.owners[0].party.id).toBe('company:korea-songi-shipping');
    expect(tree.chain).toEqual([
      expect.objectContaining({
        depth: 2,
        relation: expect.objectContaining({ type: 'CONTROLS' }),
        party: expect.objectContaining({ id: 'company:korea-songi-general-trading' }),
      }),
    ]);
    // the broker Eko Setyamoko tops no chain of control: not a parent
    expect(tree.ultimateParents.map((p: any) => p.party.id)).toEqual(['company:korea-songi-general-trading']);
    const parent = tree.parties.find((p: any) => p.party.id === 'company:korea-songi-general-trading');
    expect(parent).toMatchObject({ depth: 1, ultimateParent: true, designations: [{ authority: 'US_OFAC' }] }); // it also operates the vessel
    expect(tree.parties.find((p: any) => p.party.id === 'company:korea-songi-shipping').ultimateParent).toBe(false);
  });

  it('of Kai Xiang in Aug 2017: charterers and the persons behind Ricoh-Union; the charter is over by 2019', async () => {
    const during = await t.gql(
      `{ ownership(vesselId: "vessel:kai-xiang", at: "2017-08-15") { otherTies { relation { type } party { id } } chain { party { id } } } }`,
    );
    const tree = during.data!.ownership;
    expect(tree.otherTies.map((x: any) => x.party.id)).toEqual(
      expect.arrayContaining(['company:ricoh-union', 'person:chiang-kuo-hua', 'company:formosa-plastics-vietnam']),
    );
    expect(tree.chain.map((x: any) => x.party.id).sort()).toEqual(['person:chiang-heng', 'person:chiang-kuo-hua']);
    const after = await t.gql(
      `{ ownership(vesselId: "vessel:kai-xiang", at: "2019-01-01") { otherTies { relation { type } } } }`,
    );
    expect(after.data!.ownership.otherTies.map((x: any) => x.relation.type)).toEqual(['CONSIGNEE_OF']);
  });
});

describe('riskProfile', () => {
  const PROFILE = `vessel { id name } at score level weights { code weight }
    factors { code effect weight strength confidence points reason paths { length nodes { id } edges { type sources { url } } } sources { url } }`;

  let ulJiBong: any;
  let oceanSkipper: any;
  beforeAll(async () => {
    const r = await t.gql(
      `{ a: riskProfile(vesselId: "vessel:ul-ji-bong-6") { ${PROFILE} } b: riskProfile(vesselId: "vessel:ocean-skipper") { ${PROFILE} } }`,
    );
    expect(r.errors).toBeUndefined();
    ulJiBong = r.data!.a;
    oceanSkipper = r.data!.b;
    expect(statements(r)).toBeLessThanOrEqual(4);
  });

  it('scores Ul Ji Bong 6 far above Ocean Skipper', () => {
    expect(ulJiBong.score).toBeGreaterThanOrEqual(50);
    expect(oceanSkipper.score).toBeLessThanOrEqual(10);
    expect(ulJiBong.score - oceanSkipper.score).toBeGreaterThanOrEqual(40);
    expect(['HIGH', 'SEVERE']).toContain(ulJiBong.level);
  });

  it('explains Ul Ji Bong 6: designated itself, DPRK flag, a leg from a DPRK port, transhipment; each factor with its evidence', () => {
    const codes = ulJiBong.factors.map((f: any) => f.code);
    expect(codes).toEqual(expect.arrayContaining(['DESIGNATED', 'DPRK_FLAG', 'DPRK_PORT_LEGS', 'EVASION_TACTICS']));
    for (const f of ulJiBong.factors) {
      expect(f.reason.length).toBeGreaterThan(10);
      expect(f.reason).not.toContain('\n');
      expect(f.paths.length).toBeGreaterThan(0);
      expect(f.sources.length).toBeGreaterThan(0);
      expect(f.points).toBeCloseTo(f.weight * f.strength * f.confidence, 0);
      for (const p of f.paths) expect(p.nodes[0].id).toBe('vessel:ul-ji-bong-6');
    }
    const designated = ulJiBong.factors.find((f: any) => f.code === 'DESIGNATED');
    expect(designated.reason).toMatch(/UN_1718_COMMITTEE .*2017-12-28/);
    expect(designated.paths[0].nodes.map((n: any) => n.id)).toEqual([
      'vessel:ul-ji-bong-6',
      'designation:un:2017-12-28:ul-ji-bong-6',
    ]);
    const legs = ulJiBong.factors.find((f: any) => f.code === 'DPRK_PORT_LEGS');
    expect(legs.paths[0].nodes.map((n: any) => n.id)).toEqual([
      'vessel:ul-ji-bong-6',
      'leg:ul-ji-bong-6:2017-09',
      'port:unspecified-kp',
    ]);
  });

  it('shows that the sources clear Ocean Skipper and that its Rason leg carried exempt Russian coal', () => {
    const cleared = oceanSkipper.factors.find((f: any) => f.code === 'CLEARED_BY_SOURCES');
    expect(cleared).toMatchObject({ effect: 'LOWERS' });
    expect(cleared.points).toBeLessThan(0);
    expect(cleared.sources.length).toBeGreaterThan(0);
    const exempt = oceanSkipper.factors.find((f: any) => f.code === 'EXEMPT_CARGO');
    expect(exempt).toMatchObject({ effect: 'NEUTRALISES', points: 0 });
    expect(exempt.reason).toMatch(/Russian coal/);
    expect(exempt.paths[0].nodes.map((n: any) => n.id)).toEqual([
      'vessel:ocean-skipper',
      'leg:ocean-skipper:2017-01',
      'port:rason',
    ]);
    expect(oceanSkipper.factors.map((f: any) => f.code)).not.toContain('DPRK_PORT_LEGS');
  });

  it('as of a day before its designation and voyage, Ul Ji Bong 6 scores lower', async () => {
    const r = await t.gql(
      `{ riskProfile(vesselId: "vessel:ul-ji-bong-6", at: "2017-06-01") { score factors { code } } }`,
    );
    const codes = r.data!.riskProfile.factors.map((f: any) => f.code);
    expect(codes).not.toContain('DESIGNATED');
    expect(codes).not.toContain('DPRK_PORT_LEGS');
    expect(r.data!.riskProfile.score).toBeLessThan(ulJiBong.score);
  });

  it('finds transfers with DPRK-flagged or designated vessels and designated managers', async () => {
    const r = await t.gql(`{
      dongThanh: riskProfile(vesselId: "vessel:dong-thanh") { factors { code reason paths { nodes { id } } } }
      xgh: riskProfile(vesselId: "vessel:xin-guang-hai") { factors { code reason } }
    }`);
    const transfer = r.data!.dongThanh.factors.find((f: any) => f.code === 'RISKY_TRANSFERS');
    expect(transfer.reason).toMatch(/Wise Honest \(DPRK-flagged, designated\)/);
    expect(transfer.paths[0].nodes.map((n: any) => n.id).slice(0, 3)).toEqual([
      'vessel:dong-thanh',
      'transfer:wise-honest:dong-thanh',
      'vessel:wise-honest',
    ]);
    const manager = r.data!.xgh.factors.find((f: any) => f.code === 'DESIGNATED_CONTROLLER');
    expect(manager.reason).toBe('Managed by designated Weihai World-Shipping Freight Agency Co Ltd.');
  });

  it('reports the weights in effect', () => {
    const weights = Object.fromEntries(ulJiBong.weights.map((w: any) => [w.code, w.weight]));
    expect(weights).toMatchObject({ DESIGNATED: 40, CLEARED_BY_SOURCES: -40, EXEMPT_CARGO: 0 });
  });
});

describe('centrality and clusters (Graph Data Science)', () => {
  // The first GDS call in a fresh JVM loads and compiles much of the plugin (seconds on a busy machine);
  // do that once here, outside the requests under test, so their transaction timeout measures them.
  beforeAll(async () => {
    await t.db.read(`MATCH (s:Country) WITH gds.graph.project('collier-warmup', s, null) AS g
                     CALL gds.betweenness.stream('collier-warmup') YIELD nodeId RETURN count(nodeId) AS n`);
    await t.db.read(`CALL gds.graph.drop('collier-warmup', false) YIELD graphName RETURN graphName`);
  });

  it('ranks vessels, companies and ports by betweenness, highest first, and leaves no projected graph behind', async () => {
    const r = await t.gql(
      `{ centrality(metric: BETWEENNESS, labels: ["Vessel", "Company", "Port"], limit: 15) { rank score designated node { id label name } entity { id } } }`,
    );
    expect(r.errors).toBeUndefined();
    const ranked = r.data!.centrality;
    expect(ranked).toHaveLength(15);
    expect(ranked.map((x: any) => x.rank)).toEqual(Array.from({ length: 15 }, (_, i) => i + 1));
    const scores = ranked.map((x: any) => x.score);
    expect(scores).toEqual([...scores].sort((a: number, b: number) => b - a));
    expect(scores[0]).toBeGreaterThan(0);
    for (const x of ranked) expect(['Vessel', 'Company', 'Port']).toContain(x.node.label);
    expect(ranked.some((x: any) => x.node.label === 'Port')).toBe(true);
    expect(ranked[0].node.id).toBe('port:nampho'); // where the coal leaves from
    expect(ranked.every((x: any) => x.entity.id === x.node.id)).toBe(true);
    expect(await gdsGraphs()).toEqual([]);
    // GDS check (first call only) + the scope counted + projection/stream/drop + entities
    expect(statements(r)).toBeLessThanOrEqual(4);
  });

  it('ranks by degree and PageRank over the scope asked for (a window, a confidence)', async () => {
    const degree = await t.gql(
      `{ centrality(metric: DEGREE, labels: ["Vessel", "Company"], relationshipTypes: ["OWNS", "MANAGES", "OPERATES"], limit: 3) { score node { id } } }`,
    );
    expect(degree.errors).toBeUndefined();
    expect(degree.data!.centrality[0]).toMatchObject({ score: 2 });
    expect(statements(degree)).toBe(2); // the scope counted, then projection/stream/drop
    const pagerank = await t.gql(
      `{ centrality(metric: PAGERANK, window: { from: "2019-01-01", to: "2019-12-31" }, minConfidence: 0.6) { score node { id } } }`,
    );
    expect(pagerank.errors).toBeUndefined();
    expect(pagerank.data!.centrality.length).toBeGreaterThan(0);
    expect(await gdsGraphs()).toEqual([]);
  });

  it('WCC over vessels and companies tied by ownership, management and operation puts Lucky Star, Asia Bridge and Weihai Huijiang Trade in one cluster', async () => {
    const r = await t.gql(`{
      clusters(algorithm: WCC, labels: ["Vessel", "Company"], relationshipTypes: ["OWNS", "MANAGES", "OPERATES"]) {
        key rank size designatedCount truncated members { node { id label name } designated }
      }
    }`);
    expect(r.errors).toBeUndefined();
    const list = r.data!.clusters;
    const withLucky = list.find((c: any) => c.members.some((m: any) => m.node.id === 'vessel:lucky-star'));
    const ids = withLucky.members.map((m: any) => m.node.id);
    expect(ids).toEqual(
      expect.arrayContaining(['vessel:lucky-star', 'vessel:asia-bridge', 'company:weihai-huijiang-trade']),
    );
    expect(withLucky.size).toBe(ids.length);
    expect(withLucky.rank).toBe(1);
    expect(withLucky.designatedCount).toBe(5);
    for (const c of list) expect(c.size).toBeGreaterThanOrEqual(2);
    // Xin Guang Hai with its owner and manager is a cluster of its own
    const xgh = list.find((c: any) => c.members.some((m: any) => m.node.id === 'vessel:xin-guang-hai'));
    expect(xgh.members.map((m: any) => m.node.id).sort()).toEqual([
      'company:ascending-enterprise',
      'company:weihai-world-shipping-freight-agency',
      'vessel:xin-guang-hai',
    ]);
    expect(statements(r)).toBe(2);
    expect(await gdsGraphs()).toEqual([]);
  });

  it('Louvain finds communities; minSize and limit apply', async () => {
    const r = await t.gql(`{ clusters(algorithm: LOUVAIN, minSize: 3, limit: 4) { size members { node { id } } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.clusters.length).toBeGreaterThan(0);
    expect(r.data!.clusters.length).toBeLessThanOrEqual(4);
    for (const c of r.data!.clusters) expect(c.size).toBeGreaterThanOrEqual(3);
  });

  it('leaves no projected graph behind under concurrent calls', async () => {
    const calls = await Promise.all([
      t.gql(`{ centrality(metric: BETWEENNESS) { node { id } score } }`),
      t.gql(`{ centrality(metric: BETWEENNESS) { node { id } score } }`),
    ]);
    for (const c of calls) expect(c.errors).toBeUndefined();
    expect(calls[0].data!.centrality).toEqual(calls[1].data!.centrality);
    expect(await gdsGraphs()).toEqual([]);
  });

  it('an empty scope gives an empty answer', async () => {
    const r = await t.gql(`{ centrality(labels: ["Vessel"], minConfidence: 1) { node { id } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.centrality).toEqual([]);
    expect(await gdsGraphs()).toEqual([]);
  });

  it('drops the projected graph in its finally when the statement fails after projecting', async () => {
    class FailingAfterProjection extends Database {
      override async read<T>(cypher: string, params: Params = {}, counter?: StatementCounter): Promise<T[]> {
        if (cypher.includes('gds.graph.project(')) {
          await super.read(`CALL gds.graph.project($graph, 'Vessel', '*') YIELD graphName RETURN graphName`, {
            graph: params.graph,
          });
          expect(await gdsGraphs()).toEqual([params.graph]);
          throw new Error('the statement failed after projecting');
        }
        return super.read<T>(cypher, params, counter);
      }
    }
    const db = new FailingAfterProjection(t.db.driver, {
      timeoutMs: loadConfig({ NODE_ENV: 'test' }).neo4j.queryTimeoutMs,
    });
    const scope: NetworkScope = {
      labels: ['Vessel'],
      types: DEFAULT_NETWORK_TYPES,
      windowFrom: null,
      windowTo: null,
      minConfidence: null,
    };
    await expect(centrality(db, 'DEGREE', scope, 5)).rejects.toThrow('the statement failed after projecting');
    expect(await gdsGraphs()).toEqual([]);
  });

  it('fails clearly, naming what is missing, where Neo4j has no GDS', async () => {
    class NoGds extends Database {
      override async read<T>(cypher: string, params: Params = {}, counter?: StatementCounter): Promise<T[]> {
        if (cypher.startsWith('SHOW PROCEDURES')) {
          if (counter) counter.count++;
          return []; // a Neo4j without the plugin lists no gds.* procedures
        }
        return super.read<T>(cypher, params, counter);
      }
    }
    const db = new NoGds(t.db.driver, { timeoutMs: 5000 });
    const scope: NetworkScope = {
      labels: ['Vessel'],
      types: DEFAULT_NETWORK_TYPES,
      windowFrom: null,
      windowTo: null,
      minConfidence: null,
    };
    const counter = new StatementCounter();
    const error = await centrality(db, 'BETWEENNESS', scope, 5, counter).catch((e) => e);
    expect(error).toBeInstanceOf(GdsUnavailableError);
    expect(error.missing).toEqual(['gds.graph.drop', 'gds.betweenness.stream']);
    expect(error.message).toMatch(/Graph Data Science.*gds\.graph\.drop, gds\.betweenness\.stream are not installed/);
    await expect(clusters(db, 'LOUVAIN', scope, 2, 5, counter)).rejects.toThrow(/gds\.louvain\.stream/);
    expect(counter.count).toBe(1); // checked once per database, then cached
  });
});

describe('exportSubgraph', () => {
  it('writes GEXF that graphology (as Gephi) reads back: the neighbourhood of Lucky Star and Asia Bridge', async () => {
    const r = await t.gql(
      `{ exportSubgraph(ids: ["vessel:lucky-star", "vessel:asia-bridge"], depth: 1, format: GEXF) }`,
    );
    expect(r.errors).toBeUndefined();
    const g = parseGexf(Graph, r.data!.exportSubgraph);
    expect(g.hasNode('company:weihai-huijiang-trade')).toBe(true);
    expect(g.getNodeAttributes('vessel:lucky-star')).toMatchObject({ label: 'Lucky Star', kind: 'Vessel' });
    expect(g.size).toBeGreaterThan(0);
    const operates = g
      .edges()
      .map((e) => g.getEdgeAttributes(e))
      .filter((a) => a.label === 'OPERATES');
    expect(operates).toHaveLength(2);
    expect(String(operates[0].sources)).toMatch(/^source:/);
    expect(statements(r)).toBe(1);
  });

  it('writes GraphML with typed keys and CSV with a nodes and an edges table', async () => {
    const graphml = await t.gql(`{ exportSubgraph(ids: ["vessel:xin-guang-hai"], depth: 2, format: GRAPHML) }`);
    const g = parseGraphml(Graph, graphml.data!.exportSubgraph);
    expect(g.getNodeAttributes('company:ascending-enterprise')).toMatchObject({
      label: 'Ascending Enterprise Ltd',
      countryCode: 'GB',
    });
    const csv = await t.gql(`{ exportSubgraph(ids: ["vessel:xin-guang-hai"], depth: 0, format: CSV) }`);
    const text: string = csv.data!.exportSubgraph;
    expect(text.startsWith('# nodes\nId,Label,kind,confidence,sources')).toBe(true);
    const [nodes, edges] = text.split('\n# edges\n');
    expect(nodes.trim().split('\n')).toHaveLength(3); // marker, header, the vessel
    expect(edges.trim().split('\n')).toHaveLength(1); // header only: depth 0, one node
  });
});

describe('bad input changes nothing', () => {
  it.each([
    [
      'an unknown relationship type',
      `{ neighborhood(id: "vessel:lucky-star", relationshipTypes: ["OWNS", "OWNS) DETACH DELETE n //"]) { truncated } }`,
      'relationshipTypes',
    ],
    ['depth over the cap', `{ neighborhood(id: "vessel:lucky-star", depth: 4) { truncated } }`, 'depth'],
    ['limit over the cap', `{ neighborhood(id: "vessel:lucky-star", limit: 2001) { truncated } }`, 'limit'],
    ['a day that is not a date', `{ neighborhood(id: "vessel:lucky-star", at: "2019-02-30") { truncated } }`, 'at'],
    [
      'a confidence over 1',
      `{ neighborhood(id: "vessel:lucky-star", minConfidence: 1.5) { truncated } }`,
      'minConfidence',
    ],
    ['a malformed id', `{ neighborhood(id: "lucky star") { truncated } }`, 'id'],
    ['k over the cap', `{ paths(from: "vessel:lucky-star", to: "vessel:asia-bridge", k: 11) { length } }`, 'k'],
    [
      'maxLength over the cap',
      `{ paths(from: "vessel:lucky-star", to: "vessel:asia-bridge", maxLength: 7) { length } }`,
      'maxLength',
    ],
    ['the same entity twice', `{ paths(from: "vessel:lucky-star", to: "vessel:lucky-star") { length } }`, 'to'],
    [
      'maxDepth over the cap',
      `{ commonConnections(a: "vessel:lucky-star", b: "vessel:asia-bridge", maxDepth: 4) { distance } }`,
      'maxDepth',
    ],
    ['an unknown label', `{ centrality(labels: ["Vessel", "Ship"]) { score } }`, 'labels'],
    [
      'an unknown network type',
      `{ clusters(relationshipTypes: ["OWNS", "SISTER_SHIP"]) { size } }`,
      'relationshipTypes',
    ],
    [
      'a window the wrong way round',
      `{ clusters(window: { from: "2020-01-01", to: "2019-01-01" }) { size } }`,
      'window',
    ],
    ['centrality limit over the cap', `{ centrality(limit: 201) { score } }`, 'limit'],
    ['a company id for a vessel', `{ riskProfile(vesselId: "company:weihai-huijiang-trade") { score } }`, 'vesselId'],
    ['export depth over the cap', `{ exportSubgraph(ids: ["vessel:lucky-star"], depth: 4, format: CSV) }`, 'depth'],
    ['export without ids', `{ exportSubgraph(ids: [], format: CSV) }`, 'ids'],
  ])('%s → BAD_USER_INPUT naming the argument, no statement run', async (_what, query, argument) => {
    const before = await graphCounts(t.db);
    const r = await t.gql(query);
    expect(r.errors![0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argumentName: argument });
    expect(statements(r)).toBe(0);
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it.each([
    ['neighborhood', `{ neighborhood(id: "vessel:flying-dutchman") { truncated } }`],
    ['paths', `{ paths(from: "vessel:lucky-star", to: "company:nobody") { length } }`],
    ['commonConnections', `{ commonConnections(a: "vessel:nobody", b: "vessel:asia-bridge") { distance } }`],
    ['ownership', `{ ownership(vesselId: "vessel:flying-dutchman") { designated } }`],
    ['riskProfile', `{ riskProfile(vesselId: "vessel:flying-dutchman") { score } }`],
    ['exportSubgraph', `{ exportSubgraph(ids: ["vessel:lucky-star", "vessel:flying-dutchman"], format: GEXF) }`],
  ])('an unknown id → NOT_FOUND from %s, in one statement', async (_op, query) => {
    const before = await graphCounts(t.db);
    const r = await t.gql(query);
    expect(r.errors![0].extensions!.code).toBe('NOT_FOUND');
    expect(statements(r)).toBe(1);
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('a relationship type is matched to the model spelling, whatever its case', async () => {
    const r = await t.gql(
      `{ neighborhood(id: "vessel:lucky-star", relationshipTypes: ["operates"]) { nodes { id } } }`,
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.neighborhood.nodes.map((n: any) => n.id).sort()).toEqual([
      'company:weihai-huijiang-trade',
      'vessel:lucky-star',
    ]);
  });
});

describe('Cypher statements per operation (x-collier-statements)', () => {
  beforeAll(async () => {
    await t.gql(`{ centrality(limit: 1) { score } }`); // the GDS check runs once per database; cached from here on
  });

  it.each([
    [
      'neighborhood',
      `{ neighborhood(id: "vessel:lucky-star", depth: 3) { nodes { id } edges { id type } truncated } }`,
      1,
    ],
    [
      'neighborhood + edge sources',
      `{ neighborhood(id: "vessel:lucky-star", depth: 3) { edges { sources { url } } } }`,
      2,
    ],
    [
      'paths',
      `{ paths(from: "vessel:wise-honest", to: "vessel:dong-thanh", k: 10, maxLength: 6) { length nodes { id } edges { type } } }`,
      1,
    ],
    [
      'paths + path and edge sources (one batch)',
      `{ paths(from: "vessel:wise-honest", to: "vessel:dong-thanh", k: 10, maxLength: 6) { sources { url } edges { sources { url } } } }`,
      2,
    ],
    [
      'commonConnections',
      `{ commonConnections(a: "vessel:lucky-star", b: "vessel:asia-bridge", maxDepth: 3) { node { id } distance pathFromA { length } pathFromB { length } } }`,
      1,
    ],
    [
      'commonConnections + entities',
      `{ commonConnections(a: "vessel:lucky-star", b: "vessel:asia-bridge", maxDepth: 3) { entity { id } } }`,
      2,
    ],
    [
      'ownership',
      `{ ownership(vesselId: "vessel:wise-honest") { designated owners { party { name } designations { authority } } chain { depth } } }`,
      1,
    ],
    [
      'ownership + countries and sources (one batch)',
      `{ ownership(vesselId: "vessel:wise-honest") { owners { party { country { code } } relation { sources { url } } } } }`,
      2,
    ],
    // a network measure: the scope counted (refused over its bound), then projection/stream/drop
    ['centrality', `{ centrality(metric: PAGERANK) { rank score node { id name } } }`, 2],
    ['centrality + entities', `{ centrality(metric: DEGREE) { entity { id } } }`, 3],
    ['clusters', `{ clusters(algorithm: WCC) { key size members { node { id } } } }`, 2],
    [
      'riskProfile',
      `{ riskProfile(vesselId: "vessel:wise-honest") { score level factors { code points reason paths { nodes { id } } } } }`,
      1,
    ],
    ['riskProfile + sources', `{ riskProfile(vesselId: "vessel:wise-honest") { factors { sources { url } } } }`, 2],
    [
      'exportSubgraph',
      `{ exportSubgraph(ids: ["vessel:lucky-star", "vessel:asia-bridge", "port:nampho"], depth: 2, format: GRAPHML) }`,
      1,
    ],
  ])('%s', async (_op, query, expected) => {
    const r = await t.gql(query);
    expect(r.errors).toBeUndefined();
    expect(statements(r)).toBe(expected);
  });
});
