/**
 * What type-graphql does for each field it resolves, trimmed to what Collier uses (issue 14; the profile
 * and figures are in docs/performance.md). Applied to the decorators' metadata before the schema is
 * built (src/server.ts buildCollierSchema); every resolver, decorator and answer stays the same.
 *
 * - **Plain fields resolve as graphql-js's default resolver does.** type-graphql wraps every `@Field`
 *   of an object type in a resolver that builds a `{ root, args, context, info }` object and runs the
 *   (empty) middleware chain before reading `root[name]`: once per field per object, i.e. tens of
 *   thousands of calls for one nested answer. A field with no `@Authorized` roles, no middleware and its
 *   own name in the schema is marked `simple` (type-graphql's own option), so graphql-js reads the
 *   property directly. Fields with roles or middlewares keep the wrapper.
 * - **`@Root()` hands the resolver the record as it is.** With a class-typed root parameter
 *   (`@Root() v: Vessel`) type-graphql copies the parent record into a new instance of the class on
 *   every field-resolver call (`new Vessel()`, a pass over its keys, `Object.assign`). The records are
 *   plain objects built in src/db/records.ts, and the classes in src/schema declare fields only (no
 *   methods, getters or initialisers), so the instance held exactly the record's values: the copy is
 *   dropped.
 * - **Arguments are handed over synchronously when nothing validates them.** type-graphql passes every
 *   `@Arg`/`@Args` value through an `async` validateArg, even with validation off (Collier's
 *   `validate: false`), so every field with an argument (`legs(first:)` on each of 841 vessels of a
 *   nested answer) resolves through a Promise.all and two microtask hops, and graphql-js completes
 *   its object as a promise. `syncArgValidation` answers the value at once in exactly the cases where
 *   the original returns it unchanged (no validate function, validation off or not an object), and
 *   calls the original otherwise.
 * - **Abstract types resolve synchronously when their `resolveType` does.** type-graphql wraps every
 *   union's and interface's `resolveType` in an `async` function, so graphql-js awaits a Promise for each
 *   union or interface value, and graphql-jit (src/http/executor.ts), which takes the type's name as
 *   the function answers it, cannot resolve it at all. `syncResolveType` answers the same name, at once
 *   where the declared function answers at once, through the Promise otherwise.
 * - **A resolver's parameters are sorted once.** type-graphql's `getParams` sorts the resolver's parameter
 *   list (`params.sort(byIndex)`, in place) on every call: V8 copies the array to sort it, 1.6 MB of
 *   garbage for one nested answer (≈ 1,800 field-resolver calls; session nested7). `sortParamsOnce`
 *   sorts each list the first time it is asked and gives it a `sort` that keeps it as it is.
 * - **Resolver instances come from a Map** (`container`), not from type-graphql's default container,
 *   which looks the class up in an array on every call.
 * - **A resolver method is called with its parameters, nothing around it.** For each `@Query` and
 *   `@FieldResolver` call type-graphql's `createHandlerResolver` builds a `{ root, args, context,
 *   info }` object, runs the (empty) middleware chain, maps the parameter list through `getParams` (a
 *   closure a parameter, `convertArgToInstance` and `validateArg` for each argument, a `some` over the
 *   values) and applies the method: ≈ 1,800 times for one nested answer (the 841 holdings' `target` and
 *   `legs`; docs/performance.md "Session nested8"). `leanHandlerResolvers` calls the method directly with
 *   the same values where that is all the wrapper would do: no middleware (global or the resolver's), no
 *   `@Authorized` roles, parameters that are the root as it is, the context, the info or an argument of a
 *   scalar type that is not validated (the value as graphql-js coerced it; a list copied, as the
 *   original's conversion copies it). Anything else (`@Args` classes, input types, custom decorators,
 *   validation, a container answering a Promise) goes through type-graphql's own resolver.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { GraphQLScalarType } from 'graphql';
import { getMetadataStorage } from 'type-graphql';

type Constructor = new () => unknown;

/** One instance per resolver class, as type-graphql's default container keeps, found by a Map lookup. */
export function resolverContainer(): { get(someClass: Constructor): unknown } {
  const instances = new Map<Constructor, unknown>();
  return {
    get(someClass) {
      let instance = instances.get(someClass);
      if (instance === undefined) instances.set(someClass, (instance = new someClass()));
      return instance;
    },
  };
}

/** Marks plain fields simple and root parameters unconverted (idempotent; before buildSchema). */
export function trimResolverPipeline(): void {
  const storage = getMetadataStorage();
  const guarded = new Set<string>();
  const key = (target: unknown, field: string) => `${String((target as { name?: string }).name)}\u0000${field}`;
  for (const a of storage.authorizedFields) guarded.add(key(a.target, a.fieldName));
  for (const m of storage.middlewares) guarded.add(key(m.target, m.fieldName));
  const guardedClasses = new Set<unknown>(storage.resolverMiddlewares.map((m) => m.target));
  for (const field of storage.fields) {
    if (field.simple !== undefined || field.name !== field.schemaName) continue;
    if (guardedClasses.has(field.target) || guarded.has(key(field.target, field.name))) continue;
    field.simple = true;
  }
  for (const param of storage.params) {
    if (param.kind === 'root') (param as { getType?: unknown }).getType = undefined;
  }
  syncResolveType();
  sortParamsOnce();
  leanHandlerResolvers();
}

