/**
 * The FtM entities that become Collier relations (Ownership, Directorship, UnknownLink,
 * Representation, Associate, Family), and the facts a Vessel implies beyond itself: identity claims
 * for its former names, past flags and past types (with their periods where the entity gives them),
 * and relations to the owner and operator it names. Pure: FtM entity in, plain records out (checked
 * by domain/facts like any other line).
 */
import { DatePrecision, IdentityKind, RelationType } from '../domain/enums';
import { ftmKey, FactType } from '../domain/facts';
import { isValidCountryCode } from '../domain/identifiers';
import { all, clip, country, first, FtmEntity, ftmDate, period } from './ftmValues';

interface RelationSpec {
  /** The properties naming the relation's two ends. */
  from: string;
  to: string;
  relation: RelationType;
  role: (e: FtmEntity) => string;
}

const qualified = (what: string, text: string | undefined) => (text ? `${what}: ${text}` : what);

/** The relation schemata and what each becomes (FTM_MAPPING in ./ftmSchema.ts says the same in words). */
export const RELATION_SCHEMAS: Record<string, RelationSpec> = {
  Ownership: {
    from: 'owner',
    to: 'asset',
    relation: RelationType.OWNS,
    role: (e) => {
      const pct = first(e, 'percentage');
      return first(e, 'role', 'ownershipType') ?? (pct ? `owner (${pct}%)` : 'owner');
    },
  },
  Directorship: {
    from: 'director',
    to: 'organization',
    relation: RelationType.CONTROLS,
    role: (e) => first(e, 'role') ?? 'director',
  },
  UnknownLink: {
    from: 'subject',
    to: 'object',
    relation: RelationType.ASSOCIATED_WITH,
    role: (e) => first(e, 'role') ?? 'unknown link',
  },
  Representation: {
    from: 'agent',
    to: 'client',
    relation: RelationType.ASSOCIATED_WITH,
    role: (e) => first(e, 'role') ?? 'representative',
  },
  Associate: {
    from: 'person',
    to: 'associate',
    relation: RelationType.ASSOCIATED_WITH,
    role: (e) => qualified('associate', first(e, 'relationship')),
  },
  Family: {
    from: 'person',
    to: 'relative',
    relation: RelationType.ASSOCIATED_WITH,
    role: (e) => qualified('family', first(e, 'relationship')),
  },
};

/** A relation entity as a Collier relation record, keyed by its FtM id. */
export function relationRecord(e: FtmEntity): Record<string, unknown> {
  const spec = RELATION_SCHEMAS[e.schema];
  const from = first(e, spec.from);
  const to = first(e, spec.to);
  return {
    id: `rel:ftm-${ftmKey(e.id)}`,
    relation: spec.relation,
    from: from ? `ftm:${from}` : undefined,
    to: to ? `ftm:${to}` : undefined,
    role: clip(spec.role(e), 300),
    period: period(e),
  };
}

/** The FtM property a relation's field came from (so a rejection names what the publisher wrote). */
export function relationField(schema: string, field: string): string | undefined {
  const spec = RELATION_SCHEMAS[schema];
  if (!spec) return undefined;
  return ({ from: spec.from, to: spec.to, period: 'startDate' } as Record<string, string>)[field];
}

/** The day a vessel's current flag is known on: its name change, else the day the publisher listed it. */
export function vesselFlagDay(e: FtmEntity): string | undefined {
  return ftmDate(first(e, 'nameChangeDate'))?.from ?? e.listedOn;
}

/** Past flags become claims only when the current flag is given and dated (else they would pass for it). */
export function pastFlagsMappable(e: FtmEntity): boolean {
  return country(e, 'flag') != null && vesselFlagDay(e) != null;
}

export interface ExtraRecord {
  type: FactType;
  /** The FtM property it came from. */
  prop: string;
  record: Record<string, unknown>;
}

const undated = (text: string) => ({ from: null, to: null, precision: DatePrecision.UNKNOWN, text });

