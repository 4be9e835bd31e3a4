/**
 * Per-request DataLoaders: nested fields resolve with one query per kind of relationship per level of
 * the GraphQL answer, never one per parent. Labels in the queries come from the id prefixes (an
 * allow-listed set), values travel as parameters.
 */
import DataLoader from 'dataloader';
import { Database, Params, StatementCounter } from './database';
import { labelOfId, NODE_KINDS, NodeLabel } from '../domain/ids';
import {
  LegRecord,
  NodeRecord,
  RelationRecord,
  TacticUseRecord,
  byPeriod,
  propsFromValues,
  toRecord,
  toRelation,
  toTacticUse,
} from './records';
import { RELATION_TYPES } from './read/party';
import { LEG_VIEWS_BY_ID, LegView } from './trace';
import { legsFromColumns, LEGS_OF_VESSELS_NARROWED, narrowedRecord, propertyValue } from './narrowedReads';
import { compileList, decodeList, ListPlan } from './read/compiled';
import { byLabel } from './read/byLabel';

type Row = { key: string } & Record<string, unknown>;

export interface LoaderOptions {
  /** false turns batching off (one query per parent): only for measuring the N+1 baseline. */
  batch?: boolean;
  /**
   * false: every read is whole, the `…With` loaders answer as their whole-read loaders (no look-ahead);
   * for comparing the narrowed reads' answers with the whole ones (test/integration/projection.test.ts).
   */
  project?: boolean;
}

function groupRows<V>(keys: readonly string[], rows: Row[], map: (row: Row) => V): V[][] {
  const groups = new Map<string, V[]>();
  for (const row of rows) {
    const list = groups.get(row.key) ?? [];
    list.push(map(row));
    groups.set(row.key, list);
  }
  return keys.map((k) => groups.get(k) ?? []);
}

const ALL_LABELS = Object.values(NODE_KINDS);
const PARTY_LABELS: NodeLabel[] = ['Company', 'Person'];
const TARGET_LABELS: NodeLabel[] = ['Vessel', 'Company', 'Person'];
const DESIGNATABLE: NodeLabel[] = ['Vessel', 'Company', 'Person'];
const TACTIC_USERS: NodeLabel[] = ['Vessel', 'Company', 'Person', 'Leg', 'Transfer'];

/** An id merged into another entity (mergeEntities) resolves to that entity; its branch comes first so a real node's row wins. */
const MERGED_ID =
  'MATCH (a:Alias)-[:MERGED_INTO]->(n) WHERE a.id IN $aliasKeys RETURN a.id AS key, properties(n) AS props';
const NODE_BY_ID = byLabel(
  ALL_LABELS,
  (l, keys) => `MATCH (n:${l}) WHERE n.id IN ${keys} RETURN n.id AS key, properties(n) AS props`,
  [MERGED_ID],
);
/**
 * The node loader's statement reading only some properties: per label, `$props_<Label>` lists the
 * properties to read (values in that order) or is null to read them all (`props`).
 */
const NODE_PROJECTED_BY_ID = byLabel(
  ALL_LABELS,
  (l, keys) => `MATCH (n:${l}) WHERE n.id IN ${keys}
    RETURN n.id AS key, CASE WHEN $props_${l} IS NULL THEN properties(n) END AS props, [p IN $props_${l} | ${propertyValue('n[p]')}] AS values`,
  [`${MERGED_ID}, null AS values`],
);

/** Which properties to read per label (db/records.ts propsFor); a label left out or null: all of them. */
export type Projection = Partial<Record<NodeLabel, string[] | null>>;

/** Relationship reads: `$props` lists the properties to read (values in that order), or is null to read them all. */
const REL_PROJECTION = `CASE WHEN $props IS NULL THEN properties(r) END AS props, [p IN $props | ${propertyValue('r[p]')}] AS values`;
const RELATIONS_TO = byLabel(
  TARGET_LABELS,
  (l, keys) => `UNWIND ${keys} AS key MATCH (t:${l} {id: key})<-[r]-(p:Party) WHERE type(r) IN $types
    RETURN key, type(r) AS type, ${REL_PROJECTION}, p.id AS otherId`,
);
const RELATIONS_FROM = byLabel(
  PARTY_LABELS,
  (l, keys) => `UNWIND ${keys} AS key MATCH (p:${l} {id: key})-[r]->(t) WHERE type(r) IN $types
    RETURN key, type(r) AS type, ${REL_PROJECTION}, t.id AS otherId`,
);
const relationProps = (props: string[] | null) => (r: Row) =>
  props ? propsFromValues(props, r.values as unknown[]) : (r.props as Record<string, unknown>);