type ValidateArg = (argValue: unknown, ...rest: unknown[]) => unknown;
const SYNC = Symbol('collier sync validateArg');

/**
 * Makes type-graphql's validateArg answer synchronously where it would only return the value (see
 * above; idempotent; not where a custom parameter decorator validates an argument, whose caller needs the
 * Promise). Its module is reached by path (the package exports only its entry): if a
 * version moves it, nothing changes and the arguments go through the original.
 */
export function syncArgValidation(): void {
  // A custom parameter decorator with an `arg` option chains `.then` on validateArg's answer: keep the
  // original (always a Promise) if any resolver declares one.
  const customArgs = getMetadataStorage().params.some(
    (param) => param.kind === 'custom' && (param as { options?: { arg?: unknown } }).options?.arg !== undefined,
  );
  if (customArgs) return;
  const mod = typeGraphqlModule<{ validateArg?: ValidateArg & { [SYNC]?: true } }>('resolvers', 'validate-arg.js');
  if (!mod) return;
  const original = mod.validateArg;
  if (typeof original !== 'function' || original[SYNC]) return;
  const sync: ValidateArg & { [SYNC]?: true } = function (this: unknown, ...args: unknown[]) {
    const [argValue, , , globalValidate, argValidate, globalFn, argFn] = args;
    const validate = argValidate !== undefined ? argValidate : globalValidate;
    const unchanged =
      typeof (argFn ?? globalFn) !== 'function' &&
      (validate === false || argValue === null || typeof argValue !== 'object');
    return unchanged ? argValue : original.apply(this, args as Parameters<ValidateArg>);
  };
  sync[SYNC] = true;
  mod.validateArg = sync;
}

/**
 * A module of type-graphql's own build, reached by path (what the patches above replace is not
 * exported); undefined if this version has no such file, and then nothing is patched.
 */
function typeGraphqlModule<T>(...file: string[]): T | undefined {
  try {
    return createRequire(__filename)(path.join(path.dirname(require.resolve('type-graphql')), ...file)) as T;
  } catch {
    return undefined;
  }
}

type ResolveType = (...args: unknown[]) => unknown;
interface ObjectTypeInfo {
  target: unknown;
  type: { name: string };
}
type GetResolveType = ((resolveType: ResolveType, possible: ObjectTypeInfo[]) => ResolveType) & { [SYNC]?: true };

/** type-graphql's `resolveType` wrapper without its `async` (see above; idempotent; before buildSchema). */
export function syncResolveType(): void {
  const generator = typeGraphqlModule<{ SchemaGenerator?: { getResolveTypeFunction?: GetResolveType } }>(
    'schema',
    'schema-generator.js',
  )?.SchemaGenerator;
  if (!generator || typeof generator.getResolveTypeFunction !== 'function' || generator.getResolveTypeFunction[SYNC])
    return;
  const sync: GetResolveType = (resolveType, possible) => {
    // the same answer as type-graphql's: a name as it is, a class by its object type's name
    const nameOf = (resolved: unknown) =>
      !resolved || typeof resolved === 'string'
        ? ((resolved as string | undefined) ?? undefined)
        : possible.find((objectType) => objectType.target === resolved)?.type.name;
    return (...args) => {
      const resolved = resolveType(...args);
      return resolved instanceof Promise ? resolved.then(nameOf) : nameOf(resolved);
    };
  };
  sync[SYNC] = true;
  generator.getResolveTypeFunction = sync;
}

type GetParams = ((params: { index: number }[], ...rest: unknown[]) => unknown) & { [SYNC]?: true };
const keepOrder = function <T>(this: T): T {
  return this;
};

/**
 * type-graphql's `getParams` with each parameter list sorted once (see above; idempotent). The list is
 * sorted in place by the same comparison, as the original does on its first call, and then answers its
 * own `sort` with itself. Reached by path like validateArg; if a version moves it, nothing changes.
 */
export function sortParamsOnce(): void {
  const mod = typeGraphqlModule<{ getParams?: GetParams }>('resolvers', 'helpers.js');
  if (!mod) return;
  const original = mod.getParams;
  if (typeof original !== 'function' || original[SYNC]) return;
  const sorted: GetParams = function (this: unknown, params, ...rest) {
    if (params.sort !== keepOrder) {
      params.sort((a, b) => a.index - b.index);
      Object.defineProperty(params, 'sort', { value: keepOrder });
    }
    return original.call(this, params, ...rest);
  };
  sorted[SYNC] = true;
  mod.getParams = sorted;
}

