/**
 * The breaking-change rule, pure (no git, no files): given the successive versions of the schema, each
 * with the date it landed, every change GraphQL Inspector rates BREAKING fails, unless the element it
 * touches (field, argument, input field, enum value — or the field an argument belongs to) was already
 * `@deprecated` in the previous version, continuously for at least DEPRECATION_DAYS, or the change is
 * listed, with a reason, in the accepted-breaks file.
 */
import { Change, CriticalityLevel, diff } from '@graphql-inspector/core';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLInputField,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isNonNullType,
  isObjectType,
  isUnionType,
} from 'graphql';

/** How long a deprecated field, argument, input field or enum value stays before it may be removed. */
export const DEPRECATION_DAYS = 30;

const DAY_MS = 24 * 60 * 60 * 1000;

export interface SchemaVersion {
  /** Where this version comes from: a commit (`abc1234 subject`) or `working tree`. */
  label: string;
  /** When it landed (the commit date; now for uncommitted changes). */
  date: Date;
  sdl: string;
}

/** An explicitly accepted breaking change (the escape hatch, reviewed like code). */
export interface AcceptedBreak {
  /** Inspector's path of the change, e.g. `Query.traceCargo.maxHops` or `TraceStep`. */
  path: string;
  /** Inspector's change type, e.g. FIELD_REMOVED; any type when omitted. */
  type?: string;
  reason: string;
}

export type Verdict = 'violation' | 'deprecated-long-enough' | 'accepted';

export interface JudgedChange {
  from: string;
  to: string;
  type: string;
  path: string;
  message: string;
  verdict: Verdict;
  /** Why: the deprecation age, the accepted reason, or what the policy requires. */
  why: string;
}

export interface StepResult {
  from: string;
  to: string;
  breaking: JudgedChange[];
  dangerous: { type: string; path: string; message: string }[];
}

/** Elements that are deprecated in a schema: `Type.field`, `Type.field.arg`, `Input.field`, `Enum.VALUE`. */
export function deprecatedPaths(schema: GraphQLSchema): Set<string> {
  const out = new Set<string>();
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const fieldPath = `${type.name}.${field.name}`;
        if (field.deprecationReason != null) out.add(fieldPath);
        for (const arg of field.args) if (arg.deprecationReason != null) out.add(`${fieldPath}.${arg.name}`);
      }
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (field.deprecationReason != null) out.add(`${type.name}.${field.name}`);
      }
    } else if (isEnumType(type)) {
      for (const value of type.getValues()) if (value.deprecationReason != null) out.add(`${type.name}.${value.name}`);
    }
  }
  return out;
}

/** Every place in a schema that names a type: fields, arguments, input fields, union members, implementations. */
function referencesTo(schema: GraphQLSchema, typeName: string): { path: string; parentType: string }[] {
  const refs: { path: string; parentType: string }[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__')) continue;
    if (isObjectType(type) || isInterfaceType(type)) {
      for (const field of Object.values(type.getFields())) {
        const fieldPath = `${type.name}.${field.name}`;
        if (getNamedType(field.type).name === typeName) refs.push({ path: fieldPath, parentType: type.name });
        for (const arg of field.args) {
          if (getNamedType(arg.type).name === typeName)
            refs.push({ path: `${fieldPath}.${arg.name}`, parentType: type.name });
        }
      }
      if (type.getInterfaces().some((i) => i.name === typeName))
        refs.push({ path: `${type.name} implements`, parentType: '' });
    } else if (isInputObjectType(type)) {
      for (const field of Object.values(type.getFields())) {
        if (getNamedType(field.type).name === typeName)
          refs.push({ path: `${type.name}.${field.name}`, parentType: type.name });
      }
    } else if (isUnionType(type)) {
      if (type.getTypes().some((t) => t.name === typeName))
        refs.push({ path: `${type.name} (union member)`, parentType: '' });
    }
  }
  return refs;
}

/** Changes Inspector counts as breaking, plus every removal (whatever level Inspector gives a deprecated one). */
const REMOVALS = new Set([
  'FIELD_REMOVED',
  'FIELD_ARGUMENT_REMOVED',
  'INPUT_FIELD_REMOVED',
  'ENUM_VALUE_REMOVED',
  'TYPE_REMOVED',
]);

/**
 * An argument or input field typed `T!` with a default is optional; dropping the default makes it
 * required, which Inspector reports only as a changed default (DANGEROUS). Counted as breaking here.
 */
function madeRequired(change: Change, schema: GraphQLSchema): Change {
  const type = change.type as string;
  if (type !== 'FIELD_ARGUMENT_DEFAULT_CHANGED' && type !== 'INPUT_FIELD_DEFAULT_VALUE_CHANGED') return change;
  const [typeName, fieldName, argName] = (change.path ?? '').split('.');
  const owner = schema.getType(typeName);
  let input: GraphQLArgument | GraphQLInputField | undefined;
  if (argName != null && (isObjectType(owner) || isInterfaceType(owner))) {
    input = owner.getFields()[fieldName]?.args.find((a) => a.name === argName);
  } else if (argName == null && isInputObjectType(owner)) {
    input = owner.getFields()[fieldName];
  }
  if (input == null || !isNonNullType(input.type) || input.defaultValue !== undefined) return change;
  return {
    ...change,
    message: `${change.message}: '${change.path}' (${String(input.type)}) is now required`,
    criticality: { level: CriticalityLevel.Breaking, reason: 'A non-null argument without a default is required.' },
  };
}

