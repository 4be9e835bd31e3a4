import path from 'node:path';
import { createRequire } from 'node:module';
import { GraphQLInt, GraphQLInterfaceType, GraphQLResolveInfo } from 'graphql';
import { leanHandlerResolvers, sortParamsOnce, syncArgValidation, syncResolveType } from '../../src/resolverPipeline';
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

describe('leanHandlerResolvers', () => {
  type Resolve = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;
  interface Create {
    createHandlerResolver: (metadata: unknown) => Resolve;
    createAdvancedFieldResolver: (metadata: unknown) => Resolve;
  }
  const typeGraphql = <T>(...file: string[]): T =>
    createRequire(__filename)(path.join(path.dirname(require.resolve('type-graphql')), ...file)) as T;
  const create = () => typeGraphql<Create>('resolvers', 'create.js');
  const build = () =>
    typeGraphql<{ BuildContext: Record<string, unknown> & { reset(): void } }>('schema', 'build-context.js');

  class Input {
    a = 0;
  }
  const seen: unknown[][] = [];
  const instance = {
    method(...values: unknown[]) {
      seen.push(values);
      return 'answer';
    },
  };
  const params = [
    { kind: 'info', index: 2 },
    { kind: 'arg', index: 3, name: 'first', getType: () => GraphQLInt },
    { kind: 'root', index: 0 },
    { kind: 'context', index: 1 },
    { kind: 'arg', index: 4, name: 'ids', getType: () => String },
  ];
  const metadata = (extra: Record<string, unknown> = {}) => ({
    kind: 'external',
    target: class Target {},
    methodName: 'method',
    params,
    middlewares: [],
    ...extra,
  });
  const data = {
    root: { id: 'vessel:a' },
    args: { first: 3, ids: ['x', 'y'] },
    context: { user: 1 },
    info: { fieldName: 'legs' },
  };
  const call = (resolve: Resolve) => resolve(data.root, data.args, data.context, data.info);

  beforeAll(() => leanHandlerResolvers());
  beforeEach(() => {
    seen.length = 0;
    const context = build().BuildContext;
    context.reset();
    context.validate = false;
    context.container = { getInstance: () => instance };
  });
  afterAll(() => build().BuildContext.reset());

  it('calls the method with its parameters in index order, a list argument copied as type-graphql does', () => {
    for (const resolve of [
      create().createHandlerResolver(metadata()),
      create().createAdvancedFieldResolver(metadata()),
    ]) {
      expect(call(resolve)).toBe('answer');
      const [root, context, info, first, ids] = seen.pop()!;
      expect([root, context, info, first]).toEqual([data.root, data.context, data.info, 3]);
      expect(root).toBe(data.root);
      expect(ids).toEqual(['x', 'y']);
      expect(ids).not.toBe(data.args.ids);
    }
  });

  it("keeps type-graphql's resolver where a middleware, roles or an input type need it", async () => {
    const context = build().BuildContext;
    const ran: string[] = [];
    context.globalMiddlewares = [(_: unknown, next: () => Promise<unknown>) => (ran.push('middleware'), next())];
    await expect(call(create().createHandlerResolver(metadata()))).resolves.toBe('answer');
    expect(ran).toEqual(['middleware']);
    context.globalMiddlewares = [];
    context.authChecker = () => (ran.push('auth'), true);
    await expect(call(create().createHandlerResolver(metadata({ roles: ['editor'] })))).resolves.toBe('answer');
    expect(ran).toEqual(['middleware', 'auth']);
    context.authChecker = undefined;
    // an argument of an input class is converted to an instance of it by type-graphql
    const input = [{ kind: 'arg', index: 0, name: 'input', getType: () => Input }];
    await create().createHandlerResolver(metadata({ params: input }))(data.root, { input: { a: 1 } }, {}, {});
    const [converted] = seen.pop()!;
    expect(converted).toBeInstanceOf(Input);
    expect(converted).toEqual({ a: 1 });
  });

  it('is idempotent', () => {
    const before = create().createHandlerResolver;
    leanHandlerResolvers();
    expect(create().createHandlerResolver).toBe(before);
  });
});