/** A Vessel's identity claims and owner/operator relations. */
export function vesselExtras(e: FtmEntity): ExtraRecord[] {
  const vessel = `ftm:${e.id}`;
  const out: ExtraRecord[] = [];
  const claim = (prop: string, fields: Record<string, unknown>) =>
    out.push({ type: 'identityClaim', prop, record: { vessel, status: 'ASSERTED', ...fields } });
  const name = first(e, 'name');
  const flag = country(e, 'flag');
  const changeText = first(e, 'nameChangeDate');
  const change = ftmDate(changeText);
  const former = [...new Set(all(e, 'previousName'))].filter((n) => n !== name);
  for (const n of former) {
    claim('previousName', {
      kind: IdentityKind.FORMER_NAME,
      name: clip(n, 300),
      period:
        change && former.length === 1
          ? { from: null, to: change.to, precision: DatePrecision.OPEN, text: `until the name change (${changeText})` }
          : undefined,
    });
  }
  const pastFlags = pastFlagsMappable(e) ? [...new Set(all(e, 'pastFlags'))] : [];
  if (change && name) {
    // The current name (and flag) since the change: dated, so it outranks the undated past ones.
    claim('nameChangeDate', {
      kind: IdentityKind.REGISTRATION,
      name: clip(name, 300),
      flag,
      period: {
        from: change.from,
        to: null,
        precision: DatePrecision.OPEN,
        text: `since the name change (${changeText})`,
      },
    });
  } else if (pastFlags.length > 0 && flag) {
    const day = vesselFlagDay(e)!;
    claim('flag', {
      kind: IdentityKind.REGISTRATION,
      name: clip(name, 300),
      flag,
      period: { from: day, to: day, precision: DatePrecision.DAY, text: `as listed on ${day}` },
    });
  }
  for (const f of pastFlags) {
    if (f.toUpperCase() === flag) continue;
    const iso = isValidCountryCode(f);
    claim('pastFlags', {
      kind: IdentityKind.REGISTRATION,
      flag: iso ? f.toUpperCase() : undefined,
      flagText: iso ? undefined : clip(f, 300),
      period: undated('a past flag (FtM pastFlags: no dates given)'),
    });
  }
  for (const t of [...new Set(all(e, 'pastTypes'))]) {
    claim('pastTypes', {
      kind: IdentityKind.REGISTRATION,
      vesselType: clip(t, 100),
      period: undated('a past type (FtM pastTypes: no dates given)'),
    });
  }
  for (const [prop, relation] of [
    ['owner', RelationType.OWNS],
    ['operator', RelationType.OPERATES],
  ] as const) {
    for (const party of [...new Set(all(e, prop))]) {
      out.push({
        type: 'relation',
        prop,
        record: {
          id: `rel:ftm-${ftmKey(e.id)}:${prop}:${ftmKey(party)}`,
          relation,
          from: `ftm:${party}`,
          to: vessel,
          role: prop,
        },
      });
    }
  }
  return out;
}

/** FtM numbers ("1,234", "5 000.5") → numbers; throws on text that is not one. */
export function ftmNumber(value: string): number | null {
  const n = Number(value.replace(/[\s,]/g, ''));
  return Number.isFinite(n) && n >= 0 ? n : null;
}

/** One tonnage figure as a Collier quantity ("99,144" → 99144 in `unit`, the figure as published in its text); null if not a number. */
export function tonnageQuantity(value: string, unit: string, label: string): Record<string, unknown> | null {
  const n = ftmNumber(value);
  return n == null ? null : { min: n, max: n, unit, text: clip(`${label} ${value}`, 500) };
}

/** A vessel's tonnage properties as Collier quantities (gross tonnage in GT, deadweight in DWT). */
export function vesselTonnage(e: FtmEntity): {
  grossTonnage?: Record<string, unknown>[];
  deadweight?: Record<string, unknown>[];
  bad?: string;
} {
  const q = (prop: string, unit: string, label: string) =>
    all(e, prop).map((v) => {
      const t = tonnageQuantity(v, unit, label);
      if (!t) throw Object.assign(new Error(prop), { prop, value: v });
      return t;
    });
  try {
    const gross = [...q('tonnage', 'GT', 'tonnage'), ...q('grossRegisteredTonnage', 'GT', 'gross registered tonnage')];
    const dwt = q('deadweightTonnage', 'DWT', 'deadweight');
    return {
      ...(gross.length ? { grossTonnage: gross } : {}),
      ...(dwt.length ? { deadweight: dwt } : {}),
    };
  } catch (error) {
    return { bad: (error as { prop: string }).prop };
  }
}
