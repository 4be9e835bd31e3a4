/** Investigations without a database: input checks, a trace's fingerprint, timeline wording and windows, the report's writing. */
import {
  InvestigationInputProblem,
  itemKindOf,
  optionalText,
  queryVariables,
  requiredText,
  routeDiff,
  traceFingerprint,
} from '../../src/domain/investigation';
import {
  inWindow,
  portCallEvent,
  relationEvent,
  transferEvent,
  vesselLegEvents,
} from '../../src/domain/timelineEvents';
import { partyEvents, sortByDate } from '../../src/domain/timeline';
import {
  escapeMarkdown,
  renderHtml,
  renderMarkdown,
  ReportModel,
  reportFileName,
  SourceNumbers,
} from '../../src/domain/investigationReport';

function problemOf(work: () => unknown): { field: string; problem: string } | null {
  try {
    work();
    return null;
  } catch (e) {
    if (e instanceof InvestigationInputProblem) return { field: e.field, problem: e.problem };
    throw e;
  }
}

describe('investigation inputs', () => {
  it('trims texts, refuses empty and too long ones, naming the field', () => {
    expect(requiredText('input.title', '  Case  ', 10)).toBe('Case');
    expect(problemOf(() => requiredText('input.title', '   ', 10))).toEqual({
      field: 'input.title',
      problem: 'must not be empty',
    });
    expect(problemOf(() => requiredText('input.title', 'x'.repeat(11), 10))!.field).toBe('input.title');
    expect(optionalText('item.note', '  ', 10)).toBeNull();
    expect(optionalText('item.note', null, 10)).toBeNull();
  });

  it('an item keeps exactly one thing', () => {
    expect(itemKindOf({ entityId: 'vessel:x' })).toBe('ENTITY');
    expect(itemKindOf({ trace: {} })).toBe('TRACE');
    expect(itemKindOf({ query: {}, entityId: null })).toBe('QUERY');
    expect(problemOf(() => itemKindOf({}))!.problem).toMatch(/got none/);
    expect(problemOf(() => itemKindOf({ entityId: 'vessel:x', trace: {} }))!.problem).toMatch(/got entity and trace/);
  });

  it('query variables are a JSON object, stored as canonical JSON', () => {
    expect(queryVariables('v', ' { "o" : "Nampho" } ')).toBe('{"o":"Nampho"}');
    expect(queryVariables('v', '')).toBeNull();
    expect(problemOf(() => queryVariables('v', '[1]'))!.problem).toMatch(/JSON object/);
    expect(problemOf(() => queryVariables('v', '{nope'))!.problem).toMatch(/not JSON/);
  });
});

describe('trace fingerprint', () => {
  const a = { routeIds: ['route:a', 'route:b'], confidences: [0.5, 0.25] };

  it('is the same for the same routes, order and confidences (to 4 decimals), and differs otherwise', () => {
    expect(traceFingerprint(a)).toBe(traceFingerprint({ ...a, confidences: [0.500001, 0.25] }));
    expect(traceFingerprint(a)).not.toBe(traceFingerprint({ ...a, confidences: [0.5, 0.26] }));
    expect(traceFingerprint(a)).not.toBe(
      traceFingerprint({ routeIds: ['route:b', 'route:a'], confidences: [0.25, 0.5] }),
    );
    expect(traceFingerprint(a)).not.toBe(traceFingerprint({ routeIds: ['route:a'], confidences: [0.5] }));
  });

  it('lists the routes added and removed', () => {
    expect(routeDiff(['route:a', 'route:b'], ['route:b', 'route:c'])).toEqual({
      added: ['route:c'],
      removed: ['route:a'],
    });
  });
});

