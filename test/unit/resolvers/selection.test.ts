import { GraphQLObjectType, GraphQLSchema, GraphQLString, GraphQLResolveInfo, parse, GraphQLList } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import * as resolveInfo from 'graphql-parse-resolve-info';
import { selectedFieldNames } from '../../../src/resolvers/selection';

/** A schema whose `items` field answers the names its query selects below it. */
function schemaSeeing(seen: string[][]): GraphQLSchema {
  const Item = new GraphQLObjectType({
    name: 'Item',
    fields: { id: { type: GraphQLString }, name: { type: GraphQLString }, flag: { type: GraphQLString } },
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        items: {
          type: new GraphQLList(Item),
          resolve: (_root: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
            seen.push(selectedFieldNames(info));
            return [{ id: 'a', name: 'A', flag: 'x' }];
          },
        },
      },
    }),
  });
}

/** The same document compiled once (as the executor keeps it), run with these variables one request each. */
async function runCompiled(schema: GraphQLSchema, query: string, variables: Record<string, unknown>[]): Promise<void> {
  const compiled = compileQuery(schema, parse(query));
  if (!isCompiledQuery(compiled)) throw new Error('did not compile');
  for (const v of variables) await compiled.query(undefined, {}, { ...v });
}

describe('selectedFieldNames across requests of one compiled document', () => {
  afterEach(() => jest.restoreAllMocks());

  it('parses a selection without directives once, whatever the variables', async () => {
    const parsed = jest.spyOn(resolveInfo, 'parseResolveInfo');
    const seen: string[][] = [];
    await runCompiled(schemaSeeing(seen), 'query($x: String) { items { id name } other: items { flag } }', [
      { x: '1' },
      { x: '2' },
      { x: '3' },
    ]);
    expect(seen).toEqual([['id', 'name'], ['flag'], ['id', 'name'], ['flag'], ['id', 'name'], ['flag']]);
    // one parse per field node (two aliases), not one per request
    expect(parsed).toHaveBeenCalledTimes(2);
  });

  it('answers by the variables a directive reads, each set parsed once', async () => {
    const parsed = jest.spyOn(resolveInfo, 'parseResolveInfo');
    const seen: string[][] = [];
    await runCompiled(
      schemaSeeing(seen),
      'query($withName: Boolean!) { items { id ...N } } fragment N on Item { name @include(if: $withName) }',
      [{ withName: true }, { withName: false }, { withName: true }, { withName: false }],
    );
    expect(seen).toEqual([['id', 'name'], ['id'], ['id', 'name'], ['id']]);
    expect(parsed).toHaveBeenCalledTimes(2);
  });
});
