/**
 * Stored facts → Collier JSON Lines (docs/import.md), the format `npm run import` reads: one fact per
 * line, each with its id, every field the graph holds for it and its evidence, so that importing the
 * file into an empty database gives the same graph and importing it into the database it came from
 * changes nothing. Pure: rows in (src/db/export/storedGraph.ts), lines out.
 */
import { StoredGraph, StoredNode, StoredRelation, Props } from '../db/export/storedGraph';
import { factFields } from '../domain/facts/fieldNames';
import { FactType } from '../domain/facts/kinds';
import { EVIDENCE_FIELDS } from '../domain/facts/values';

type Line = Record<string, unknown>;

/** Drops null, undefined and empty-string fields (a field left out keeps what the graph holds). */
function compact(o: Line): Line {
  const out: Line = {};
  for (const [k, v] of Object.entries(o)) if (v !== null && v !== undefined) out[k] = v;
  return out;
}

function range(p: Props, prefix: string): Line | undefined {
  const from = (p[`${prefix}From`] as string | null) ?? null;
  const to = (p[`${prefix}To`] as string | null) ?? null;
  const text = (p[`${prefix}Text`] as string | null) ?? null;
  const precision = (p[`${prefix}Precision`] as string | null) ?? null;
  if (from == null && to == null && text == null) return undefined;
  return compact({ from, to, precision, text });
}

function figures(json: unknown): Line[] | undefined {
  if (typeof json !== 'string' || json === '') return undefined;
  const list = JSON.parse(json) as Props[];
  // Each figure keeps its own evidence (it may differ from the fact's: another source, a lower confidence).
  return list.map((q) =>
    compact({
      min: q.min ?? null,
      max: q.max ?? null,
      unit: q.unit,
      text: q.text,
      ...(Array.isArray(q.sourceIds) && q.sourceIds.length > 0
        ? { sources: q.sourceIds, confidence: q.confidenceTier ?? null, evidenceNote: q.evidenceNote ?? null }
        : {}),
    }),
  );
}

/**
 * The fields a fact of this kind accepts (domain/facts), in their order, each from `mapped` or else
 * from the stored property of the same name (the leg's given properties, domain/graph); evidence aside.
 */
function byFieldName(type: FactType, p: Props, mapped: Line): Line {
  const fields = factFields(type).filter((f) => !EVIDENCE_FIELDS.includes(f));
  return Object.fromEntries(fields.map((f) => [f, f in mapped ? mapped[f] : p[f]]));
}

function evidence(p: Props): Line {
  return compact({
    sources: p.sourceIds ?? [],
    confidence: p.confidenceTier ?? null,
    evidenceNote: p.evidenceNote ?? null,
    ftmIds: (p.ftmIds as string[] | undefined)?.length ? p.ftmIds : null,
    ftmDatasets: (p.ftmDatasets as string[] | undefined)?.length ? p.ftmDatasets : null,
  });
}

const nonEmpty = (list: unknown) => (Array.isArray(list) && list.length > 0 ? list : undefined);