describe('timeline events', () => {
  const day = (from: string | null, to: string | null = from) => ({ from, to, precision: 'DAY', text: null });

  it('words a leg from its vessel and from its ports, and leaves out an undated arrival of a vessel', () => {
    const leg = {
      id: 'leg:t1',
      vesselId: 'vessel:test-kilo',
      fromText: 'Test Harbour',
      toText: 'Test Terminal',
      cargoText: 'coal',
      departure: day('2018-01-02'),
      arrival: null,
      sourceIds: ['source:s1'],
      confidence: 0.8,
    };
    expect(vesselLegEvents(leg).map((e) => e.kind)).toEqual(['LEG_DEPARTURE']);
    const dep = portCallEvent(leg, 'FROM', 'Test Kilo');
    expect(dep).toMatchObject({
      kind: 'LEG_DEPARTURE',
      summary: 'Test Kilo left for Test Terminal (coal)',
      relatedIds: ['vessel:test-kilo'],
      sourceIds: ['source:s1'],
      confidence: 0.8,
    });
    expect(portCallEvent(leg, 'TO', null).summary).toBe('a vessel arrived from Test Harbour');
  });

  it('words a transfer from either vessel and from its place', () => {
    const t = {
      id: 'transfer:t',
      fromVesselId: 'vessel:a',
      toVesselId: 'vessel:b',
      toVesselDescription: 'B',
      portId: 'port:p',
    };
    expect(transferEvent(t, 'vessel:a')).toMatchObject({
      summary: 'passed cargo to B',
      relatedIds: ['vessel:b', 'port:p'],
    });
    expect(transferEvent(t, null)).toMatchObject({
      summary: 'vessel:a passed cargo to B',
      relatedIds: ['vessel:a', 'vessel:b'],
    });
  });

  it('words a relation from its party and from its target', () => {
    const r = {
      id: 'rel:owns:c:v',
      type: 'OWNS',
      role: 'registered owner',
      period: null,
      partyId: 'company:c',
      targetId: 'vessel:v',
    };
    const names = new Map([
      ['company:c', 'Test Company'],
      ['vessel:v', 'Test Vessel'],
    ]);
    expect(relationEvent(r, 'company:c', names).summary).toBe('owns Test Vessel (registered owner)');
    expect(relationEvent(r, 'vessel:v', names).summary).toBe('owned by Test Company (registered owner)');
  });

  it("orders a party's events by date, undated last; a window keeps overlapping dated events only", () => {
    const events = sortByDate(
      partyEvents(
        'company:c',
        {
          designations: [
            {
              id: 'designation:2',
              authority: 'UN',
              measure: 'asset freeze',
              status: 'IN_FORCE',
              date: day('2018-03-30'),
            },
          ],
          holdings: [{ id: 'rel:1', type: 'MANAGES', partyId: 'company:c', targetId: 'vessel:v', period: null }],
          controllers: [],
          tactics: [{ tacticId: 'tactic:FRONT_COMPANY', period: day('2017-01-01', '2017-12-31') }],
        },
        new Map(),
      ),
    );
    expect(events.map((e) => e.kind)).toEqual(['TACTIC', 'DESIGNATION', 'RELATION']);
    const window = { from: '2018-01-01', to: '2018-12-31' };
    expect(events.filter((e) => inWindow(e, window)).map((e) => e.kind)).toEqual(['DESIGNATION']);
    expect(inWindow({ date: day(null, '2018-02-01') }, window)).toBe(true);
    expect(events.filter((e) => inWindow(e, null))).toHaveLength(3);
  });
});

describe('investigation report', () => {
  const model: ReportModel = {
    id: 'investigation:00000000-0000-0000-0000-000000000001',
    title: 'Case <b>*one*</b>',
    summary: 'A [link](javascript:x) and <script>alert(1)</script>',
    owner: 'key:test',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-02T00:00:00.000Z',
    generatedAt: '2026-01-03T00:00:00.000Z',
    items: [
      {
        position: 0,
        kind: 'ENTITY',
        heading: 'Test Vessel (Vessel, vessel:test)',
        note: 'Watch _this_',
        author: 'key:test',
        addedAt: '2026-01-01T00:00:01.000Z',
        facts: ['Designated: UN'],
        code: null,
        sources: [1],
      },
      {
        position: 1,
        kind: 'QUERY',
        heading: 'saved GraphQL query',
        note: null,
        author: 'key:test',
        addedAt: '2026-01-01T00:00:02.000Z',
        facts: [],
        code: '{ ports { totalCount } } # ```',
        sources: [],
      },
    ],
    sources: [
      { n: 1, title: 'A report', publisher: 'Example Group', date: '2019-05-01', url: 'https://example.org/r?a=1&b=2' },
    ],
  };

  it('writes Markdown with user text escaped, notes quoted, code fenced and sources numbered', () => {
    const md = renderMarkdown(model);
    expect(md).toContain('# Case \\<b\\>\\*one\\*\\</b\\>');
    expect(md).toContain('> Watch \\_this\\_');
    expect(md).toContain('Sources: [1]');
    expect(md).toContain('````graphql\n{ ports { totalCount } } # ```\n````');
    expect(md).toContain('1. A report, Example Group, 2019-05-01 — <https://example.org/r?a=1&b=2>');
    expect(md).not.toContain('<script>');
  });

  it('writes one HTML page with every text escaped and no script', () => {
    const html = renderHtml(model);
    expect(html).toContain('<h1>Case &lt;b&gt;*one*&lt;/b&gt;</h1>');
    expect(html).toContain('&lt;script&gt;');
    expect(html).not.toMatch(/<script/i);
    expect(html).toContain(
      '<li id="source-1">A report, Example Group, 2019-05-01 — <a href="https://example.org/r?a=1&amp;b=2">',
    );
  });

  it('numbers sources in the order first cited, and names files safely', () => {
    const n = new SourceNumbers();
    expect(n.cite(['source:b', 'source:a', 'source:b'])).toEqual([1, 2]);
    expect(n.cite(['source:a', 'source:c'])).toEqual([2, 3]);
    expect(n.ids()).toEqual(['source:b', 'source:a', 'source:c']);
    expect(reportFileName('Wise Honest / Dong Thanh: case', 'MARKDOWN')).toBe('Wise-Honest-Dong-Thanh-case.md');
    expect(reportFileName('***', 'HTML')).toBe('investigation.html');
    expect(escapeMarkdown('a\nb')).toBe('a b');
    expect(escapeMarkdown('US_OFAC _x_ (1.)')).toBe('US_OFAC \\_x\\_ (1.)');
  });
});
