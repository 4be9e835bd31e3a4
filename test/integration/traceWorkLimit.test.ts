/**
 * The work bound of a trace (src/db/trace/workBound.ts; issue 21): on the busy hub of issue 13 with a
 * small bound (TRACE_MAX_STATES=5000), a trace stops at the bound instead of walking every guess among
 * 300 departures, and answers: routes ranked best first (the documented transfer, worth 300 guesses,
 * still first) with a TRACE_WORK_LIMIT warning saying how many are exact and how to narrow; when it
 * found no route within the bound, a TRACE_WORK_LIMIT error (an empty list would read as "no route").
 * This is the cap an integration test reaches now (PATH_CAP_REACHED is no longer reached by any).
 */
import { resetDatabase, startTestService, TestService } from './harness';
import { migrate } from '../../src/db/upgrade/migrations';
import { importLines, linesOf } from '../../src/import/pipeline';
import { hubFile } from './traceHubFile';

let t: TestService;
beforeAll(async () => {
  t = await startTestService({ seed: 'keep', env: { TRACE_MAX_STATES: '5000' } });
  await resetDatabase(t.db);
  await migrate(t.db);
  const report = await importLines(t.db, linesOf(hubFile().lines.join('\n')), { format: 'jsonl', actor: 'test' });
  expect(report.rejected).toBe(0);
});
afterAll(async () => {
  await t.close();
});

const ROUTES = `confidence steps { kind leg { id } link { kind } }`;
const legsOf = (r: any): string =>
  r.steps
    .filter((s: any) => s.kind === 'LEG')
    .map((s: any) => s.leg.id)
    .join();

describe('a trace that reaches its work bound', () => {
  it('answers routes ranked best first, the documented route first, with a TRACE_WORK_LIMIT warning', async () => {
    const res = await t.gql(`{ traceCargo(origin: "port:test-hub-origin", limit: 100) { ${ROUTES} } }`);
    expect(res.status).toBe(200);
    expect(res.errors).toBeUndefined();
    const routes = res.data!.traceCargo as any[];
    expect(routes).toHaveLength(100);
    const cs = routes.map((r) => r.confidence);
    expect([...cs].sort((a, b) => b - a)).toEqual(cs);
    expect(legsOf(routes[0])).toBe('leg:test-hub-in-7,leg:test-hub-out-123');
    expect(routes[0].steps.find((s: any) => s.link)?.link.kind).toBe('TRANSFER');
    const warnings = res.extensions?.warnings as any[];
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ code: 'TRACE_WORK_LIMIT', exactRoutes: expect.any(Number) });
    expect(warnings[0].exactRoutes).toBeLessThan(100);
    expect(warnings[0].message).toMatch(/work bound/);
    expect(warnings[0].message).toMatch(/window.*maxHops.*maxWaitDays/);
  });

  it('walking backwards too', async () => {
    const res = await t.gql(`{ traceBack(destination: "port:test-hub-dest-3", limit: 40) { ${ROUTES} } }`);
    expect(res.errors).toBeUndefined();
    const routes = res.data!.traceBack as any[];
    expect(routes).toHaveLength(40);
    const cs = routes.map((r) => r.confidence);
    expect([...cs].sort((a, b) => b - a)).toEqual(cs);
    expect((res.extensions?.warnings as any[]).map((w) => w.code)).toEqual(['TRACE_WORK_LIMIT']);
  });

  it('answers TRACE_WORK_LIMIT as an error when it found no route within the bound', async () => {
    // no route of this hub ends in France: the walk would try all 90,000 before saying so
    const res = await t.gql(`{ traceCargo(origin: "port:test-hub-origin", destinationCountry: "FR") { confidence } }`);
    expect(res.data?.traceCargo).toBeUndefined();
    expect(res.errors).toHaveLength(1);
    expect(res.errors![0].extensions?.code).toBe('TRACE_WORK_LIMIT');
    expect(res.errors![0].message).toMatch(/before it found any route/);
  });

  it('answers as before, with no warning, when the bound is not reached', async () => {
    const res = await t.gql(`{ traceCargo(origin: "port:test-hub-origin", limit: 5, maxHops: 1) { ${ROUTES} } }`);
    expect(res.errors).toBeUndefined();
    expect(res.extensions?.warnings).toBeUndefined();
    expect(res.data!.traceCargo).toHaveLength(5);
  });
});
