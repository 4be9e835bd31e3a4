/**
 * What the bench's hand-written (raw) statements return for the data its GraphQL queries show: a node's
 * label and name, an edge's confidence. Written here by hand, in Cypher, as a client that wants that
 * data from the store would write it (the service's own statements are in src/db and are not used):
 * - a node's label: its first label that is one of the model's (the answer's `label`);
 * - a node's name: the naming rule of the answer (`displayName`, src/db/read/traversal.ts) written
 *   as a CASE on the label: a leg by its vessel (one more expansion), ports of departure and arrival
 *   and day, a transfer by its two vessels, a designation by authority, measure and day, an identity
 *   claim by name, flag and status, a source by title; anything else by `name`, else `code`, else id;
 * - an edge's confidence: its own, else (CLAIMED, FLAG: structural edges with no evidence of their
 *   own) that of the identity claim it attaches.
 * Empty texts count as missing, as in the naming rule.
 */

/** A text property, null when empty. */
const S = (x: string) => `nullIf(${x}, '')`;

/** Cypher: the label the answer shows for node `n` (needs `$labels`: the model's labels). */
export const RAW_LABEL = (n: string) =>
  `coalesce(head([l IN labels(${n}) WHERE l IN $labels]), head(labels(${n})), 'Node')`;

/** Cypher: the name the answer shows for node `n`, whose label (RAW_LABEL) is `label`. */
export const RAW_NAME = (n: string, label: string) => `CASE ${label}
  WHEN 'Leg' THEN coalesce(head([(${n})-[:ON]->(w:Vessel) | w.name]), ${S(`${n}.vesselDescription`)}, 'unnamed vessel') + ': ' +
    coalesce(${S(`${n}.fromText`)}, '?') + ' → ' + coalesce(${S(`${n}.toText`)}, '?') +
    coalesce(' (' + coalesce(${S(`${n}.departureText`)}, ${S(`${n}.arrivalText`)}) + ')', '')
  WHEN 'Transfer' THEN coalesce(${S(`${n}.fromVesselDescription`)}, ${S(`${n}.fromVesselId`)}, '?') + ' → ' +
    coalesce(${S(`${n}.toVesselDescription`)}, ${S(`${n}.toVesselId`)}, '?') + coalesce(' (' + ${S(`${n}.whenText`)} + ')', '')
  WHEN 'Designation' THEN coalesce(${S(`${n}.authority`)}, '?') + ': ' + coalesce(${S(`${n}.measure`)}, 'designation') +
    coalesce(' (' + toString(${n}.dateFrom) + ')', '')
  WHEN 'IdentityClaim' THEN coalesce(reduce(s = null, x IN [${S(`${n}.name`)}, coalesce(${S(`${n}.flagText`)}, ${S(`${n}.flagCode`)}),
    CASE WHEN ${n}.status = 'FALSE' THEN 'false identity' END] | CASE WHEN x IS NULL THEN s WHEN s IS NULL THEN x ELSE s + ', ' + x END), ${n}.id)
  WHEN 'Source' THEN coalesce(${S(`${n}.title`)}, ${S(`${n}.publisher`)}, ${n}.url, ${n}.id)
  WHEN 'Statistic' THEN coalesce(${S(`${n}.statement`)}, ${n}.id)
  ELSE coalesce(${S(`${n}.name`)}, ${S(`${n}.code`)}, ${n}.id)
END`;

/** Cypher: `[id, label, name]` of node `n`. */
export const RAW_NODE = (n: string) => `[${n}_l IN [${RAW_LABEL(n)}] | [${n}.id, ${n}_l, ${RAW_NAME(n, `${n}_l`)}]][0]`;

/** Cypher: the confidence the answer shows for relationship `r` from `a` to `b` (stored direction). */
export const RAW_EDGE_CONFIDENCE = (r: string, a = `startNode(${r})`, b = `endNode(${r})`) =>
  `coalesce(${r}.confidence, CASE type(${r}) WHEN 'CLAIMED' THEN ${b}.confidence WHEN 'FLAG' THEN ${a}.confidence END)`;
