import path from 'node:path';
import { createRequire } from 'node:module';
import { syncArgValidation } from '../../src/resolverPipeline';

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
