/**
 * Reads the stored facts back for export (src/export/*): every node of the fact labels with its
 * properties and the structural edges its fact names (a leg's ports and tactics, a transfer's legs),
 * the party relations, and the reference nodes facts point at (countries, tactics, statistics). For a
 * subgraph, the closure of the given ids: the facts they are, the entities those facts name, the
 * claims and designations of those entities, the relations among them and every source cited, so the
 * export imports on its own into an empty database. Labels and types come from the model's lists,
 * never from input; ids travel as parameters.
 */
import { Database, StatementCounter } from '../database';
import { RELATION_TYPES } from '../read/party';

export type Props = Record<string, unknown>;

export interface StoredNode {
  label: string;
  props: Props;
  /** Leg: FROM/TO ports, USED tactics. Transfer: FROM_LEG/TO_LEG legs, USED tactics. Vessel: tactic uses. */
  links: Record<string, unknown>;
}

export interface StoredRelation {
  type: string;
  fromId: string;
  toId: string;
  props: Props;
}

export interface StoredGraph {
  nodes: StoredNode[];
  relations: StoredRelation[];
}

/** The labels whose nodes are facts (or the reference data facts name), in the order they are written. */
export const EXPORT_LABELS = [
  'Source',
  'Country',
  'Tactic',
  'Port',
  'Vessel',
  'Company',
  'Person',
  'IdentityClaim',
  'Designation',
  'Leg',
  'Transfer',
  'Statistic',
] as const;

const LINKS: Partial<Record<(typeof EXPORT_LABELS)[number], string>> = {
  Leg: `{from: [(n)-[e:FROM]->(x:Port) | x.id], to: [(n)-[e:TO]->(x:Port) | x.id],
         tactics: [(n)-[:USED]->(t:Tactic) | t.code], destination: [(n)-[:DESTINATION]->(c:Country) | c.code]}`,
  Transfer: `{fromLeg: [(n)-[:FROM_LEG]->(x:Leg) | x.id], toLeg: [(n)-[:TO_LEG]->(x:Leg) | x.id],
              tactics: [(n)-[:USED]->(t:Tactic) | t.code]}`,
  Vessel: `{uses: [(n)-[u:USED]->(t:Tactic) | {code: t.code, id: u.id, props: properties(u)}]}`,
  Statistic: `{about: [(n)-[a:ABOUT]->(x) | {id: x.id, role: a.role, edgeId: a.id}]}`,
};

function nodeQuery(label: (typeof EXPORT_LABELS)[number]): string {
  return `MATCH (n:${label}) WHERE $ids IS NULL OR n.id IN $ids
          RETURN properties(n) AS props, ${LINKS[label] ?? '{}'} AS links ORDER BY n.id`;
}

const RELATIONS = `MATCH (a)-[r:${RELATION_TYPES.join('|')}]->(b)
  WHERE $ids IS NULL OR (a.id IN $ids AND b.id IN $ids)
  RETURN type(r) AS type, a.id AS fromId, b.id AS toId, properties(r) AS props ORDER BY type, r.id`;

/** Facts about the given entities that are nodes of their own: claims of vessels, designations of targets. */
const FACTS_ABOUT = `MATCH (c:IdentityClaim) WHERE c.vesselId IN $ids RETURN c.id AS id
  UNION MATCH (d:Designation) WHERE d.targetId IN $ids RETURN d.id AS id`;

/** Pattern comprehensions come in no set order: sorted, an export of the same graph is the same file. */
function sortedLinks(links: Record<string, unknown>): Record<string, unknown> {
  const key = (x: unknown) => (typeof x === 'string' ? x : JSON.stringify(x));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(links))
    out[k] = Array.isArray(v) ? [...(v as unknown[])].sort((a, b) => key(a).localeCompare(key(b))) : v;
  return out;
}

async function readNodes(db: Database, ids: string[] | null, counter?: StatementCounter): Promise<StoredNode[]> {
  const out: StoredNode[] = [];
  for (const label of EXPORT_LABELS) {
    const rows = await db.read<{ props: Props; links: Record<string, unknown> }>(nodeQuery(label), { ids }, counter);
    for (const r of rows) out.push({ label, props: r.props, links: sortedLinks(r.links) });
  }
  return out;
}

/** The ids a stored fact names (its vessel, ports, legs, target), the entities it cannot be imported without. */
function referenced(n: StoredNode): string[] {
  const p = n.props;
  const l = n.links;
  const ids = [p.vesselId, p.targetId, p.fromVesselId, p.toVesselId, p.portId, ...((p.sourceIds as unknown[]) ?? [])];
  for (const key of ['from', 'to', 'fromLeg', 'toLeg']) ids.push(...((l[key] as unknown[]) ?? []));
  for (const key of ['tactics', 'destination']) {
    const prefix = key === 'tactics' ? 'tactic:' : 'country:';
    ids.push(...((l[key] as string[]) ?? []).map((c) => `${prefix}${c}`));
  }
  if (typeof p.countryCode === 'string') ids.push(`country:${p.countryCode}`);
  if (typeof p.flagCode === 'string') ids.push(`country:${p.flagCode}`);
  for (const u of (l.uses as { code: string }[]) ?? []) ids.push(`tactic:${u.code}`);
  for (const a of (l.about as { id: string }[]) ?? []) ids.push(a.id);
  return ids.filter((x): x is string => typeof x === 'string');
}

/**
 * The stored facts: all of them (`ids` null), or the closure of the given ids. Rounds of reads until
 * nothing new is named (each round one statement per label), at most 6 rounds: facts name entities,
 * entities have claims and designations, those name sources; no chain is longer.
 */
export async function readStoredGraph(
  db: Database,
  ids: string[] | null,
  counter?: StatementCounter,
): Promise<StoredGraph> {
  if (ids == null) {
    return { nodes: await readNodes(db, null, counter), relations: await db.read<StoredRelation>(RELATIONS, { ids }) };
  }
  const seen = new Map<string, StoredNode>();
  let pending = [...new Set(ids)];
  for (let round = 0; round < 6 && pending.length > 0; round++) {
    const about = await db.read<{ id: string }>(FACTS_ABOUT, { ids: pending }, counter);
    const nodes = await readNodes(db, [...new Set([...pending, ...about.map((r) => r.id)])], counter);
    const next = new Set<string>();
    for (const n of nodes) {
      const id = String(n.props.id);
      if (seen.has(id)) continue;
      seen.set(id, n);
      for (const r of referenced(n)) next.add(r);
    }
    pending = [...next].filter((x) => !seen.has(x));
  }
  const all = [...seen.keys()];
  const relations = await db.read<StoredRelation>(RELATIONS, { ids: all }, counter);
  const extra = new Set(relations.flatMap((r) => ((r.props.sourceIds as string[]) ?? []).filter((s) => !seen.has(s))));
  const nodes = [...seen.values()];
  if (extra.size > 0) nodes.push(...(await readNodes(db, [...extra], counter)));
  const order = new Map<string, number>(EXPORT_LABELS.map((l, i) => [l, i]));
  nodes.sort(
    (a, b) => order.get(a.label)! - order.get(b.label)! || String(a.props.id).localeCompare(String(b.props.id)),
  );
  return { nodes, relations };
}
