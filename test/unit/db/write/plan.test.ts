import { Fact, validateFact } from '../../../../src/domain/facts';
import { NodeRow, planBatch, WritePlan } from '../../../../src/db/write/plan';
import { sourceId } from '../../../../src/domain/sources';

const URL = 'https://example.org/reports/test-shipments-2024';
const SOURCE_ROW: NodeRow = {
  q: sourceId(URL),
  via: 'id',
  label: 'Source',
  id: sourceId(URL),
  props: {
    id: sourceId(URL),
    url: URL,
    publisher: 'Example Monitoring Group',
    kind: 'INVESTIGATIVE',
    tier: 'MEDIUM_HIGH',
    confidence: 0.75,
  },
  out: [],
  inn: [],
  claims: [],
};

const vessel = (extra: Record<string, unknown> = {}) =>
  validateFact('vessel', { name: 'Test Vessel Alpha', imo: '1000019', sources: [URL], ...extra });

/** The rows a later batch would read back for what `plan` wrote. */
function storedRows(plan: WritePlan): NodeRow[] {
  return plan.nodes.map((n) => ({
    q: n.id,
    via: 'id' as const,
    label: n.label,
    id: n.id,
    props: { id: n.id, ...n.props },
    out: plan.links
      .filter((l) => l.fromId === n.id && l.type !== 'CLAIMED' && l.type !== 'DESIGNATED')
      .map((l) => [l.type, l.toId] as [string, string]),
    inn: plan.links
      .filter((l) => l.toId === n.id && (l.type === 'CLAIMED' || l.type === 'DESIGNATED'))
      .map((l) => [l.type, l.fromId] as [string, string]),
    claims: [],
  }));
}

describe('planning a batch of facts', () => {
  it('creates a new vessel with defaults, its evidence and one audit entry', () => {
    const plan = planBatch([vessel()], [SOURCE_ROW], []);
    expect(plan.outcomes).toEqual([
      expect.objectContaining({ status: 'CREATED', id: 'vessel:test-vessel-alpha-1000019', label: 'Vessel' }),
    ]);
    expect(plan.nodes).toEqual([
      expect.objectContaining({
        label: 'Vessel',
        props: expect.objectContaining({
          name: 'Test Vessel Alpha',
          imo: '1000019',
          status: 'UNCONFIRMED',
          sourceIds: [sourceId(URL)],
          confidenceTier: 'MEDIUM_HIGH',
          confidence: 0.75,
        }),
      }),
    ]);
    expect(plan.cites).toEqual([{ fromId: 'vessel:test-vessel-alpha-1000019', sourceId: sourceId(URL) }]);
    expect(plan.changes).toHaveLength(1);
    expect(plan.changes[0]).toMatchObject({ action: 'CREATED', entityId: 'vessel:test-vessel-alpha-1000019' });
  });

  it('plans nothing for a fact the graph already holds (the second write of the same mutation)', () => {
    const first = planBatch([vessel()], [SOURCE_ROW], []);
    const again = planBatch([vessel()], [SOURCE_ROW, ...storedRows(first)], []);
    expect(again.outcomes[0].status).toBe('UNCHANGED');
    expect(again.nodes).toEqual([]);
    expect(again.links).toEqual([]);
    expect(again.cites).toEqual([]);
    expect(again.changes).toEqual([]);
  });

  it('finds the vessel by IMO whatever its id, and records only what changed, before and after', () => {
    const first = planBatch([vessel()], [SOURCE_ROW], []);
    const rows = storedRows(first).map((r) => ({ ...r, q: '1000019', via: 'imo' as const }));
    const plan = planBatch([vessel({ name: 'Test Vessel Alpha', buildYear: 1990 })], [SOURCE_ROW, ...rows], []);
    expect(plan.outcomes[0]).toMatchObject({ status: 'UPDATED', changed: ['buildYear'] });
    expect(plan.nodes).toEqual([
      { label: 'Vessel', id: 'vessel:test-vessel-alpha-1000019', props: { buildYear: 1990 } },
    ]);
    expect(plan.changes[0].changes).toEqual({ buildYear: { before: null, after: 1990 } });
  });

  it('in fill mode (FtM) keeps stored values and turns a different name into an other name', () => {
    const first = planBatch([vessel({ vesselType: 'bulk carrier' })], [SOURCE_ROW], []);
    const fact = vessel({ name: 'TEST VESSEL ALPHA II', vesselType: 'general cargo', callSign: 'TEST1' }) as Fact & {
      mode: string;
    };
    fact.mode = 'fill';
    const rows = storedRows(first).map((r) => ({ ...r, q: '1000019', via: 'imo' as const }));
    const plan = planBatch([fact], [SOURCE_ROW, ...rows], []);
    expect(plan.outcomes[0].status).toBe('UPDATED');
    expect(plan.nodes[0].props).toEqual({
      callSign: 'TEST1',
      otherNames: ['TEST VESSEL ALPHA II'],
      aliasesText: 'TEST VESSEL ALPHA II',
    });
  });

  it('lets a later fact of the batch refer to an entity an earlier one created', () => {
    const port = (name: string) => validateFact('port', { name, country: 'KP', sources: [URL] });
    const leg = validateFact('leg', {
      vessel: 'imo:1000019',
      from: ['port:test-harbour-alpha'],
      to: ['port:test-harbour-bravo'],
      departure: '2024-01-10',
      sources: [URL],
    });
    const plan = planBatch([vessel(), port('Test Harbour Alpha'), port('Test Harbour Bravo'), leg], [SOURCE_ROW], []);
    expect(plan.outcomes.map((o) => o.status)).toEqual(['CREATED', 'CREATED', 'CREATED', 'CREATED']);
    expect(plan.affectedLegs).toEqual(['leg:imo-1000019:test-harbour-alpha:test-harbour-bravo:2024-01-10']);
    expect(plan.links.filter((l) => l.fromId.startsWith('leg:')).map((l) => [l.type, l.toId])).toEqual(
      expect.arrayContaining([
        ['ON', 'vessel:test-vessel-alpha-1000019'],
        ['FROM', 'port:test-harbour-alpha'],
        ['TO', 'port:test-harbour-bravo'],
      ]),
    );
    expect(plan.countries).toEqual([{ id: 'country:KP', code: 'KP', name: 'North Korea' }]);
  });

  it('rejects a fact whose reference names nothing, and leaves the rest of the batch alone', () => {
    const leg = validateFact('leg', {
      vessel: 'imo:1000021',
      from: ['port:nowhere'],
      to: ['port:nowhere-else'],
      sources: [URL],
    });
    const plan = planBatch([leg, vessel()], [SOURCE_ROW], []);
    expect(plan.outcomes[0]).toMatchObject({ status: 'REJECTED' });
    expect(plan.outcomes[0].problem).toMatchObject({
      field: 'vessel',
      problem: expect.stringMatching(/no entity with IMO number 1000021/),
    });
    expect(plan.outcomes[1].status).toBe('CREATED');
    expect(plan.changes).toHaveLength(1);
  });

  it('refuses to give an IMO that belongs to one vessel to another', () => {
    const first = planBatch([vessel()], [SOURCE_ROW], []);
    const rows = storedRows(first).map((r) => ({ ...r, q: '1000019', via: 'imo' as const }));
    const plan = planBatch([vessel({ id: 'vessel:test-vessel-other' })], [SOURCE_ROW, ...rows], []);
    expect(plan.outcomes[0]).toMatchObject({ status: 'REJECTED' });
    expect(plan.outcomes[0].problem?.problem).toMatch(/IMO number 1000019 belongs to vessel:test-vessel-alpha-1000019/);
  });
});
