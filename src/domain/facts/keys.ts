/**
 * Keys of facts: facts with no natural key of their own (legs, transfers, relations, designations,
 * claims) get one derived from their content as written, so the same line always names the same fact.
 */
import { slug } from '../ids';
import {
  DateRangeValue,
  DesignationFact,
  EntityFact,
  IdentityClaimFact,
  LegFact,
  Ref,
  RelationFact,
  StatisticFact,
  TacticUseFact,
  TransferFact,
} from './types';
import { createHash } from 'node:crypto';

const KEY_CHARS = /[^A-Za-z0-9._-]+/g;
const MAX_KEY = 180;

/** A key part that fits Collier's id shape. */
function keyPart(text: string): string {
  const s =
    slug(text) ||
    text
      .replace(KEY_CHARS, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
  return s || 'x';
}

/** Joins key parts; a key too long for an id keeps a readable start and ends with a hash of the whole. */
export function joinKey(kind: string, parts: (string | null | undefined)[]): string {
  const body = parts.filter((p): p is string => p != null && p !== '').join(':');
  if (body.length <= MAX_KEY) return `${kind}:${body}`;
  const hash = createHash('sha1').update(body).digest('hex').slice(0, 12);
  return `${kind}:${body.slice(0, MAX_KEY - 13)}-${hash}`;
}

/** The part of a reference that goes into a derived key: "vessel:alpha" → "alpha", "imo:9876543" → "imo-9876543". */
export function refKey(ref: Ref): string {
  switch (ref.by) {
    case 'id':
      return ref.id.slice(ref.id.indexOf(':') + 1);
    case 'imo':
      return `imo-${ref.value}`;
    case 'locode':
      return `locode-${ref.value.toLowerCase()}`;
    case 'companyImo':
      return `company-imo-${ref.value}`;
    case 'ftm':
      return `ftm-${ftmKey(ref.value)}`;
  }
}

/** An FtM id as a key part (FtM ids are mostly letters, digits, "-" and "."). */
export function ftmKey(ftmId: string): string {
  const clean = ftmId.replace(KEY_CHARS, '-');
  return clean.length <= 120
    ? clean
    : `${clean.slice(0, 100)}-${createHash('sha1').update(ftmId).digest('hex').slice(0, 12)}`;
}

/** The id an entity fact gets when it creates a new entity: named after it, plus its natural key if any. */
export function newEntityId(fact: EntityFact): string {
  if (fact.id) return fact.id;
  if (fact.externalId) return fact.externalId;
  const kind = fact.type;
  const key =
    fact.type === 'vessel'
      ? fact.imo
      : fact.type === 'port'
        ? fact.locode?.toLowerCase()
        : fact.type === 'company'
          ? fact.imoCompanyNumber
          : undefined;
  return joinKey(kind, [[keyPart(fact.name), key].filter(Boolean).join('-')]);
}

/** The natural key an entity fact carries, as a reference, if any. */
export function naturalKey(fact: EntityFact): Ref | null {
  if (fact.type === 'vessel' && fact.imo) return { by: 'imo', value: fact.imo };
  if (fact.type === 'port' && fact.locode) return { by: 'locode', value: fact.locode };
  if (fact.type === 'company' && fact.imoCompanyNumber) return { by: 'companyImo', value: fact.imoCompanyNumber };
  return null;
}

const day = (r: DateRangeValue | undefined) => r?.from ?? r?.to ?? 'undated';

/** The id of a fact that is not an entity: given, or derived from what it says. */
export function factId(
  fact: IdentityClaimFact | LegFact | TransferFact | RelationFact | DesignationFact | StatisticFact | TacticUseFact,
): string {
  if (fact.id) return fact.id;
  switch (fact.type) {
    case 'identityClaim':
      return joinKey('identity', [
        refKey(fact.vessel),
        fact.kind.toLowerCase().replace(/_/g, '-'),
        keyPart(
          fact.name ??
            fact.imo ??
            fact.mmsi ??
            fact.callSign ??
            fact.flagCode ??
            fact.flagText ??
            fact.vesselType ??
            'claim',
        ),
        fact.period ? day(fact.period) : null,
      ]);
    case 'leg':
      return joinKey('leg', [
        fact.vessel ? refKey(fact.vessel) : `unnamed-${keyPart(fact.vesselDescription ?? 'vessel')}`,
        fact.from.map(refKey).join('+'),
        fact.to.map(refKey).join('+'),
        fact.departure ? day(fact.departure) : `arr-${day(fact.arrival)}`,
      ]);
    case 'transfer':
      return joinKey('transfer', [
        fact.fromVessel ? refKey(fact.fromVessel) : `unnamed-${keyPart(fact.fromVesselDescription ?? 'vessel')}`,
        fact.toVessel ? refKey(fact.toVessel) : `unnamed-${keyPart(fact.toVesselDescription ?? 'vessel')}`,
        day(fact.when),
      ]);
    case 'relation':
      return joinKey('rel', [
        fact.relation.toLowerCase(),
        refKey(fact.from),
        refKey(fact.to),
        fact.role ? keyPart(fact.role) : null,
      ]);
    case 'designation':
      return joinKey('designation', [keyPart(fact.authority), day(fact.date), refKey(fact.target)]);
    case 'statistic':
      return joinKey('statistic', [keyPart(fact.statement.slice(0, 80)), fact.period ? day(fact.period) : null]);
    case 'tacticUse':
      return joinKey('tactic-use', [refKey(fact.subject), keyPart(fact.tactic)]);
  }
}
