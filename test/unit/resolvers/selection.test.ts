import { GraphQLObjectType, GraphQLSchema, GraphQLString, GraphQLResolveInfo, parse, GraphQLList } from 'graphql';
import { compileQuery, isCompiledQuery } from 'graphql-jit';
import * as resolveInfo from 'graphql-parse-resolve-info';
import { planKey, selectedFieldNames, selectsBelow } from '../../../src/resolvers/selection';

/** A schema whose `items` field hands its resolve info to `record`; an item's `sub` takes an argument. */
function schemaRecording(record: (info: GraphQLResolveInfo) => void): GraphQLSchema {
  const Item: GraphQLObjectType = new GraphQLObjectType({
    name: 'Item',
    fields: () => ({
      id: { type: GraphQLString },
      name: { type: GraphQLString },
      flag: { type: GraphQLString },
      sub: { type: new GraphQLList(Item), args: { first: { type: GraphQLString } }, resolve: () => [] },
    }),
  });
  return new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        items: {
          type: new GraphQLList(Item),
          args: { first: { type: GraphQLString } },
          resolve: (_root: unknown, _args: unknown, _ctx: unknown, info: GraphQLResolveInfo) => {
            record(info);
            return [{ id: 'a', name: 'A', flag: 'x' }];
          },
        },
      },
    }),
  });
}

/** A schema whose `items` field answers the names its query selects below it. */
const schemaSeeing = (seen: string[][]) => schemaRecording((info) => seen.push(selectedFieldNames(info)));
/** A schema whose `items` field answers planKey of its resolution. */
const schemaKeying = (keys: string[]) => schemaRecording((info) => keys.push(planKey(info)));

/** The same document compiled once (as the executor keeps it), run with these variables one request each. */
async function runCompiled(schema: GraphQLSchema, query: string, variables: Record<string, unknown>[]): Promise<void> {
  const compiled = compileQuery(schema, parse(query));
  if (!isCompiledQuery(compiled)) throw new Error('did not compile');
  for (const v of variables) await compiled.query(undefined, {}, { ...v });
}

describe('selectedFieldNames across requests of one compiled document', () => {
  afterEach(() => jest.restoreAllMocks());

  it.each([
    {
      selection: 'without directives',
      query: 'query($x: String) { items { id name } other: items { flag } }',
      perRequest: [['id', 'name'], ['flag']],
      // one parse per field node (two aliases), not one per request
      parses: 2,
    },
    {
      selection: 'whose directives read no variable (the rule of planKey)',
      query: 'query($x: String) { items { id name @include(if: false) } }',
      perRequest: [['id']],
      parses: 1,
    },
    {
      selection: 'whose arguments read variables (only a directive changes what is selected: namesKey)',
      query: 'query($x: String) { items(first: $x) { id ...S } } fragment S on Item { sub(first: $x) { id } }',
      perRequest: [['id', 'sub']],
      parses: 1,
    },
  ])('parses a selection $selection once, whatever the variables', async ({ query, perRequest, parses }) => {
    const parsed = jest.spyOn(resolveInfo, 'parseResolveInfo');
    const seen: string[][] = [];
    await runCompiled(schemaSeeing(seen), query, [{ x: '1' }, { x: '2' }, { x: '3' }]);
    expect(seen).toEqual([...perRequest, ...perRequest, ...perRequest]);
    expect(parsed).toHaveBeenCalledTimes(parses);
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

describe('selectsBelow: a path selected below a field', () => {
  afterEach(() => jest.restoreAllMocks());

  const PATHS = [['sub'], ['sub', 'name'], ['sub', 'sub', 'name'], ['sub', 'sub', 'flag'], ['sub', 'flag'], ['name']];
  const seeingPaths = (seen: string[][]) =>
    schemaRecording((info) =>
      seen.push(PATHS.filter(([first, ...rest]) => selectsBelow(info, first, ...rest)).map((p) => p.join('.'))),
    );

  it('follows aliases, fragments, inline fragments and directives at every step, one parse per field node and directive values', async () => {
    const parsed = jest.spyOn(resolveInfo, 'parseResolveInfo');
    const seen: string[][] = [];
    await runCompiled(
      seeingPaths(seen),
      `query($deep: Boolean!) { items(first: "1") { id s: sub { ...S } sub { flag @skip(if: true) } } }
       fragment S on Item { ... on Item { t: sub @include(if: $deep) { n: name } } }`,
      [{ deep: true }, { deep: false }, { deep: true }],
    );
    expect(seen).toEqual([['sub', 'sub.sub.name'], ['sub'], ['sub', 'sub.sub.name']]);
    expect(parsed).toHaveBeenCalledTimes(2);
  });
});

describe('planKey: what a plan of a selection and its arguments is cached by', () => {
  it('is one key for every request where nothing at or below the field reads a variable', async () => {
    const keys: string[] = [];
    await runCompiled(
      schemaKeying(keys),
      'query($x: String) { items(first: "2") { id sub(first: "3") { id } } other: items { id } }',
      [{ x: '1' }, { x: '2' }],
    );
    expect(keys).toEqual(['', '', '', '']);
  });

  it('is the variable values where the field, a field below it or a directive reads one', async () => {
    const keys: string[] = [];
    await runCompiled(
      schemaKeying(keys),
      'query($n: String, $b: Boolean!) { own: items(first: $n) { id } below: items { ...S } directed: items { id @include(if: $b) } } fragment S on Item { sub(first: $n) { id } }',
      [
        { n: '1', b: true },
        { n: '2', b: false },
      ],
    );
    const first = JSON.stringify({ n: '1', b: true });
    const second = JSON.stringify({ n: '2', b: false });
    expect(keys).toEqual([first, first, first, second, second, second]);
  });
});
