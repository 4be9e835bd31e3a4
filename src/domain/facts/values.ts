/** Parsers of the values facts share: references, sources, evidence, provenance, reference-data facts. */
import { isIsoDate } from '../dates';
import { ConfidenceTier, SourceKind } from '../enums';
import { isValidImo, isValidLocode, normalizeImo, normalizeLocode } from '../identifiers';
import { NodeLabel, labelOfId } from '../ids';
import { sourceId } from '../sources';
import { asText } from '../text';
import { Fields, MAX_NAME, enumValues, isObj } from './fields';
import { FactProblem } from './problem';
import { CountryFact, EvidenceValue, Provenance, Ref, SourceRef, SourceValue, TacticFact } from './types';

/**
 * "vessel:x", "imo:9876543", "locode:XXABC", "company-imo:1234567", or "ftm:<FtM id>" (an entity
 * imported from FollowTheMoney) → a Ref of an allowed kind.
 */
export function parseRef(text: string, allowed: NodeLabel[], field: string): Ref {
  const m = /^(imo|locode|company-imo|ftm):\s*(.+)$/i.exec(text);
  if (m) {
    const scheme = m[1].toLowerCase();
    const value = m[2].trim();
    if (scheme === 'ftm') {
      const entityLabels = allowed.filter((l) => ['Vessel', 'Company', 'Person', 'Port'].includes(l));
      if (entityLabels.length === 0) throw new FactProblem(field, `an FtM id cannot name a ${allowed.join(' or ')}`);
      if (value.length > 500) throw new FactProblem(field, 'the FtM id is too long');
      return { by: 'ftm', value, labels: entityLabels };
    }
    if (scheme === 'imo') {
      if (!allowed.includes('Vessel'))
        throw new FactProblem(field, `an IMO ship number cannot name a ${allowed.join(' or ')}`);
      const digits = normalizeImo(value);
      if (!isValidImo(digits)) throw new FactProblem(field, `is not a valid IMO number (got "${value}")`);
      return { by: 'imo', value: digits };
    }
    if (scheme === 'locode') {
      if (!allowed.includes('Port')) throw new FactProblem(field, `a UN/LOCODE cannot name a ${allowed.join(' or ')}`);
      if (!isValidLocode(value)) throw new FactProblem(field, `is not a UN/LOCODE (got "${value}")`);
      return { by: 'locode', value: normalizeLocode(value) };
    }
    if (!allowed.includes('Company'))
      throw new FactProblem(field, `an IMO company number cannot name a ${allowed.join(' or ')}`);
    const digits = normalizeImo(value);
    if (!/^\d{7}$/.test(digits))
      throw new FactProblem(field, `is not a seven-digit IMO company number (got "${value}")`);
    return { by: 'companyImo', value: digits };
  }
  const label = labelOfId(text);
  if (!label || !allowed.includes(label)) {
    const schemes = [
      allowed.includes('Vessel') ? '"imo:NNNNNNN"' : null,
      allowed.includes('Port') ? '"locode:XXXXX"' : null,
      allowed.includes('Company') ? '"company-imo:NNNNNNN"' : null,
    ].filter(Boolean);
    throw new FactProblem(
      field,
      `must name a ${allowed.join(' or ')}: its id ("${allowed[0].toLowerCase()}:…")${schemes.length ? ` or ${schemes.join(' or ')}` : ''} (got "${text}")`,
    );
  }
  return { by: 'id', id: text };
}

export function sourceValue(f: Fields): SourceValue {
  const url = f.str('url', { required: true, max: 2000 })!;
  if (!/^https?:\/\/\S+$/i.test(url)) throw new FactProblem(f.at('url'), `must be an http(s) address (got "${url}")`);
  const date = f.str('date', { max: 10 }) ?? null;
  if (date != null && !isIsoDate(date))
    throw new FactProblem(f.at('date'), `must be a calendar date written YYYY-MM-DD (got "${date}")`);
  return {
    url,
    publisher: f.str('publisher', { required: true, max: MAX_NAME })!,
    kind: f.oneOf<SourceKind>('kind', enumValues(SourceKind), { required: true })!,
    tier: f.oneOf<ConfidenceTier>('tier', enumValues(ConfidenceTier), { required: true })!,
    title: f.str('title', { max: 1000 }) ?? null,
    date,
  };
}

