import path from 'node:path';
import { createRequire } from 'node:module';
import { GraphQLInterfaceType, GraphQLResolveInfo } from 'graphql';
import { syncArgValidation } from '../../src/resolverPipeline';
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