function isBreaking(change: Change): boolean {
  return change.criticality.level === CriticalityLevel.Breaking || REMOVALS.has(change.type as string);
}

function days(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** `Query.trace.maxHops` → [`Query.trace.maxHops`, `Query.trace`]: the element and the field it belongs to. */
function deprecatable(path: string): string[] {
  const parts = path.split('.');
  const out: string[] = [];
  for (let n = parts.length; n >= 2; n--) out.push(parts.slice(0, n).join('.'));
  return out;
}

export class SchemaHistory {
  private readonly since = new Map<string, Date>();
  private previous: { version: SchemaVersion; schema: GraphQLSchema } | null = null;

  constructor(
    private readonly accepted: AcceptedBreak[] = [],
    private readonly policyDays: number = DEPRECATION_DAYS,
  ) {}

  /** Adds the next version (in landing order) and judges its changes against the previous one. */
  async add(version: SchemaVersion): Promise<StepResult | null> {
    const schema = buildSchema(version.sdl);
    const prev = this.previous;
    let result: StepResult | null = null;
    if (prev) {
      const changes = (await diff(prev.schema, schema)).map((c) => madeRequired(c, schema));
      const removedTypes = new Set(changes.filter((c) => c.type === 'TYPE_REMOVED').map((c) => c.path ?? ''));
      result = {
        from: prev.version.label,
        to: version.label,
        breaking: changes.filter(isBreaking).map((c) => this.judge(c, prev, version, removedTypes)),
        dangerous: changes
          .filter((c) => !isBreaking(c) && c.criticality.level === CriticalityLevel.Dangerous)
          .map((c) => ({ type: c.type as string, path: c.path ?? '', message: c.message })),
      };
    }
    // deprecation clocks: kept while an element stays deprecated, started when it becomes deprecated
    const now = deprecatedPaths(schema);
    for (const p of [...this.since.keys()]) if (!now.has(p)) this.since.delete(p);
    for (const p of now) if (!this.since.has(p)) this.since.set(p, version.date);
    this.previous = { version, schema };
    return result;
  }

  private judge(
    change: Change,
    prev: { version: SchemaVersion; schema: GraphQLSchema },
    version: SchemaVersion,
    removedTypes: Set<string>,
  ): JudgedChange {
    const path = change.path ?? '';
    const base = {
      from: prev.version.label,
      to: version.label,
      type: change.type as string,
      path,
      message: change.message,
    };
    const accepted = this.accepted.find((a) => a.path === path && (a.type == null || a.type === change.type));
    if (accepted) return { ...base, verdict: 'accepted', why: `accepted: ${accepted.reason}` };

    if (change.type === 'TYPE_REMOVED') {
      const refs = referencesTo(prev.schema, path).filter((r) => !removedTypes.has(r.parentType));
      const blocking = refs
        .map((r) => ({ r, age: this.deprecationAge(r.path, version.date) }))
        .filter((x) => !x.age.ok);
      if (blocking.length === 0) {
        return {
          ...base,
          verdict: 'deprecated-long-enough',
          why: 'every field or argument that used the type was deprecated long enough',
        };
      }
      return {
        ...base,
        verdict: 'violation',
        why: `still used by ${blocking.map((b) => `${b.r.path} (${b.age.why})`).join(', ')}`,
      };
    }
    const age = this.deprecationAge(path, version.date);
    return { ...base, verdict: age.ok ? 'deprecated-long-enough' : 'violation', why: age.why };
  }

  private deprecationAge(path: string, at: Date): { ok: boolean; why: string } {
    for (const p of deprecatable(path)) {
      const since = this.since.get(p);
      if (since == null) continue;
      const age = days(at.getTime() - since.getTime());
      const when = since.toISOString().slice(0, 10);
      if (age >= this.policyDays) return { ok: true, why: `${p} deprecated since ${when} (${age} days)` };
      return {
        ok: false,
        why: `${p} deprecated since ${when}, only ${age} days; the policy keeps a deprecated element ${this.policyDays} days`,
      };
    }
    return {
      ok: false,
      why: `not deprecated first; deprecate it with @deprecated(reason: …) and remove it after ${this.policyDays} days`,
    };
  }
}

/** Judges a whole sequence of versions (oldest first). */
export async function judgeHistory(
  versions: SchemaVersion[],
  accepted: AcceptedBreak[] = [],
  policyDays: number = DEPRECATION_DAYS,
): Promise<StepResult[]> {
  const history = new SchemaHistory(accepted, policyDays);
  const steps: StepResult[] = [];
  for (const v of versions) {
    const step = await history.add(v);
    if (step) steps.push(step);
  }
  return steps;
}
