/**
 * Turns the demo dataset (seed/format.ts) into node and relationship batches for the graph writer.
 * Every fact keeps its sources (`sourceIds`, and `CITED_IN` edges from nodes), its confidence, and its
 * dates as bounds with a precision.
 */
import { sourceId } from '../src/domain/sources';
import { DateRange, Evidence, Quantity, SeedDataset } from './format';
import { NodeBatch, RelBatch, RelRow, neoDate } from '../src/db/write/graphWriter';
import { confidenceScore } from '../src/domain/confidence';
import { currentFlag } from '../src/domain/identity';
import { labelOfId, NodeLabel } from '../src/domain/ids';
import { Params } from '../src/db/database';
import { LEG_GIVEN_PROPERTIES, pickProps } from '../src/domain/graph';

export { sourceId };

function evidenceProps(e: Evidence): Params {
  return {
    sourceIds: e.sources.map(sourceId),
    confidence: confidenceScore(e.confidence),
    confidenceTier: e.confidence,
    evidenceNote: e.note ?? null,
  };
}

function rangeProps(prefix: string, r: DateRange | null): Params {
  return {
    [`${prefix}From`]: neoDate(r?.from),
    [`${prefix}To`]: neoDate(r?.to),
    [`${prefix}Precision`]: r?.precision ?? null,
    [`${prefix}Text`]: r?.text ?? null,
  };
}

function quantitiesJson(qs: Quantity[]): string {
  return JSON.stringify(
    qs.map((q) => ({ min: q.min, max: q.max, unit: q.unit, text: q.text, ...evidenceProps(q.evidence) })),
  );
}

function bounds(qs: Quantity[]): { min: number | null; max: number | null } {
  const mins = qs.map((q) => q.min ?? q.max).filter((v): v is number => v != null);
  const maxs = qs.map((q) => q.max ?? q.min).filter((v): v is number => v != null);
  return { min: mins.length ? Math.min(...mins) : null, max: maxs.length ? Math.max(...maxs) : null };
}

function label(id: string): NodeLabel {
  const l = labelOfId(id);
  if (!l) throw new Error(`seed: "${id}" is not a Collier id`);
  return l;
}

/** Groups relationship rows by (type, from label, to label), the unit the writer batches on. */
class RelCollector {
  private readonly groups = new Map<string, RelBatch>();

  add(type: RelBatch['type'], fromId: string, toId: string, props: Params = {}, key?: string): void {
    const fromLabel = label(fromId);
    const toLabel = label(toId);
    const groupKey = `${type}|${fromLabel}|${toLabel}`;
    let batch = this.groups.get(groupKey);
    if (!batch) {
      batch = { type, fromLabel, toLabel, rows: [] };
      this.groups.set(groupKey, batch);
    }
    const row: RelRow = { id: key ?? `${type}:${fromId}->${toId}`, fromId, toId, props };
    batch.rows.push(row);
  }

  cite(nodeId: string, e: Evidence): void {
    for (const url of e.sources) this.add('CITED_IN', nodeId, sourceId(url));
  }

  batches(): RelBatch[] {
    return [...this.groups.values()];
  }
}

