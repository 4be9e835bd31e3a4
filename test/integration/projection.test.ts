/**
 * Lists of legs read only the properties the query selects (db/records.ts LEG_FIELD_PROPS). Every Leg
 * field, selected alone under `vessel { legs }`, must give what the same field gives when the leg is
 * read whole (through `node(id:)`), and the loader must really read less.
 */
import { buildCollierSchema } from '../../src/server';
import { getNamedType, GraphQLObjectType, isLeafType } from 'graphql';
import { startTestService, TestService } from './harness';
import { FIELD_PROPS, LEG_FIELD_PROPS, legPropsFor, RELATION_FIELD_PROPS } from '../../src/db/records';

let t: TestService;
beforeAll(async () => {
  t = await startTestService();
});
afterAll(async () => {
  await t.close();
});

/** A minimal selection of a field: itself if a leaf, else `{ __typename }` plus an id where there is one. */
function selectionOf(type: GraphQLObjectType, name: string): string {
  const field = type.getFields()[name];
  const named = getNamedType(field.type);
  if (isLeafType(named)) return name;
  const sub = named instanceof GraphQLObjectType ? named.getFields() : {};
  const inner = ['id', 'from', 'to', 'min', 'text', 'name'].filter(
    (f) => f in sub && isLeafType(getNamedType(sub[f].type)),
  );
  return `${name} { __typename ${inner.join(' ')} }`;
}