export const SOURCE_FIELDS = ['url', 'publisher', 'kind', 'tier', 'title', 'date'];

export function evidenceValue(f: Fields): EvidenceValue {
  const raw = f.raw('sources');
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new FactProblem(
      f.at('sources'),
      'must cite at least one source: a Source id, its address, or a new source {url, publisher, kind, tier}',
    );
  }
  if (raw.length > 50) throw new FactProblem(f.at('sources'), 'must cite at most 50 sources');
  const sources = raw.map((item, i): SourceRef => {
    const at = `${f.at('sources')}[${i}]`;
    if (typeof item === 'string') {
      const t = item.trim();
      if (/^https?:\/\//i.test(t)) return { id: sourceId(t) };
      if (labelOfId(t) === 'Source') return { id: t };
      throw new FactProblem(
        at,
        `must be a Source id ("source:…"), the address of a known source, or a new source {url, publisher, kind, tier} (got "${t}")`,
      );
    }
    if (isObj(item)) {
      // GraphQL's SourceRefInput: {id}, {url} of a source already known, or a new one {url, publisher, kind, tier, …}.
      if (item.id != null && Object.entries(item).every(([k, v]) => k === 'id' || v == null)) {
        const id = asText(item.id).trim();
        if (labelOfId(id) !== 'Source')
          throw new FactProblem(`${at}.id`, `must be a Source id ("source:…") (got "${id}")`);
        return { id };
      }
      if (typeof item.url === 'string' && Object.entries(item).every(([k, v]) => k === 'url' || v == null)) {
        return { id: sourceId(item.url.trim()) };
      }
      const sf = new Fields(item, at);
      sf.only(['id', ...SOURCE_FIELDS]);
      if (item.id != null)
        throw new FactProblem(`${at}.id`, 'give either id or a new source {url, publisher, kind, tier}, not both');
      return { inline: sourceValue(sf) };
    }
    throw new FactProblem(at, 'must be a Source id, an address, or {url, publisher, kind, tier}');
  });
  return {
    sources,
    confidence: f.oneOf<ConfidenceTier>('confidence', enumValues(ConfidenceTier)) ?? null,
    note: f.str('evidenceNote', { max: 2000 }) ?? null,
  };
}

export const EVIDENCE_FIELDS = ['sources', 'confidence', 'evidenceNote', 'ftmIds', 'ftmDatasets'];

/** FtM provenance written in a line (an export of FtM-sourced facts carries it back). */
export function provenanceValue(f: Fields): { provenance?: Provenance } {
  const ftmIds = f.strList('ftmIds', 500);
  const datasets = f.strList('ftmDatasets', 200);
  if (!ftmIds?.length && !datasets?.length) return {};
  return { provenance: { ftmIds: ftmIds ?? [], datasets: datasets ?? [] } };
}

/** A tactic's code: capitals, digits and underscores, 2 to 50 characters. */
export const CODE = /^[A-Z][A-Z0-9_]{1,49}$/;

export function referenceFact(type: 'country' | 'tactic', f: Fields): CountryFact | TacticFact {
  const name = f.str('name', { required: true, max: MAX_NAME })!;
  if (type === 'country') {
    const code = f.country('code');
    if (!code) throw new FactProblem('code', 'is required');
    return { type, code, name };
  }
  const code = f.str('code', { required: true, max: 50 })!.toUpperCase();
  if (!CODE.test(code)) throw new FactProblem('code', `must be a tactic code such as "AIS_DARK" (got "${code}")`);
  return { type, code, name, description: f.str('description') };
}