export function datasetToGraph(d: SeedDataset): { nodes: NodeBatch[]; rels: RelBatch[] } {
  const rels = new RelCollector();
  const nodes: NodeBatch[] = [];

  nodes.push({
    label: 'Source',
    rows: d.sources.map((s) => ({
      id: sourceId(s.url),
      props: {
        url: s.url,
        publisher: s.publisher,
        kind: s.kind,
        tier: s.tier,
        confidence: confidenceScore(s.tier),
        title: s.title,
        date: neoDate(s.date),
      },
    })),
  });

  nodes.push({
    label: 'Country',
    rows: d.countries.map((c) => ({ id: `country:${c.code}`, props: { code: c.code, name: c.name } })),
  });

  nodes.push({
    label: 'Port',
    rows: d.ports.map((p) => {
      rels.cite(p.id, p.evidence);
      if (p.countryCode) rels.add('IN', p.id, `country:${p.countryCode}`);
      return {
        id: p.id,
        props: {
          name: p.name,
          aliases: p.aliases,
          aliasesText: p.aliases.join(' | '),
          kind: p.kind,
          countryCode: p.countryCode,
          locode: p.locode,
          lat: p.lat,
          lon: p.lon,
          role: p.role,
          ...evidenceProps(p.evidence),
        },
      };
    }),
  });

  const claimsByVessel = new Map<string, SeedDataset['identityClaims']>();
  for (const c of d.identityClaims) {
    const list = claimsByVessel.get(c.vesselId) ?? [];
    list.push(c);
    claimsByVessel.set(c.vesselId, list);
  }

  nodes.push({
    label: 'Vessel',
    rows: d.vessels.map((v) => {
      rels.cite(v.id, v.evidence);
      const claims = claimsByVessel.get(v.id) ?? [];
      const flag = currentFlag(
        claims.map((c) => ({ ...c, periodFrom: c.period?.from ?? null, periodTo: c.period?.to ?? null })),
      );
      const otherNames = [...new Set(claims.map((c) => c.name).filter((n): n is string => !!n && n !== v.name))];
      return {
        id: v.id,
        props: {
          name: v.name,
          imo: v.imo,
          mmsi: v.mmsi,
          callSign: v.callSign,
          vesselType: v.vesselType,
          buildYear: v.buildYear,
          deadweightJson: quantitiesJson(v.deadweight ? [v.deadweight] : []),
          grossTonnageJson: quantitiesJson(v.grossTonnage ? [v.grossTonnage] : []),
          description: v.description,
          status: v.status,
          flagCode: flag.code,
          flagText: flag.text,
          otherNames,
          aliasesText: otherNames.join(' | '),
          ...evidenceProps(v.evidence),
        },
      };
    }),
  });

  nodes.push({
    label: 'IdentityClaim',
    rows: d.identityClaims.map((c) => {
      rels.add('CLAIMED', c.vesselId, c.id);
      if (c.flagCode) rels.add('FLAG', c.id, `country:${c.flagCode}`);
      rels.cite(c.id, c.evidence);
      return {
        id: c.id,
        props: {
          vesselId: c.vesselId,
          name: c.name,
          imo: c.imo,
          mmsi: c.mmsi,
          callSign: c.callSign,
          flagCode: c.flagCode,
          flagText: c.flagText,
          status: c.status,
          kind: c.kind,
          ...rangeProps('period', c.period),
          ...evidenceProps(c.evidence),
        },
      };
    }),
  });

  for (const kind of ['COMPANY', 'PERSON'] as const) {
    nodes.push({
      label: kind === 'COMPANY' ? 'Company' : 'Person',
      extraLabels: ['Party'],
      rows: d.companies
        .filter((c) => c.kind === kind)
        .map((c) => {
          rels.cite(c.id, c.evidence);
          if (c.countryCode) rels.add('IN', c.id, `country:${c.countryCode}`);
          return {
            id: c.id,
            props: {
              name: c.name,
              kind: c.kind,
              aliases: c.aliases,
              aliasesText: c.aliases.join(' | '),
              countryCode: c.countryCode,
              countryText: c.countryText,
              imoCompanyNumber: c.imoCompanyNumber,
              address: c.address,
              role: c.role,
              ...evidenceProps(c.evidence),
            },
          };
        }),
    });
  }

  for (const r of d.relations) {
    rels.add(
      r.type,
      r.fromId,
      r.toId,
      { role: r.role, ...rangeProps('period', r.period), ...evidenceProps(r.evidence) },
      r.id,
    );
  }

  nodes.push({
    label: 'Tactic',
    rows: d.tactics.map((t) => ({
      id: `tactic:${t.code}`,
      props: { code: t.code, name: t.name, description: t.description },
    })),
  });

  for (const u of d.tacticUses) {
    rels.add(
      'USED',
      u.subjectId,
      `tactic:${u.tacticCode}`,
      { note: u.note, ...rangeProps('period', u.period), ...evidenceProps(u.evidence) },
      u.id,
    );
  }

  nodes.push({
    label: 'Leg',
    rows: d.legs.map((l) => {
      rels.cite(l.id, l.evidence);
      const ev = evidenceProps(l.evidence);
      if (l.vesselId) rels.add('ON', l.id, l.vesselId, ev);
      const alternative = (ids: string[]) => ids.length > 1;
      for (const p of l.fromPortIds) rels.add('FROM', l.id, p, { alternative: alternative(l.fromPortIds), ...ev });
      for (const p of l.toPortIds) rels.add('TO', l.id, p, { alternative: alternative(l.toPortIds), ...ev });
      if (l.destinationCountryCode) rels.add('DESTINATION', l.id, `country:${l.destinationCountryCode}`, ev);
      for (const t of l.tacticCodes) rels.add('USED', l.id, `tactic:${t}`, ev);
      const tonnage = bounds(l.tonnage);
      return {
        id: l.id,
        props: {
          vesselId: l.vesselId,
          ...pickProps(LEG_GIVEN_PROPERTIES, l),
          ...rangeProps('departure', l.departure),
          ...rangeProps('arrival', l.arrival),
          tonnageJson: quantitiesJson(l.tonnage),
          tonnageMin: tonnage.min,
          tonnageMax: tonnage.max,
          valueJson: quantitiesJson(l.value),
          ...ev,
        },
      };
    }),
  });

  nodes.push({
    label: 'Transfer',
    rows: d.transfers.map((t) => {
      rels.cite(t.id, t.evidence);
      const ev = evidenceProps(t.evidence);
      if (t.fromVesselId) rels.add('FROM_VESSEL', t.id, t.fromVesselId, ev);
      if (t.toVesselId) rels.add('TO_VESSEL', t.id, t.toVesselId, ev);
      if (t.portId) rels.add('AT', t.id, t.portId, ev);
      if (t.fromLegId) rels.add('FROM_LEG', t.id, t.fromLegId, ev);
      if (t.toLegId) rels.add('TO_LEG', t.id, t.toLegId, ev);
      for (const c of t.tacticCodes) rels.add('USED', t.id, `tactic:${c}`, ev);
      const tonnage = bounds(t.tonnage);
      return {
        id: t.id,
        props: {
          fromVesselId: t.fromVesselId,
          fromVesselDescription: t.fromVesselDescription,
          toVesselId: t.toVesselId,
          toVesselDescription: t.toVesselDescription,
          portId: t.portId,
          kind: t.kind,
          ...rangeProps('when', t.when),
          tonnageJson: quantitiesJson(t.tonnage),
          tonnageMin: tonnage.min,
          tonnageMax: tonnage.max,
          ...ev,
        },
      };
    }),
  });

  nodes.push({
    label: 'Designation',
    rows: d.designations.map((g) => {
      rels.add('DESIGNATED', g.targetId, g.id, evidenceProps(g.evidence));
      rels.cite(g.id, g.evidence);
      return {
        id: g.id,
        props: {
          targetId: g.targetId,
          authority: g.authority,
          measure: g.measure,
          status: g.status,
          reference: g.reference,
          ...rangeProps('date', g.date),
          ...evidenceProps(g.evidence),
        },
      };
    }),
  });

  nodes.push({
    label: 'Statistic',
    rows: d.statistics.map((s) => {
      rels.cite(s.id, s.evidence);
      for (const p of s.fromPortIds) rels.add('ABOUT', s.id, p, { role: 'from' }, `ABOUT:${s.id}->${p}:from`);
      for (const p of s.toPortIds) rels.add('ABOUT', s.id, p, { role: 'to' }, `ABOUT:${s.id}->${p}:to`);
      for (const c of s.countryCodes) rels.add('ABOUT', s.id, `country:${c}`, { role: 'country' });
      for (const t of s.tacticCodes) rels.add('ABOUT', s.id, `tactic:${t}`, { role: 'tactic' });
      return {
        id: s.id,
        props: {
          statement: s.statement,
          name: s.statement,
          quantitiesJson: quantitiesJson(s.quantities),
          attributedTo: s.attributedTo,
          ...rangeProps('period', s.period),
          ...evidenceProps(s.evidence),
        },
      };
    }),
  });

  return { nodes, rels: rels.batches() };
}
