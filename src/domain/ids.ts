/**
 * Collier's ids are `<kind>:<key>` ("vessel:wise-honest", "port:nampho", "country:KP"); the kind
 * names the label the node lives under, so `node(id)` knows where to look without a scan.
 */
export const NODE_KINDS = {
  vessel: 'Vessel',
  port: 'Port',
  company: 'Company',
  person: 'Person',
  country: 'Country',
  leg: 'Leg',
  transfer: 'Transfer',
  tactic: 'Tactic',
  designation: 'Designation',
  source: 'Source',
  statistic: 'Statistic',
  identity: 'IdentityClaim',
} as const;

export type NodeKind = keyof typeof NODE_KINDS;
export type NodeLabel = (typeof NODE_KINDS)[NodeKind];

const ID_SHAPE = /^([a-z]+):([A-Za-z0-9._:-]{1,200})$/;

const LABEL_OF_KIND = new Map<string, NodeLabel>(Object.entries(NODE_KINDS));

/**
 * The label an id belongs to, or null if the id is not one of Collier's. Called for every record of an
 * answer (thousands a nested read): `test` and a Map lookup of the prefix allocate no match array.
 */
export function labelOfId(id: string): NodeLabel | null {
  if (!ID_SHAPE.test(id)) return null;
  return LABEL_OF_KIND.get(id.slice(0, id.indexOf(':'))) ?? null;
}

/** "Weihai World-Shipping Freight Agency Co Ltd" → "weihai-world-shipping-freight-agency-co-ltd". */
export function slug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}
