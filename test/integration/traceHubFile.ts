/**
 * The busy hub of issue 13 as a Collier JSON Lines file: 300 legs from a synthetic origin to one
 * synthetic hub (6–15 January 2020), 300 legs leaving the hub for ten destinations within 60 days, and
 * one documented ship-to-ship transfer at the hub (leg in-7 to leg out-123). Synthetic names only.
 * Used by traceHub.test.ts and traceWorkLimit.test.ts.
 */
const SOURCE = 'https://example.org/collier-test-hub';
export const N = 300;

const iso = (offset: number) => new Date(Date.UTC(2020, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
const imo = (n: number) => {
  const base = String(200000 + n);
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(base[i]) * (7 - i);
  return `${base}${sum % 10}`;
};
const DEST_COUNTRIES = ['VN', 'MY', 'CN', 'ID', 'PH'];

/** The file's lines, and the legs it writes. */
export function hubFile(): { lines: string[]; legs: number } {
  const lines: string[] = [
    JSON.stringify({
      type: 'source',
      url: SOURCE,
      publisher: 'Example Monitor Hub',
      kind: 'NEWS',
      tier: 'MEDIUM_HIGH',
    }),
  ];
  const port = (id: string, name: string, country: string) =>
    lines.push(JSON.stringify({ type: 'port', id, name, country, sources: [SOURCE] }));
  port('port:test-hub-origin', 'Test Hub Origin Port', 'KP');
  port('port:test-hub', 'Test Hub Port', 'CN');
  for (let d = 0; d < 10; d++) port(`port:test-hub-dest-${d}`, `Test Hub Destination ${d}`, DEST_COUNTRIES[d % 5]);
  for (let v = 0; v < 2 * N; v++)
    lines.push(
      JSON.stringify({
        type: 'vessel',
        name: `Test Hub Carrier ${String(v).padStart(4, '0')}`,
        imo: imo(v),
        sources: [SOURCE],
      }),
    );
  const leg = (id: string, v: number, from: string, to: string, dep: number, arr: number) =>
    lines.push(
      JSON.stringify({
        type: 'leg',
        id,
        vessel: `imo:${imo(v)}`,
        from: [from],
        to: [to],
        departure: iso(dep),
        arrival: iso(arr),
        commodity: 'COAL',
        cargoOrigin: 'DPRK',
        discharged: true,
        sources: [SOURCE],
      }),
    );
  // 300 arrivals at the hub between 6 and 15 January, 300 departures between 20 January and 18 February
  for (let i = 0; i < N; i++)
    leg(`leg:test-hub-in-${i}`, i, 'port:test-hub-origin', 'port:test-hub', i % 10, 5 + (i % 10));
  for (let i = 0; i < N; i++)
    leg(`leg:test-hub-out-${i}`, N + i, 'port:test-hub', `port:test-hub-dest-${i % 10}`, 19 + (i % 30), 26 + (i % 30));
  lines.push(
    JSON.stringify({
      type: 'transfer',
      fromVessel: `imo:${imo(7)}`,
      toVessel: `imo:${imo(N + 123)}`,
      port: 'port:test-hub',
      when: iso(18),
      fromLeg: 'leg:test-hub-in-7',
      toLeg: 'leg:test-hub-out-123',
      sources: [SOURCE],
    }),
  );
  return { lines, legs: 2 * N };
}