describe('legs read only the selected properties', () => {
  it('maps every field of Leg to the properties it is built from', async () => {
    const schema = await buildCollierSchema();
    const leg = schema.getType('Leg') as GraphQLObjectType;
    expect(Object.keys(leg.getFields()).filter((f) => !(f in LEG_FIELD_PROPS))).toEqual([]);
    expect(legPropsFor(['id'])).toEqual(['id']);
    expect(legPropsFor(['departure', 'vessel'])).toEqual([
      'departureFrom',
      'departurePrecision',
      'departureText',
      'departureTo',
      'id',
      'vesselId',
    ]);
    expect(legPropsFor(['id', 'somethingNew'])).toBeNull();
  });

  it('gives, field by field, what the whole leg gives (Wise Honest and Sky Angel)', async () => {
    const schema = await buildCollierSchema();
    const leg = schema.getType('Leg') as GraphQLObjectType;
    let compared = 0;
    for (const vessel of ['vessel:wise-honest', 'vessel:sky-angel', 'vessel:dong-thanh']) {
      for (const name of Object.keys(leg.getFields())) {
        const sel = selectionOf(leg, name);
        const listed = await t.gql(`query($v: ID!) { vessel(id: $v) { legs { id ${sel} } } }`, { v: vessel });
        expect(listed.errors).toBeUndefined();
        for (const l of listed.data!.vessel.legs) {
          const whole = await t.gql(`query($id: ID!) { node(id: $id) { ... on Leg { id ${sel} } } }`, { id: l.id });
          expect(l).toEqual(whole.data!.node);
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(50);
  });

  it('follows fragments, aliases and interface fragments when choosing what to read', async () => {
    const r = await t.gql(`query { vessel(id: "vessel:wise-honest") {
      legs { ...L a: cargoText ... on Evidenced { confidence } } } }
      fragment L on Leg { departure { from } }`);
    expect(r.errors).toBeUndefined();
    const [first] = r.data!.vessel.legs;
    expect(first.departure.from).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(first.a.length).toBeGreaterThan(0);
    expect(first.confidence).toBeGreaterThan(0);
  });
});

describe('owners, holdings and their targets read only what the selection needs (look-ahead)', () => {
  let whole: TestService;
  beforeAll(async () => {
    // the same graph through loaders that always read whole nodes and relationships
    whole = await startTestService({ seed: 'keep', loaderOptions: { project: false } });
  });
  afterAll(async () => {
    await whole.close();
  });

  it('maps every field of Vessel, Company, Person and PartyRelation to the properties it is built from', async () => {
    const schema = await buildCollierSchema();
    for (const [type, map] of [
      ['Vessel', FIELD_PROPS.Vessel!],
      ['Company', FIELD_PROPS.Company!],
      ['Person', FIELD_PROPS.Person!],
      ['PartyRelation', RELATION_FIELD_PROPS],
    ] as const) {
      const fields = Object.keys((schema.getType(type) as GraphQLObjectType).getFields());
      expect([type, fields.filter((f) => !(f in map))]).toEqual([type, []]);
    }
  });

  it('gives, field by field, what the whole reads give', async () => {
    const schema = await buildCollierSchema();
    const type = (name: string) => schema.getType(name) as GraphQLObjectType;
    const queries: string[] = [];
    for (const name of Object.keys(type('PartyRelation').getFields()))
      queries.push(`parties { id ${selectionOf(type('PartyRelation'), name)} }
        owners { id ${selectionOf(type('PartyRelation'), name)} }`);
    for (const name of Object.keys(type('Vessel').getFields()))
      queries.push(
        `owners(first: 3) { party { holdings(first: 10) { target { id ... on Vessel { ${selectionOf(type('Vessel'), name)} } } } } }`,
      );
    for (const name of Object.keys(type('Company').getFields()))
      queries.push(`parties { party { ... on Company { ${selectionOf(type('Company'), name)} } } }`);
    for (const name of Object.keys(type('Person').getFields()))
      queries.push(`parties { party { ... on Person { ${selectionOf(type('Person'), name)} } } }`);
    let nonEmpty = 0;
    for (const vessel of ['vessel:wise-honest', 'vessel:sky-angel', 'vessel:dong-thanh', 'vessel:rich-glory']) {
      for (const q of queries) {
        const query = `query($v: ID!) { vessel(id: $v) { ${q} } }`;
        const [narrowed, read] = await Promise.all([t.gql(query, { v: vessel }), whole.gql(query, { v: vessel })]);
        expect(narrowed.errors).toBeUndefined();
        expect([query, narrowed.data]).toEqual([query, read.data]);
        if (JSON.stringify(narrowed.data).length > 100) nonEmpty++;
      }
    }
    expect(nonEmpty).toBeGreaterThan(50);
  });

  const statements = (r: { headers: Headers }) => Number(r.headers.get('x-collier-statements'));

  it('reads a tie list and its subtree in one statement (compiled), with the answer the loaders give', async () => {
    const queries = [
      // the bench's nested read, from a list of vessels
      `{ vessels(first: 40) { edges { node { id name owners(first: 3) { party { id name holdings(first: 10) {
        target { ... on Vessel { id name legs(first: 10) { id } } } } } } } } } }`,
      // every tie list, both ends, relation fields, aliases, a cut list of legs and fields left to the loaders
      `{ vessels(first: 40) { edges { node { id
        owners(first: 3) { id type role period { from to precision text } confidence sources { url }
          party { __typename id name kind country { code } designations { authority }
            holdings(first: 3) { type target { __typename id ... on Vessel { name flag { code }
              first: legs(first: 2) { id departure { from } from { name } } all: legs(first: 5) { id cargoText } } } }
            controlledBy(first: 3) { party { id name } target { id } } } }
        managers(first: 3) { type party { id ... on Company { imoCompanyNumber } } target { id } }
        parties(first: 2) { type target { ... on Vessel { id owners(first: 2) { party { id } } } } } } } } }`,
      // a response key selected in two fragments is merged by graphql-js: left to the loaders
      `{ vessels(first: 40) { edges { node { owners(first: 3) { party { ... on Party { h: holdings(first: 5) { id } }
        ... on Company { h: holdings(first: 5) { type } } } } } } } }`,
      // the page's own fields beside a compiled selection, and an empty page (its count still read)
      `{ a: vessels(first: 5) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id
          owners(first: 2) { party { id name } } } } }
        b: vessels(first: 5, filter: { name: "no vessel has this name" }) { totalCount pageInfo { hasNextPage }
          edges { node { id owners { party { id } } } } } }`,
      // \`edges\` under two response keys (the same records twice): the page read as before, lists through the loaders
      `{ vessels(first: 5) { e1: edges { node { id owners(first: 1) { party { id } } } }
        e2: edges { node { owners(first: 2) { type party { name } } } } } }`,
      // a named fragment and @include
      `query($deep: Boolean!) { vessels(first: 40) { edges { node { owners(first: 3) { ...O } } } } }
       fragment O on PartyRelation { id party { holdings(first: 5) @include(if: $deep) { target { id ... on Node { id } } } } }`,
    ];
    for (const query of queries) {
      const variables = { deep: true };
      const [compiled, read] = await Promise.all([t.gql(query, variables), whole.gql(query, variables)]);
      expect(compiled.errors).toBeUndefined();
      expect([query, compiled.data]).toEqual([query, read.data]);
      expect(JSON.stringify(compiled.data)).toEqual(JSON.stringify(read.data));
    }
    // the nested read: the page of vessels with owners → party → holdings → target → legs, one statement
    // a half of the page (db/read/page.ts readInHalves: 40 vessels, nothing else running)
    const nested = await t.gql(queries[0]);
    expect(statements(nested)).toBe(2);
    expect(statements(await whole.gql(queries[0]))).toBe(6);
  });

  it('refuses a bad `first` below a compiled list as the loaders do', async () => {
    const query = `{ vessels(first: 5) { edges { node { owners { party { holdings(first: 0) { id } } } } } } }`;
    const [compiled, read] = await Promise.all([t.gql(query), whole.gql(query)]);
    expect(compiled.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(compiled.errors?.map((e) => e.message)).toEqual(read.errors?.map((e) => e.message));
  });
});
