import { ApolloServer, HeaderMap } from '@apollo/server';
import {
  getOperationAST,
  GraphQLBoolean,
  GraphQLEnumType,
  GraphQLFloat,
  GraphQLID,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLScalarType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
  parse,
} from 'graphql';
import * as answerJson from '../../../src/http/answerJson';
import { jitGateway } from '../../../src/http/executor';

/** Values JSON.stringify writes in its own way: escapes, lone surrogates, unicode, -0, floats, nulls. */
const NAMES = [
  'Plain',
  'quote " and \\ backslash',
  'tab\tnew\nline\u0001',
  'lone \ud800 surrogate',
  'ünï 😀 \u2028',
  '',
];

function testSchema(): GraphQLSchema {
  const Status = new GraphQLEnumType({
    name: 'Status',
    values: { ACTIVE: { value: 'active' }, GONE: { value: 'gone' } },
  });
  const Stamp = new GraphQLScalarType({ name: 'Stamp', serialize: (v) => ({ at: v }) });
  const Company: GraphQLObjectType = new GraphQLObjectType({
    name: 'Company',
    fields: () => ({
      id: { type: new GraphQLNonNull(GraphQLID) },
      name: { type: GraphQLString },
      parent: { type: Company, resolve: () => ({ id: 'company:0', name: 'Parent' }) },
    }),
  });
  const Vessel = new GraphQLObjectType({
    name: 'Vessel',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLID) },
      name: { type: GraphQLString },
      tonnage: { type: GraphQLFloat },
      built: { type: GraphQLInt },
      designated: { type: GraphQLBoolean },
      status: { type: Status },
      stamp: { type: Stamp, resolve: () => 7 },
      tags: { type: new GraphQLList(GraphQLString) },
      flaggedBy: { type: Company, resolve: () => ({ id: 'company:9', name: 'Flag' }) },
    },
  });
  const Party = new GraphQLUnionType({
    name: 'Party',
    types: [Vessel, Company],
    resolveType: (value: { id: string }) => (value.id.startsWith('vessel:') ? 'Vessel' : 'Company'),
  });
  const items = NAMES.map((name, i) =>
    i % 2
      ? { id: `company:${i}`, name }
      : {
          id: `vessel:${i}`,
          name: i === 4 ? null : name,
          tonnage: [0.1 + 0.2, -0, 1e21][i / 2],
          built: i * 1000,
          designated: i === 0,
          status: i === 2 ? 'gone' : 'active',
          tags: i === 0 ? [name, null] : null,
        },
  );
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        parties: { type: new GraphQLNonNull(new GraphQLList(Party)), resolve: () => Promise.resolve([...items, null]) },
        count: { type: GraphQLInt, resolve: () => items.length },
      },
    }),
  });
}

const SAME_ORDER = `{ count parties { __typename ... on Vessel { id name tonnage built designated status tags } ... on Company { id name } } }`;
const FRAGMENTS = `query Q { parties { ...V ... on Company { id n: name } } } fragment V on Vessel { id n: name status }`;
const OTHER_ORDER = `{ parties { ... on Company { id name } ... on Vessel { name id } } }`;
const DIRECTIVE = `query D($b: Boolean!) { parties { ... on Vessel { id name @include(if: $b) } } }`;
const CUSTOM_SCALAR = `{ parties { ... on Vessel { id stamp } } }`;
/** A key of one shape on one type and another on the other (an object with other keys). */
const MIXED_SHAPES = `{ parties { ... on Vessel { id rel: flaggedBy { id } } ... on Company { id rel: parent { name } } } }`;

async function bodies(server: ApolloServer, queries: [string, Record<string, unknown>?][]): Promise<string[]> {
  await server.start();
  const out: string[] = [];
  for (const [query, variables] of queries) {
    const res = await server.executeHTTPGraphQLRequest({
      httpGraphQLRequest: {
        method: 'POST',
        headers: new HeaderMap([['content-type', 'application/json']]),
        search: '',
        body: variables ? { query, variables } : { query },
      },
      context: () => Promise.resolve({}),
    });
    if (res.body.kind !== 'complete') throw new Error('not a complete body');
    out.push(res.body.string);
  }
  await server.stop();
  return out;
}

describe("answers written by graphql-jit's compiled serializer", () => {
  afterEach(() => jest.restoreAllMocks());

  it('takes only documents whose every answer it writes as JSON.stringify does', () => {
    const schema = testSchema();
    const decide = (query: string) => {
      const document = parse(query);
      return answerJson.serializable(schema, document, getOperationAST(document)!);
    };
    expect(decide(SAME_ORDER)).toBe(true);
    expect(decide(FRAGMENTS)).toBe(true);
    // a type whose keys come in another order than the merged schema's, a directive, a custom scalar, keys of two shapes
    expect(decide(OTHER_ORDER)).toBe(false);
    expect(decide(DIRECTIVE)).toBe(false);
    expect(decide(CUSTOM_SCALAR)).toBe(false);
    expect(decide(MIXED_SHAPES)).toBe(false);
  });

  it('writes the bytes Apollo writes with JSON.stringify, for every document, through the compiled serializer where it applies', async () => {
    const written = jest.spyOn(answerJson, 'answeredWith');
    const queries: [string, Record<string, unknown>?][] = [
      [SAME_ORDER],
      [FRAGMENTS],
      [OTHER_ORDER],
      [DIRECTIVE, { b: true }],
      [CUSTOM_SCALAR],
      [MIXED_SHAPES],
      [SAME_ORDER], // the compiled document again
    ];
    const js = await bodies(new ApolloServer({ schema: testSchema() }), queries);
    const jit = await bodies(
      new ApolloServer({ gateway: jitGateway(testSchema()), stringifyResult: answerJson.stringifyResult }),
      queries,
    );
    expect(jit).toEqual(js);
    expect(js[0]).toContain('\\ud800');
    expect(js[0]).toContain('"tonnage":0,');
    // the serializable documents (SAME_ORDER twice, FRAGMENTS) went through the compiled serializer
    expect(written).toHaveBeenCalledTimes(3);
  });
});
