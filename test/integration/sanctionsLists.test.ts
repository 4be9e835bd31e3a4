/**
 * The official lists in the demo graph (issue 15): the coal facts loaded, then the OFAC SDN list and
 * the UN Security Council Consolidated List (their DPRK programmes) through the import adapters, as
 * `npm start` does on an empty database. What the graph must then show, that loading again changes
 * nothing, that a dry run writes nothing, and the merge candidates an editor decides.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { graphCounts, startTestService, TestService } from './harness';
import { loadSanctionsLists, ListSeedResult } from '../../seed/lists';
import { seedDataDir } from '../../seed/load';
import { importOfficialList } from '../../src/import/lists';

jest.setTimeout(600_000);

const KEYS = { editor: 'editor-key-for-lists-0001', admin: 'admin-key-for-lists-0001' };
const API_KEYS = `editor:lists-e:${KEYS.editor},admin:lists-a:${KEYS.admin}`;

let t: TestService;
let seeded: ListSeedResult[];

const listFile = (name: string) => readFileSync(join(seedDataDir(), 'sanctions', name));
const OFAC = 'ofac-sdn-2024-05-03.csv';
const UN = 'un-sc-consolidated-2020-03-20.xml';

async function as(caller: keyof typeof KEYS | null, query: string, variables: Record<string, unknown> = {}) {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (caller) headers.authorization = `Bearer ${KEYS[caller]}`;
  const res = await fetch(`${t.url}/graphql`, { method: 'POST', headers, body: JSON.stringify({ query, variables }) });
  return (await res.json()) as { data?: Record<string, any>; errors?: { message: string; extensions?: any }[] };
}

beforeAll(async () => {
  t = await startTestService({ env: { COLLIER_API_KEYS: API_KEYS } });
  seeded = await loadSanctionsLists(t.db);
});

afterAll(async () => {
  await t?.close();
});

describe('the demo graph with the official lists', () => {
  it('loads the DPRK programmes of both lists with nothing refused', () => {
    expect(seeded.map((s) => s.rows)).toEqual([484, 155]);
    for (const s of seeded) expect(s.nodesCreated).toBeGreaterThan(0);
  });

  it('vessel(imo: "8914934") is EVER BRIGHT 88, designated by OFAC, flagged, tied to Ocean Maritime Management', async () => {
    const r = await t.gql(`{ vessel(imo: "8914934") {
      name imo flag { code } designations { authority reference date { to text } sources { url } }
      parties { type role party { name } }
    } }`);
    expect(r.errors).toBeUndefined();
    const v = r.data!.vessel;
    expect(v.name).toBe('EVER BRIGHT 88');
    expect(v.flag.code).toBe('SL');
    const ofac = v.designations.filter((d: any) => d.authority === 'US_OFAC');
    expect(ofac).toHaveLength(1);
    expect(ofac[0].reference).toBe('OFAC SDN ent_num 19570, programme DPRK');
    expect(ofac[0].date.to).toBe('2024-05-03');
    expect(ofac[0].sources.map((s: any) => s.url)).toEqual([
      'https://www.treasury.gov/ofac/downloads/sdn.csv#2024-05-03',
    ]);
    expect(v.parties).toContainEqual(
      expect.objectContaining({
        type: 'ASSOCIATED_WITH',
        party: { name: 'OCEAN MARITIME MANAGEMENT COMPANY LIMITED' },
      }),
    );
  });

  it('a search for "Ocean Maritime Management" finds one company carrying its UN and its OFAC designation', async () => {
    const r = await t.gql(`{ search(text: "Ocean Maritime Management", first: 20) { edges { node {
      __typename ... on Company { id name aliases imoCompanyNumber designations { authority reference date { from } } }
    } } } }`);
    expect(r.errors).toBeUndefined();
    const companies = r
      .data!.search.edges.map((e: any) => e.node)
      .filter(
        (n: any) => n.__typename === 'Company' && /ocean maritime management/i.test([n.name, ...n.aliases].join(' ')),
      );
    expect(companies).toHaveLength(1);
    const omm = companies[0];
    expect(omm.imoCompanyNumber).toBe('1790183');
    expect(omm.designations).toContainEqual({
      authority: 'UN_1718_COMMITTEE',
      reference: 'KPe.020',
      date: { from: '2014-07-28' },
    });
    expect(omm.designations.some((d: any) => d.authority === 'US_OFAC')).toBe(true);
  });

  it("keeps the Tonnage column of a listed vessel as a figure (HUA FU, ent_num 23764, the coal facts' Hua Fu)", async () => {
    const r = await t.gql(`{ vessel(imo: "9020003") { name grossTonnage { min max unit text } } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.vessel).toEqual({
      name: 'Hua Fu',
      grossTonnage: [
        { min: 10030, max: 10030, unit: 'GT', text: 'OFAC Tonnage (which tonnage the list does not say) 10,030' },
      ],
    });
  });

  it('after the automatic merges every designation and identity claim names the node that holds it', async () => {
    const [{ n }] = await t.db.read<{ n: number }>(
      `MATCH (p)-[:DESIGNATED]->(d:Designation) WHERE d.targetId <> p.id RETURN count(d) AS n`,
    );
    expect(n).toBe(0);
    const [{ m }] = await t.db.read<{ m: number }>(
      `MATCH (v)-[:CLAIMED]->(c:IdentityClaim) WHERE c.vesselId <> v.id RETURN count(c) AS m`,
    );
    expect(m).toBe(0);
  });

  it('lists at least 100 designated vessels', async () => {
    const r = await t.gql(`{ vessels(filter: { designated: true }, first: 1) { totalCount } }`);
    expect(r.errors).toBeUndefined();
    expect(r.data!.vessels.totalCount).toBeGreaterThanOrEqual(100);
  });

  it('vessel(imo: "9114555") is still one vessel, Ul Ji Bong 6, now also carrying what OFAC says of it', async () => {
    const [{ n }] = await t.db.read<{ n: number }>(`MATCH (v:Vessel {imo: '9114555'}) RETURN count(v) AS n`);
    expect(n).toBe(1);
    const r = await t.gql(
      `{ vessel(imo: "9114555") { id name otherNames designations { authority reference } sources { url } } }`,
    );
    expect(r.errors).toBeUndefined();
    const v = r.data!.vessel;
    expect(v.name.toUpperCase()).toBe('UL JI BONG 6');
    expect(v.designations).toContainEqual({
      authority: 'US_OFAC',
      reference: 'OFAC SDN ent_num 23525, programme DPRK4',
    });
    expect(v.sources.map((s: any) => s.url)).toContain('https://www.treasury.gov/ofac/downloads/sdn.csv#2024-05-03');
    // The list's own id for it resolves to the same vessel.
    const alias = await t.gql(`{ node(id: "vessel:ofac-23525") { id } }`);
    expect(alias.data!.node.id).toBe(v.id);
  });

  it('a former name (f.k.a.) is an identity claim of the vessel', async () => {
    const [row] = await t.db.read<{ n: number }>(
      `MATCH (:Vessel)-[:CLAIMED]->(c:IdentityClaim {kind: 'FORMER_NAME'})
       WHERE c.evidenceNote STARTS WITH 'OFAC SDN ent_num' RETURN count(c) AS n`,
    );
    expect(row.n).toBeGreaterThanOrEqual(1);
  });

  it('records each automatic merge with its reason in the audit trail', async () => {
    const [c] = await t.db.read<{ keepId: string; removeId: string; reason: string }>(
      `MATCH (c:MergeCandidate {status: 'AUTO_MERGED'}) RETURN c.keepId AS keepId, c.removeId AS removeId, c.reason AS reason ORDER BY c.id LIMIT 1`,
    );
    expect(c).toBeDefined();
    const [audit] = await t.db.read<{ note: string }>(
      `MATCH (x:Change {entityId: $keep, subjectId: $remove, factType: 'merge'}) RETURN x.note AS note`,
      { keep: c.keepId, remove: c.removeId },
    );
    expect(audit.note).toContain(c.reason);
    const node = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: c.removeId });
    expect(node.data!.node.id).toBe(c.keepId);
  });

  it('screens "Chong Chon Gang" to the vessel with IMO 7937317 (issue 16)', async () => {
    const r = await t.gql(`{ screen(queries: [{ name: "Chong Chon Gang" }, { imo: "7937317" }]) {
      index candidates { score entity { __typename ... on Vessel { imo } } }
    } }`);
    expect(r.errors).toBeUndefined();
    const [byName, byImo] = r.data!.screen;
    const hit = byName.candidates.find((c: any) => c.entity.imo === '7937317');
    expect(hit.score).toBeGreaterThanOrEqual(0.9);
    expect(byImo.candidates[0].entity.imo).toBe('7937317');
    expect(byImo.candidates[0].score).toBe(1);
  });
});

describe('loading again, and dry runs', () => {
  it('changes nothing when the same lists are loaded again', async () => {
    const before = await graphCounts(t.db);
    for (const [format, file] of [
      ['ofac-sdn', OFAC],
      ['un-sc', UN],
    ] as const) {
      const r = await importOfficialList(t.db, listFile(file), { format, fileName: file, actor: 'cli:test' });
      expect(r.created + r.updated).toBe(0);
      expect(r.rejected).toBe(0);
      expect(r.matching!.automaticMerges + r.matching!.newCandidates).toBe(0);
    }
    expect(await graphCounts(t.db)).toEqual(before);
  });

  it('writes nothing in a dry run, and says what would change', async () => {
    const before = await graphCounts(t.db);
    const r = await importOfficialList(t.db, listFile(OFAC), {
      format: 'ofac-sdn',
      fileName: OFAC,
      programs: 'CUBA',
      actor: 'cli:test',
      dryRun: true,
    });
    expect(r.rowsSelected).toBeGreaterThan(0);
    expect(r.created).toBeGreaterThan(0);
    expect(r.matching).toBeNull();
    expect(await graphCounts(t.db)).toEqual(before);
  });
});

describe('merge candidates', () => {
  const LIST = `query($after: String) { mergeCandidates(first: 2, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id status score reason keepId removeId keep { id } } }
  } }`;

  it('pages the pending candidates', async () => {
    const first = await t.gql(LIST);
    expect(first.errors).toBeUndefined();
    const page = first.data!.mergeCandidates;
    expect(page.totalCount).toBeGreaterThan(2);
    expect(page.edges).toHaveLength(2);
    expect(page.pageInfo.hasNextPage).toBe(true);
    const next = await t.gql(LIST, { after: page.pageInfo.endCursor });
    const ids = next.data!.mergeCandidates.edges.map((e: any) => e.node.id);
    expect(ids).not.toContain(page.edges[0].node.id);
    for (const e of page.edges) expect(e.node.status).toBe('PENDING');
  });

  it('an editor may reject a candidate but not accept one; an admin accepts (a merge)', async () => {
    const r = await t.gql(`{ mergeCandidates(first: 2) { edges { node { id keepId removeId } } } }`);
    const [a, b] = r.data!.mergeCandidates.edges.map((e: any) => e.node);
    const denied = await as('editor', `mutation($id: ID!) { acceptMergeCandidate(id: $id) { status } }`, { id: a.id });
    expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
    const rejected = await as('editor', `mutation($id: ID!) { rejectMergeCandidate(id: $id) { status decidedBy } }`, {
      id: a.id,
    });
    expect(rejected.errors).toBeUndefined();
    expect(rejected.data!.rejectMergeCandidate).toEqual({ status: 'REJECTED', decidedBy: 'key:lists-e' });
    const again = await as('editor', `mutation($id: ID!) { rejectMergeCandidate(id: $id) { status } }`, { id: a.id });
    expect(again.errors![0].extensions.code).toBe('BAD_USER_INPUT');
    const accepted = await as('admin', `mutation($id: ID!) { acceptMergeCandidate(id: $id) { status keep { id } } }`, {
      id: b.id,
    });
    expect(accepted.errors).toBeUndefined();
    expect(accepted.data!.acceptMergeCandidate.status).toBe('ACCEPTED');
    const merged = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: b.removeId });
    expect(merged.data!.node.id).toBe(accepted.data!.acceptMergeCandidate.keep.id);
    const unknown = await as('admin', `mutation { acceptMergeCandidate(id: "candidate:nothing|here") { status } }`);
    expect(unknown.errors![0].extensions.code).toBe('NOT_FOUND');
  });

  it('an admin undoes an automatic merge: the list entry comes back with its designation, and is not merged again', async () => {
    const [c] = await t.db.read<{ id: string; keepId: string; removeId: string }>(
      `MATCH (c:MergeCandidate {status: 'AUTO_MERGED', label: 'Company'}) WHERE c.removeId STARTS WITH 'company:un-'
       RETURN c.id AS id, c.keepId AS keepId, c.removeId AS removeId ORDER BY c.id LIMIT 1`,
    );
    const denied = await as('editor', `mutation($id: ID!) { undoMerge(removedId: $id) { restoredId } }`, {
      id: c.removeId,
    });
    expect(denied.errors![0].extensions.code).toBe('FORBIDDEN');
    const r = await as(
      'admin',
      `mutation($id: ID!) { undoMerge(removedId: $id) { keptId restoredId restoredRelationships restored { id } } }`,
      { id: c.removeId },
    );
    expect(r.errors).toBeUndefined();
    expect(r.data!.undoMerge).toMatchObject({ keptId: c.keepId, restoredId: c.removeId, restored: { id: c.removeId } });
    expect(r.data!.undoMerge.restoredRelationships).toBeGreaterThan(0);
    const restored = await t.gql(
      `query($id: ID!) { node(id: $id) { id ... on Company { designations { authority reference } } } }`,
      {
        id: c.removeId,
      },
    );
    expect(restored.data!.node.id).toBe(c.removeId);
    expect(restored.data!.node.designations).toContainEqual(
      expect.objectContaining({ authority: 'UN_1718_COMMITTEE' }),
    );
    const [status] = await t.db.read<{ s: string }>(`MATCH (c:MergeCandidate {id: $id}) RETURN c.status AS s`, {
      id: c.id,
    });
    expect(status.s).toBe('REJECTED');
    const again = await importOfficialList(t.db, listFile(UN), { format: 'un-sc', fileName: UN, actor: 'cli:test' });
    expect(again.matching!.automaticMerges).toBe(0);
    const still = await t.gql(`query($id: ID!) { node(id: $id) { id } }`, { id: c.removeId });
    expect(still.data!.node.id).toBe(c.removeId);
    const twice = await as('admin', `mutation($id: ID!) { undoMerge(removedId: $id) { restoredId } }`, {
      id: c.removeId,
    });
    expect(twice.errors![0].extensions.code).toBe('BAD_USER_INPUT');
  });
});
