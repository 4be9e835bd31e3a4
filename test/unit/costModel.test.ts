/** The cost model: caps and work weigh, every alias and fragment spread counts, heavy fields are tallied. */
import 'reflect-metadata';
import { GraphQLSchema, parse } from 'graphql';
import { getComplexity } from 'graphql-query-complexity';
import { buildCollierSchema } from '../../src/server';
import { CostTally, listAwareEstimator } from '../../src/costModel';
import { longestList } from '../../src/operationLimits';

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildCollierSchema();
});

function price(query: string, maxQueryNodes = 100_000): { cost: number; heavy: string[] } {
  const tally: CostTally = { heavy: [] };
  const cost = getComplexity({
    schema,
    query: parse(query),
    variables: {},
    estimators: [listAwareEstimator],
    context: tally,
    maxQueryNodes,
  });
  return { cost, heavy: tally.heavy };
}

/** `levels` fragments, each spreading the one below twice: 2^levels copies of the innermost selection. */
export function fragmentFanOut(levels: number, inner = 'vessels(first: 100) { edges { node { name } } }'): string {
  const fragments = [`fragment F0 on Query { ${inner} }`];
  for (let i = 1; i <= levels; i++) fragments.push(`fragment F${i} on Query { ...F${i - 1} ...F${i - 1} }`);
  return `{ ...F${levels} } ${fragments.join(' ')}`;
}

describe('cost model', () => {
  it('counts a fragment once per spread: the cost doubles with each generated level', () => {
    const costs = [0, 1, 2, 3, 4, 5].map((n) => price(fragmentFanOut(n)).cost);
    for (let i = 1; i < costs.length; i++) expect(costs[i]).toBe(2 * costs[i - 1]);
  });

  it('throws once a fan-out expands past the node limit (the plugin refuses what it cannot price)', () => {
    expect(() => price(fragmentFanOut(16), 5000)).toThrow(/maximum allowed number of nodes/);
  });

  it("weighs a hub's list fields by their page size, default or given", () => {
    const byDefault = price('{ port(id: "port:nampho") { departures { id } } }').cost;
    const small = price('{ port(id: "port:nampho") { departures(first: 5) { id } } }').cost;
    const large = price('{ port(id: "port:nampho") { departures(first: 500) { id } } }').cost;
    expect(small).toBeLessThan(byDefault);
    expect(large).toBeGreaterThan(5 * byDefault);
  });

  it('weighs analytics by work: metric, scope, depth, hops', () => {
    const degree = price('{ centrality(metric: DEGREE, limit: 1) { rank } }').cost;
    const betweenness = price('{ centrality(metric: BETWEENNESS, limit: 1) { rank } }').cost;
    const narrow = price(
      '{ centrality(metric: BETWEENNESS, limit: 1, labels: ["Vessel"], relationshipTypes: ["OWNS"]) { rank } }',
    ).cost;
    expect(betweenness).toBeGreaterThan(4 * degree);
    expect(narrow).toBeLessThan(betweenness);
    const n1 = price('{ neighborhood(id: "vessel:x", depth: 1, limit: 10) { truncated } }').cost;
    const n3 = price('{ neighborhood(id: "vessel:x", depth: 3, limit: 10) { truncated } }').cost;
    expect(n3).toBeGreaterThan(20 * n1);
    const t2 = price('{ traceCargo(origin: "Nampho", maxHops: 2, limit: 10) { id } }').cost;
    const t8 = price('{ traceCargo(origin: "Nampho", maxHops: 8, limit: 10) { id } }').cost;
    expect(t8).toBeGreaterThan(10 * t2);
  });

  it('tallies every heavy field, aliases and spreads included', () => {
    const { heavy } = price(
      '{ a: centrality { rank } b: centrality { rank } ...F } fragment F on Query { clusters { size } exportSubgraph(ids: ["vessel:x"], format: CSV) }',
    );
    expect(heavy.sort()).toEqual(['centrality', 'centrality', 'clusters', 'exportSubgraph']);
  });

  it('finds the longest list among literals and variables', () => {
    const doc = parse('query($o: [CargoOrigin!]) { traceCargo(origin: "x", cargoOrigins: [DPRK, DPRK]) { id } }');
    expect(longestList(doc, {})).toBe(2);
    expect(longestList(doc, { o: Array(5000).fill('DPRK') })).toBe(5000);
    expect(longestList(doc, { input: { nested: { ids: Array(7).fill('x') } } })).toBe(7);
  });
});
