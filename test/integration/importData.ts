/**
 * A deterministic generator of synthetic Collier JSON Lines files for import tests and throughput
 * measurements: sources, ports, vessels (with valid, obviously synthetic IMO numbers starting 1…),
 * companies, ownership, legs chained vessel by vessel and port by port, and transfers between legs.
 * Every name is synthetic ("Test Vessel 000123", "Example Shipping 0042 Ltd").
 */

export interface GeneratorOptions {
  ports: number;
  vessels: number;
  companies: number;
  legsPerVessel: number;
  /** One transfer for every this many legs. */
  transferEvery: number;
  /** Days over which departures spread. */
  days: number;
}

const COUNTRIES = ['KP', 'CN', 'VN', 'RU', 'MY', 'ID', 'KR', 'JP', 'TW', 'PH'];

/** A synthetic IMO number: six digits 1xxxxx and the check digit. */
export function syntheticImo(n: number): string {
  const base = String(100000 + n).padStart(6, '0');
  let sum = 0;
  for (let i = 0; i < 6; i++) sum += Number(base[i]) * (7 - i);
  return `${base}${sum % 10}`;
}

function day(offset: number): string {
  return new Date(Date.UTC(2015, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
}

/** A small deterministic pseudo-random sequence (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export function generateImportLines(o: GeneratorOptions, seed = 7): string[] {
  const rnd = random(seed);
  const pick = (n: number) => Math.floor(rnd() * n);
  const lines: string[] = [];
  const sources = Array.from({ length: 10 }, (_, i) => `https://example.org/generated/report-${i}`);
  sources.forEach((url, i) =>
    lines.push(
      JSON.stringify({
        type: 'source',
        url,
        publisher: `Example Monitor ${i}`,
        kind: i % 2 ? 'INVESTIGATIVE' : 'NEWS',
        tier: i % 2 ? 'MEDIUM_HIGH' : 'MEDIUM',
      }),
    ),
  );
  const src = () => [sources[pick(sources.length)]];
  const portId = (p: number) => `port:test-port-${String(p).padStart(5, '0')}`;
  for (let p = 0; p < o.ports; p++) {
    lines.push(
      JSON.stringify({
        type: 'port',
        id: portId(p),
        name: `Test Port ${String(p).padStart(5, '0')}`,
        country: COUNTRIES[p % COUNTRIES.length],
        sources: src(),
      }),
    );
  }
  for (let c = 0; c < o.companies; c++) {
    lines.push(
      JSON.stringify({
        type: 'company',
        name: `Example Shipping ${String(c).padStart(5, '0')} Ltd`,
        country: COUNTRIES[c % COUNTRIES.length],
        sources: src(),
      }),
    );
  }
  const legs: { id: string; vessel: number; to: number; arrival: number }[] = [];
  for (let v = 0; v < o.vessels; v++) {
    const imo = syntheticImo(v);
    lines.push(
      JSON.stringify({
        type: 'vessel',
        name: `Test Vessel ${String(v).padStart(6, '0')}`,
        imo,
        vesselType: 'bulk carrier',
        sources: src(),
      }),
    );
    const owner = v % o.companies;
    lines.push(
      JSON.stringify({
        type: 'relation',
        relation: 'OWNS',
        from: `company:example-shipping-${String(owner).padStart(5, '0')}-ltd`,
        to: `imo:${imo}`,
        role: 'registered owner',
        sources: src(),
      }),
    );
    let at = pick(o.ports);
    let t = pick(o.days);
    for (let k = 0; k < o.legsPerVessel; k++) {
      const to = (at + 1 + pick(o.ports - 1)) % o.ports;
      const dep = t;
      const arr = dep + 3 + pick(10);
      const id = `leg:test-vessel-${String(v).padStart(6, '0')}:${k}`;
      lines.push(
        JSON.stringify({
          type: 'leg',
          id,
          vessel: `imo:${imo}`,
          from: [portId(at)],
          to: [portId(to)],
          departure: day(dep),
          arrival: { from: day(arr), to: day(arr + 2), precision: 'OPEN', text: 'generated' },
          cargoOrigin: k === 0 ? 'DPRK' : 'UNCONFIRMED',
          discharged: rnd() < 0.5,
          tonnage: [{ min: 1000 + pick(50_000) }],
          sources: src(),
        }),
      );
      legs.push({ id, vessel: v, to, arrival: arr });
      at = to;
      t = arr + 5 + pick(60);
    }
  }
  for (let i = 0; i + 1 < legs.length; i += o.transferEvery) {
    const a = legs[i];
    const b = legs[(i + 1 + pick(legs.length - 1)) % legs.length];
    if (a.vessel === b.vessel || a.id === b.id) continue;
    lines.push(
      JSON.stringify({
        type: 'transfer',
        fromVessel: `imo:${syntheticImo(a.vessel)}`,
        toVessel: `imo:${syntheticImo(b.vessel)}`,
        port: portId(a.to),
        when: day(a.arrival + 1),
        fromLeg: a.id,
        toLeg: b.id,
        sources: src(),
      }),
    );
  }
  return lines;
}
