import path from 'node:path';
import { createRequire } from 'node:module';
import { GraphQLInterfaceType, GraphQLResolveInfo } from 'graphql';
import { sortParamsOnce, syncArgValidation, syncResolveType } from '../../src/resolverPipeline';
import { buildCollierSchema } from '../../src/server';

type ValidateArg = (
  argValue: unknown,
  argType: unknown,
  resolverData: unknown,
  globalValidate: unknown,
  argValidate: unknown,
  globalFn: unknown,
  argFn: unknown,
) => unknown;

const validateArgModule = (): { validateArg: ValidateArg } =>
  createRequire(__filename)(
    path.join(path.dirname(require.resolve('type-graphql')), 'resolvers', 'validate-arg.js'),
  ) as { validateArg: ValidateArg };

describe('syncArgValidation', () => {
  beforeAll(() => syncArgValidation());

  it('hands an argument over at once where validation would return it unchanged', () => {
    const { validateArg } = validateArgModule();
    expect(validateArg(5, Number, {}, false, undefined, undefined, undefined)).toBe(5);
    const input = { first: 3 };
    expect(validateArg(input, Object, {}, false, undefined, undefined, undefined)).toBe(input);
    expect(validateArg(null, Object, {}, true, undefined, undefined, undefined)).toBeNull();
  });

  it('keeps the original (a Promise) where a validate function runs', async () => {
    const { validateArg } = validateArgModule();
    const seen: unknown[] = [];
    const answer = validateArg({ a: 1 }, Object, {}, false, undefined, (v: unknown) => seen.push(v), undefined);
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).resolves.toEqual({ a: 1 });
    expect(seen).toEqual([{ a: 1 }]);
  });

  it('is idempotent', () => {
    const before = validateArgModule().validateArg;
    syncArgValidation();
    expect(validateArgModule().validateArg).toBe(before);
  });
});

describe('syncResolveType (through trimResolverPipeline, before the schema is built)', () => {
  it('tells the type of a Node, a Party and an Evidenced value at once, not as a Promise', async () => {
    const schema = await buildCollierSchema();
    const resolve = (name: string, value: object) => {
      const type = schema.getType(name) as GraphQLInterfaceType;
      return type.resolveType!(value, {}, {} as GraphQLResolveInfo, type);
    };
    expect(resolve('Node', { id: 'vessel:wise-honest' })).toBe('Vessel');
    expect(resolve('Node', { id: 'leg:x' })).toBe('Leg');
    expect(resolve('Party', { id: 'person:x' })).toBe('Person');
    expect(resolve('Node', { id: 'nothing' })).toBeUndefined();
    expect(resolve('Evidenced', { typename: 'Designation' })).toBe('Designation');
  });
});

type GetResolveType = (
  resolveType: (...args: unknown[]) => unknown,
  possible: { target: unknown; type: { name: string } }[],
) => (...args: unknown[]) => unknown;

const schemaGenerator = (): { getResolveTypeFunction: GetResolveType } =>
  (
    createRequire(__filename)(
      path.join(path.dirname(require.resolve('type-graphql')), 'schema', 'schema-generator.js'),
    ) as { SchemaGenerator: { getResolveTypeFunction: GetResolveType } }
  ).SchemaGenerator;

describe('syncResolveType', () => {
  beforeAll(() => syncResolveType());
  class Company {}
  const possible = [{ target: Company, type: { name: 'Company' } }];

  it('answers a union or interface member at once where the declared resolveType does', () => {
    const resolve = schemaGenerator().getResolveTypeFunction(
      (value) => (value as { typename?: string }).typename,
      possible,
    );
    expect(resolve({ typename: 'Person' })).toBe('Person');
    expect(resolve({})).toBeUndefined();
    // a class is answered by its object type's name, as type-graphql does
    expect(schemaGenerator().getResolveTypeFunction(() => Company, possible)()).toBe('Company');
  });

  it('keeps the Promise where the declared resolveType is async', async () => {
    const answer = schemaGenerator().getResolveTypeFunction(() => Promise.resolve(Company), possible)();
    expect(answer).toBeInstanceOf(Promise);
    await expect(answer).resolves.toBe('Company');
  });

  it('is idempotent', () => {
    const before = schemaGenerator().getResolveTypeFunction;
    syncResolveType();
    expect(schemaGenerator().getResolveTypeFunction).toBe(before);
  });
});

describe('sortParamsOnce', () => {
  type GetParams = (params: unknown[], resolverData: unknown, validate: unknown, validateFn: unknown) => unknown[];
  const helpers = (): { getParams: GetParams } =>
    createRequire(__filename)(path.join(path.dirname(require.resolve('type-graphql')), 'resolvers', 'helpers.js')) as {
      getParams: GetParams;
    };
  beforeAll(() => sortParamsOnce());

  it('hands the parameters over in their index order, as type-graphql does, every call', () => {
    const { getParams } = helpers();
    const params = [
      { kind: 'info', index: 2 },
      { kind: 'context', index: 1 },
      { kind: 'root', index: 0 },
    ];
    const data = { root: { id: 'vessel:a' }, args: {}, context: { user: 1 }, info: { fieldName: 'legs' } };
    const expected = [data.root, data.context, data.info];
    expect(getParams(params, data, false, undefined)).toEqual(expected);
    expect(params.map((p) => p.index)).toEqual([0, 1, 2]);
    // sorted once: the list's own sort now keeps it as it is, and the answer stays the same
    expect(params.sort((a, b) => b.index - a.index).map((p) => p.index)).toEqual([0, 1, 2]);
    expect(getParams(params, data, false, undefined)).toEqual(expected);
  });

  it('is idempotent', () => {
    const before = helpers().getParams;
    sortParamsOnce();
    expect(helpers().getParams).toBe(before);
  });
});