function nodeLine(n: StoredNode): Line[] {
  const p = n.props;
  const l = n.links;
  switch (n.label) {
    case 'Source':
      return [
        compact({
          type: 'source',
          url: p.url,
          publisher: p.publisher,
          kind: p.kind,
          tier: p.tier,
          title: p.title,
          date: p.date,
        }),
      ];
    case 'Country':
      return [{ type: 'country', code: p.code, name: p.name }];
    case 'Tactic':
      return [compact({ type: 'tactic', code: p.code, name: p.name, description: p.description })];
    case 'Port':
      return [
        compact({
          type: 'port',
          id: p.id,
          name: p.name,
          aliases: p.aliases,
          kind: p.kind,
          country: p.countryCode,
          locode: p.locode,
          lat: p.lat,
          lon: p.lon,
          role: p.role,
          ...evidence(p),
        }),
      ];
    case 'Vessel': {
      const uses = ((l.uses as { code: string; id: string; props: Props }[]) ?? []).map((u) =>
        compact({
          type: 'tacticUse',
          id: u.id,
          subject: p.id,
          tactic: u.code,
          note: u.props.note,
          period: range(u.props, 'period'),
          ...evidence(u.props),
        }),
      );
      return [
        compact({
          type: 'vessel',
          id: p.id,
          name: p.name,
          imo: p.imo,
          mmsi: p.mmsi,
          callSign: p.callSign,
          vesselType: p.vesselType,
          buildYear: p.buildYear,
          status: p.status,
          description: p.description,
          flag: p.flagCode,
          flagText: p.flagText,
          otherNames: p.otherNames,
          deadweight: figures(p.deadweightJson),
          grossTonnage: figures(p.grossTonnageJson),
          ...evidence(p),
        }),
        ...uses,
      ];
    }
    case 'Company':
    case 'Person':
      return [
        compact({
          type: n.label === 'Company' ? 'company' : 'person',
          id: p.id,
          name: p.name,
          aliases: p.aliases,
          country: p.countryCode,
          countryText: p.countryText,
          imoCompanyNumber: p.imoCompanyNumber,
          registrationNumber: p.registrationNumber,
          address: p.address,
          role: p.role,
          ...evidence(p),
        }),
      ];
    case 'IdentityClaim':
      return [
        compact({
          type: 'identityClaim',
          id: p.id,
          vessel: p.vesselId,
          kind: p.kind,
          status: p.status,
          name: p.name,
          imo: p.imo,
          mmsi: p.mmsi,
          callSign: p.callSign,
          flag: p.flagCode,
          flagText: p.flagText,
          vesselType: p.vesselType,
          period: range(p, 'period'),
          ...evidence(p),
        }),
      ];
    case 'Designation':
      return [
        compact({
          type: 'designation',
          id: p.id,
          target: p.targetId,
          authority: p.authority,
          measure: p.measure,
          status: p.status,
          date: range(p, 'date'),
          reference: p.reference,
          ...evidence(p),
        }),
      ];
    case 'Leg':
      return [
        compact({
          type: 'leg',
          ...byFieldName('leg', p, {
            vessel: p.vesselId,
            from: nonEmpty(l.from),
            to: nonEmpty(l.to),
            departure: range(p, 'departure'),
            arrival: range(p, 'arrival'),
            tonnage: figures(p.tonnageJson),
            value: figures(p.valueJson),
            destinationCountry: p.destinationCountryCode,
            tactics: nonEmpty(l.tactics),
          }),
          ...evidence(p),
        }),
      ];
    case 'Transfer':
      return [
        compact({
          type: 'transfer',
          id: p.id,
          fromVessel: p.fromVesselId,
          fromVesselDescription: p.fromVesselDescription,
          toVessel: p.toVesselId,
          toVesselDescription: p.toVesselDescription,
          port: p.portId,
          when: range(p, 'when'),
          kind: p.kind,
          fromLeg: (l.fromLeg as string[])[0],
          toLeg: (l.toLeg as string[])[0],
          tonnage: figures(p.tonnageJson),
          tactics: nonEmpty(l.tactics),
          ...evidence(p),
        }),
      ];
    case 'Statistic': {
      const about = (l.about as { id: string; role: string }[]) ?? [];
      const of = (role: string) => about.filter((a) => a.role === role).map((a) => a.id);
      return [
        compact({
          type: 'statistic',
          id: p.id,
          statement: p.statement,
          quantities: figures(p.quantitiesJson),
          attributedTo: p.attributedTo,
          period: range(p, 'period'),
          fromPorts: nonEmpty(of('from')),
          toPorts: nonEmpty(of('to')),
          countries: nonEmpty(of('country').map((c) => c.replace(/^country:/, ''))),
          tactics: nonEmpty(of('tactic').map((t) => t.replace(/^tactic:/, ''))),
          ...evidence(p),
        }),
      ];
    }
    default:
      return [];
  }
}

function relationLine(r: StoredRelation): Line {
  const p = r.props;
  return compact({
    type: 'relation',
    id: p.id,
    relation: r.type,
    from: r.fromId,
    to: r.toId,
    role: p.role,
    period: range(p, 'period'),
    ...evidence(p),
  });
}

/** The graph as JSON Lines, one fact a line, in an order an import reads without forward references. */
export function toJsonl(g: StoredGraph): string[] {
  const lines = g.nodes.flatMap(nodeLine);
  const relations = g.relations.map(relationLine);
  // Relations before legs and transfers keeps the file readable; the import orders by phase anyway.
  return [...lines, ...relations].map((l) => JSON.stringify(l));
}
