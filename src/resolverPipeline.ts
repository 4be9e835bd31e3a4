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
 * - **Resolver instances come from a Map** (`container`), not from type-graphql's default container,
 *   which looks the class up in an array on every call.
 */
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
}