interface ParamInfo {
  index: number;
  kind: string;
  propertyName?: string;
  name?: string;
  getType?: () => unknown;
  validateSettings?: unknown;
  validateFn?: unknown;
}
interface HandlerMetadata {
  kind?: string;
  target: unknown;
  methodName: string;
  params?: ParamInfo[];
  roles?: unknown[];
  middlewares?: unknown[];
}
interface BuildContextShape {
  validate: unknown;
  validateFn?: unknown;
  authChecker?: unknown;
  globalMiddlewares: unknown[];
  container: { getInstance(target: unknown, resolverData: unknown): unknown };
}
type FieldResolve = (root: unknown, args: Record<string, unknown>, context: unknown, info: unknown) => unknown;
type CreateResolver = ((metadata: HandlerMetadata) => FieldResolve) & { [SYNC]?: true };
interface CreateModule {
  createHandlerResolver?: CreateResolver;
  createAdvancedFieldResolver?: CreateResolver;
}

const SCALAR_CLASSES: readonly unknown[] = [String, Number, Boolean];
/** A scalar argument as type-graphql's conversion hands it over: the value, a list copied. */
const scalarArg = (value: unknown): unknown => (Array.isArray(value) ? value.map(scalarArg) : value);

/**
 * The parameter list a lean resolver hands over, sorted by index, or null where one of them needs
 * type-graphql's own handling (see above).
 */
function leanParams(metadata: HandlerMetadata, context: BuildContextShape): ParamInfo[] | null {
  const params = [...(metadata.params ?? [])].sort((a, b) => a.index - b.index);
  if (params.some((p, i) => p.index !== i)) return null;
  for (const p of params) {
    if (p.kind === 'context' || p.kind === 'info') continue;
    if (p.kind === 'root' && !p.getType) continue;
    if (p.kind !== 'arg' || typeof (p.validateFn ?? context.validateFn) === 'function') return null;
    if ((p.validateSettings !== undefined ? p.validateSettings : context.validate) !== false) return null;
    const type = p.getType?.();
    if (!(type instanceof GraphQLScalarType) && !SCALAR_CLASSES.includes(type)) return null;
  }
  return params;
}

/** type-graphql's handler resolver, or the lean one where it would only call the method (see above). */
function leanHandler(original: CreateResolver, metadata: HandlerMetadata, context: BuildContextShape): FieldResolve {
  const full = original(metadata);
  const plain =
    context.globalMiddlewares.length === 0 &&
    (metadata.middlewares ?? []).length === 0 &&
    !(context.authChecker && metadata.roles);
  const params = plain ? leanParams(metadata, context) : null;
  if (!params) return full;
  const { target, methodName } = metadata;
  const { container } = context;
  const n = params.length;
  return (root, args, ctx, info) => {
    const instance = container.getInstance(target, { root, args, context: ctx, info }) as Record<
      string,
      (...values: unknown[]) => unknown
    > | null;
    if (typeof (instance as { then?: unknown } | null)?.then === 'function') return full(root, args, ctx, info);
    const values = new Array<unknown>(n);
    for (let i = 0; i < n; i++) {
      const p = params[i];
      switch (p.kind) {
        case 'root':
          values[i] = p.propertyName ? (root as Record<string, unknown>)[p.propertyName] : root;
          break;
        case 'context':
          values[i] = p.propertyName ? (ctx as Record<string, unknown>)[p.propertyName] : ctx;
          break;
        case 'info':
          values[i] = info;
          break;
        default:
          values[i] = scalarArg(args[p.name!]);
      }
    }
    return instance![methodName].apply(instance, values);
  };
}

/**
 * type-graphql's `createHandlerResolver` (queries, mutations) and `createAdvancedFieldResolver` for a
 * resolver class's field resolvers (`external`) giving the lean resolver where it applies (see above;
 * idempotent; before buildSchema). Reached by path like validateArg; if a version moves them, nothing changes.
 */
export function leanHandlerResolvers(): void {
  const mod = typeGraphqlModule<CreateModule>('resolvers', 'create.js');
  const build = typeGraphqlModule<{ BuildContext?: BuildContextShape }>('schema', 'build-context.js');
  if (!mod || !build?.BuildContext) return;
  const handler = mod.createHandlerResolver;
  const advanced = mod.createAdvancedFieldResolver;
  if (typeof handler !== 'function' || typeof advanced !== 'function' || handler[SYNC]) return;
  const context = build.BuildContext;
  const lean: CreateResolver = (metadata) => leanHandler(handler, metadata, context);
  lean[SYNC] = true;
  const field: CreateResolver = (metadata) =>
    metadata.kind === 'external' ? leanHandler(advanced, metadata, context) : advanced(metadata);
  field[SYNC] = true;
  mod.createHandlerResolver = lean;
  mod.createAdvancedFieldResolver = field;
}
