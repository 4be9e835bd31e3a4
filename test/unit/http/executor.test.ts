import { ApolloServer } from '@apollo/server';
import {
  getIntrospectionQuery,
  GraphQLError,
  GraphQLInt,
  GraphQLList,
  GraphQLNonNull,
  GraphQLObjectType,
  GraphQLSchema,
  GraphQLString,
  GraphQLUnionType,
} from 'graphql';
import { executorKind, jitGateway } from '../../../src/http/executor';

/** A schema with what the executor must answer exactly as graphql-js: unions, lists, field errors, null bubbling, arguments, a mutation. */
function testSchema(calls: string[]): GraphQLSchema {
  const Vessel = new GraphQLObjectType({
    name: 'Vessel',
    fields: { id: { type: new GraphQLNonNull(GraphQLString) }, name: { type: GraphQLString } },
  });
  const Company = new GraphQLObjectType({
    name: 'Company',
    fields: {
      id: { type: new GraphQLNonNull(GraphQLString) },
      // a non-null field that fails: the error bubbles to the nearest nullable parent
      country: {
        type: new GraphQLNonNull(GraphQLString),
        resolve: () => {
          throw new Error('no country here');
        },
      },
    },
  });
  const Party = new GraphQLUnionType({
    name: 'Party',
    types: [Vessel, Company],
    resolveType: (value: { id: string }) => (value.id.startsWith('vessel:') ? 'Vessel' : 'Company'),
  });
  const items = [{ id: 'vessel:1', name: 'One' }, { id: 'company:2' }, { id: 'vessel:3', name: null }];
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        parties: {
          type: new GraphQLList(Party),
          args: { first: { type: GraphQLInt } },
          resolve: (_root, { first }: { first?: number }) => {
            calls.push('parties');
            return Promise.resolve(items.slice(0, first ?? items.length));
          },
        },
        refused: {
          type: GraphQLString,
          resolve: () => {
            throw new GraphQLError('Not for you.', { extensions: { code: 'FORBIDDEN' } });
          },
        },
        broken: {
          type: GraphQLString,
          resolve: () => {
            throw new Error('a secret path /srv/collier');
          },
        },
      },
    }),
    mutation: new GraphQLObjectType({
      name: 'Mutation',
      fields: { touch: { type: GraphQLInt, resolve: () => (calls.push('touch'), 1) } },
    }),
  });
}

const QUERIES: [string, Record<string, unknown>?][] = [
  [
    'query P($first: Int) { parties(first: $first) { __typename ... on Vessel { id name } ... on Company { id } } }',
    { first: 2 },
  ],
  ['{ parties { ... on Company { id country } } }'],
  ['{ refused broken parties { __typename } }'],
  ['query P($first: Int) { parties(first: $first) { __typename } }', { first: 'two' }],
  ['mutation { touch }'],
  [getIntrospectionQuery()],
];

async function answers(server: ApolloServer): Promise<string[]> {
  await server.start();
  const out: string[] = [];
  for (const [query, variables] of QUERIES) {
    const res = await server.executeOperation({ query, variables });
    out.push(JSON.stringify({ status: res.http.status, body: res.body }));
  }
  await server.stop();
  return out;
}

describe('the graphql-jit executor behind Apollo Server', () => {
  const formatError = (formatted: { message: string; extensions?: Record<string, unknown> }) =>
    formatted.extensions?.code === 'INTERNAL_SERVER_ERROR'
      ? { ...formatted, message: 'Internal server error' }
      : formatted;

  it('answers exactly as graphql-js: data, errors and their codes, null bubbling, variables, mutations, introspection', async () => {
    const jsCalls: string[] = [];
    const jitCalls: string[] = [];
    const js = await answers(new ApolloServer({ schema: testSchema(jsCalls), formatError }));
    const jit = await answers(new ApolloServer({ gateway: jitGateway(testSchema(jitCalls)), formatError }));
    expect(jit).toEqual(js);
    expect(jitCalls).toEqual(jsCalls);
    // the field error is masked by formatError and carries its code; the user's error keeps its own
    expect(jit[2]).toContain('"FORBIDDEN"');
    expect(jit[2]).toContain('Internal server error');
    expect(jit[2]).not.toContain('/srv/collier');
  });

  it('runs graphql-jit unless told otherwise or traced', () => {
    expect(executorKind({})).toBe('jit');
    expect(executorKind({ COLLIER_EXECUTOR: 'graphql-js' })).toBe('graphql-js');
    expect(executorKind({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:4318' })).toBe('graphql-js');
  });
});