const DESIGNATIONS = byLabel(
  DESIGNATABLE,
  (l, keys) =>
    `UNWIND ${keys} AS key MATCH (:${l} {id: key})-[:DESIGNATED]->(d:Designation) RETURN key, properties(d) AS props`,
);
const TACTIC_USES = byLabel(
  TACTIC_USERS,
  (l, keys) =>
    `UNWIND ${keys} AS key MATCH (:${l} {id: key})-[u:USED]->(t:Tactic) RETURN key, properties(u) AS props, t.id AS tacticId`,
);

export function createLoaders(db: Database, counter: StatementCounter, options: LoaderOptions = {}) {
  const batch = options.batch ?? true;
  const project = options.project ?? true;
  const read = (cypher: string, params: Params) => db.read<Row>(cypher, params, counter);

  function many<V>(
    query: (keys: readonly string[]) => Promise<Row[]>,
    map: (row: Row) => V,
    order?: (a: V, b: V) => number,
  ) {
    return new DataLoader<string, V[]>(
      async (keys) => {
        const groups = groupRows(keys, await query(keys), map);
        return order ? groups.map((g) => g.sort(order)) : groups;
      },
      { batch },
    );
  }

  const relationTypes = [...RELATION_TYPES];
  const relationsTo = (props: string[] | null) => {
    const propsOf = relationProps(props);
    return many<RelationRecord>(
      (keys) => read(RELATIONS_TO.cypher, RELATIONS_TO.params(keys, { types: relationTypes, props })),
      (r) => toRelation(String(r.type), propsOf(r), String(r.otherId), r.key),
      byPeriod,
    );
  };
  const relationsFrom = (props: string[] | null) => {
    const propsOf = relationProps(props);
    return many<RelationRecord>(
      (keys) => read(RELATIONS_FROM.cypher, RELATIONS_FROM.params(keys, { types: relationTypes, props })),
      (r) => toRelation(String(r.type), propsOf(r), r.key, String(r.otherId)),
      byPeriod,
    );
  };
  /** Legs of vessels reading only `props` (db/narrowedReads.ts). */
  const legsWith = (props: string[]) =>
    new DataLoader<string, LegRecord[]>(
      async (keys) => {
        const rows = await read(LEGS_OF_VESSELS_NARROWED, { keys, props });
        const found = new Map(rows.map((r) => [r.key, legsFromColumns(props, r)]));
        return keys.map((k) => found.get(k) ?? []);
      },
      { batch },
    );
  const projectedRelationsTo = new Map<string, DataLoader<string, RelationRecord[]>>();
  const projectedRelationsFrom = new Map<string, DataLoader<string, RelationRecord[]>>();
  /** One loader per property set (two selections of one request never mix); null: the whole-read loader. */
  function projected<V>(
    cache: Map<string, DataLoader<string, V>>,
    props: string[] | null,
    make: (props: string[]) => DataLoader<string, V>,
    whole: DataLoader<string, V>,
  ): DataLoader<string, V> {
    if (props == null || !project) return whole;
    const key = props.join(',');
    let loader = cache.get(key);
    if (!loader) cache.set(key, (loader = make(props)));
    return loader;
  }
  const projectedLegs = new Map<string, DataLoader<string, LegRecord[]>>();
  const projectedNodes = new Map<string, DataLoader<string, NodeRecord | null>>();
  const compiledLists = new Map<string, DataLoader<string, unknown[]>>();

  return {
    /** Any entity by id. */
    node: new DataLoader<string, NodeRecord | null>(
      async (keys) => {
        const rows = await read(NODE_BY_ID.cypher, NODE_BY_ID.params(keys, { aliasKeys: keys }));
        const found = new Map(
          rows.map((r) => [r.key, toRecord(labelOfId(r.key)!, r.props as Record<string, unknown>)]),
        );
        return keys.map((k) => found.get(k) ?? null);
      },
      { batch },
    ),

    /**
     * Any entity by id, reading only the properties of `projection` (one loader per projection, named
     * by `key`, so two selections of one request never mix). For queries only: mutations clear the
     * node loader after they write, and read through it.
     */
    nodeWith(key: string, projection: Projection): DataLoader<string, NodeRecord | null> {
      if (!project) return this.node;
      let loader = projectedNodes.get(key);
      if (!loader) {
        const propsParams: Params = {};
        for (const l of ALL_LABELS) propsParams[`props_${l}`] = projection[l] ?? null;
        loader = new DataLoader<string, NodeRecord | null>(
          async (keys) => {
            const rows = await read(
              NODE_PROJECTED_BY_ID.cypher,
              NODE_PROJECTED_BY_ID.params(keys, { aliasKeys: keys, ...propsParams }),
            );
            const found = new Map<string, NodeRecord>();
            for (const r of rows) {
              // a merged id's row comes first, so that a real node's row with the same key wins
              const label = labelOfId(r.key)!;
              const props = projection[label];
              found.set(
                r.key,
                r.values != null && props
                  ? narrowedRecord(label, props, propsFromValues(props, r.values as unknown[]))
                  : toRecord(label, r.props as Record<string, unknown>),
              );
            }
            return keys.map((k) => found.get(k) ?? null);
          },
          { batch },
        );
        projectedNodes.set(key, loader);
      }
      return loader;
    },

    /** Whether compiled reads are on (false with `project: false`: every read is whole, through the loaders). */
    compiling: project,

    /**
     * A list field and the subtree below it read in one statement (db/read/compiled.ts), for parents of
     * these labels; one loader per plan, named by `key`, batched over the parents. null when the loaders
     * read whole records (`project: false`): the caller then reads through the other loaders.
     */
    compiledList(key: string, labels: readonly NodeLabel[], list: ListPlan): DataLoader<string, unknown[]> | null {
      if (!project) return null;
      let loader = compiledLists.get(key);
      if (!loader) {
        const { cypher, params } = compileList(labels, list);
        const keyParams = byLabel(labels, () => '').params;
        loader = new DataLoader<string, unknown[]>(
          async (keys) => {
            const rows = await read(cypher, keyParams(keys, params));
            const found = new Map(rows.map((r) => [r.key, decodeList(list, r.value, r.key)]));
            return keys.map((k) => found.get(k) ?? []);
          },
          { batch },
        );
        compiledLists.set(key, loader);
      }
      return loader;
    },

    identityClaimsOfVessel: many(
      (keys) =>
        read(
          `UNWIND $keys AS key MATCH (:Vessel {id: key})-[:CLAIMED]->(c:IdentityClaim)
           RETURN key, properties(c) AS props ORDER BY c.periodFrom, c.id`,
          { keys },
        ),
      (r) => toRecord('IdentityClaim', r.props as Record<string, unknown>),
    ),

    /** Ties from companies and persons to this vessel or company (owners, managers, controllers …). */
    relationsToTarget: relationsTo(null),

    /** Ties from this company or person to vessels and companies. */
    relationsFromParty: relationsFrom(null),

    /**
     * The same ties reading only the given relationship properties (db/records.ts relationPropsFor), one
     * loader per property set; null: every property.
     */
    relationsToTargetWith(props: string[] | null): DataLoader<string, RelationRecord[]> {
      return projected(projectedRelationsTo, props, relationsTo, this.relationsToTarget);
    },
    relationsFromPartyWith(props: string[] | null): DataLoader<string, RelationRecord[]> {
      return projected(projectedRelationsFrom, props, relationsFrom, this.relationsFromParty);
    },

    designationsOf: many(
      (keys) => read(DESIGNATIONS.cypher, DESIGNATIONS.params(keys)),
      (r) => toRecord('Designation', r.props as Record<string, unknown>),
      (a, b) =>
        String((a.date as { from: string | null }).from ?? '').localeCompare(
          String((b.date as { from: string | null }).from ?? ''),
        ) || a.id.localeCompare(b.id),
    ),

    tacticUsesOf: many<TacticUseRecord>(
      (keys) => read(TACTIC_USES.cypher, TACTIC_USES.params(keys)),
      (r) => toTacticUse(r.props as Record<string, unknown>, String(r.tacticId)),
      (a, b) => a.tacticId.localeCompare(b.tacticId),
    ),

    /** A leg's record, ports and vessel name, as a route shows it (db/trace/ routeDetail). */
    legView: new DataLoader<string, LegView | null>(
      async (keys) => {
        const rows = await read(LEG_VIEWS_BY_ID, { keys });
        const found = new Map(rows.map((r) => [r.key, r.view as LegView]));
        return keys.map((k) => found.get(k) ?? null);
      },
      { batch },
    ),

    legsOfVessel: many(
      (keys) =>
        read(
          `UNWIND $keys AS key MATCH (l:Leg)-[:ON]->(:Vessel {id: key})
           RETURN key, properties(l) AS props ORDER BY coalesce(l.departureFrom, l.arrivalFrom, l.arrivalTo), l.id`,
          { keys },
        ),
      (r) => toRecord('Leg', r.props as Record<string, unknown>),
    ),

    /**
     * The legs of a vessel with only the given properties read (db/records.ts legPropsFor); one loader
     * per property set, so two selections of the same request never mix. null: every property.
     */
    legsOfVesselWith(props: string[] | null): DataLoader<string, LegRecord[]> {
      return projected(projectedLegs, props, legsWith, this.legsOfVessel);
    },

    transfersOfVessel: many(
      (keys) =>
        read(
          `UNWIND $keys AS key MATCH (t:Transfer)-[:FROM_VESSEL|TO_VESSEL]->(:Vessel {id: key})
           RETURN DISTINCT key, properties(t) AS props ORDER BY props.whenFrom`,
          { keys },
        ),
      (r) => toRecord('Transfer', r.props as Record<string, unknown>),
    ),

    /** The ports a leg leaves from and goes to (several when the sources give alternatives). */
    portsOfLeg: many(
      (keys) =>
        read(
          `UNWIND $keys AS key MATCH (:Leg {id: key})-[r:FROM|TO]->(p:Port)
           RETURN key, type(r) AS direction, p.id AS portId ORDER BY p.name`,
          { keys },
        ),
      (r) => ({ direction: String(r.direction) as 'FROM' | 'TO', portId: String(r.portId) }),
    ),

    legsAtPort: many(
      (keys) =>
        read(
          `UNWIND $keys AS key MATCH (:Port {id: key})<-[r:FROM|TO]-(l:Leg)
           RETURN key, type(r) AS direction, properties(l) AS props
           ORDER BY coalesce(l.departureFrom, l.arrivalFrom, l.arrivalTo), l.id`,
          { keys },
        ),
      (r) => ({ direction: String(r.direction), leg: toRecord('Leg', r.props as Record<string, unknown>) }),
    ),

    transfersAtPort: many(
      (keys) =>
        read(
          `UNWIND $keys AS key MATCH (:Port {id: key})<-[:AT]-(t:Transfer)
           RETURN key, properties(t) AS props ORDER BY t.whenFrom`,
          { keys },
        ),
      (r) => toRecord('Transfer', r.props as Record<string, unknown>),
    ),

    portsInCountry: many(
      (keys) =>
        read(
          `UNWIND $keys AS key MATCH (p:Port {countryCode: key}) RETURN key, properties(p) AS props ORDER BY p.name`,
          { keys },
        ),
      (r) => toRecord('Port', r.props as Record<string, unknown>),
    ),

    partiesInCountry: many(
      (keys) =>
        read(
          `UNWIND $keys AS key MATCH (p:Party)-[:IN]->(:Country {code: key})
           RETURN key, labels(p) AS labels, properties(p) AS props ORDER BY p.name`,
          { keys },
        ),
      (r) =>
        toRecord((r.labels as string[]).includes('Person') ? 'Person' : 'Company', r.props as Record<string, unknown>),
    ),

    vesselsFlaggedIn: many(
      (keys) =>
        read(
          `UNWIND $keys AS key MATCH (v:Vessel {flagCode: key}) RETURN key, properties(v) AS props ORDER BY v.name`,
          {
            keys,
          },
        ),
      (r) => toRecord('Vessel', r.props as Record<string, unknown>),
    ),
  };
}

export type Loaders = ReturnType<typeof createLoaders>;
