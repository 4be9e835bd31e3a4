/**
 * `node dist/bench/screenEval.js [--data <folder>]` — precision and recall of screening's scoring on a
 * labelled set built from the lists' own aliases and former names (docs/screening.md prints the
 * result). No database: the scoring is the domain's (src/domain/screenScore.ts), run over every
 * entity of the query's kind, the way `screen` scores its candidates.
 *
 * Entities: the DPRK-programme rows of the OFAC SDN list (a.k.a. / f.k.a. names in the remarks), the
 * DPRK entities and individuals of the UN consolidated list (their aliases), and the demo graph
 * (port aliases, company aliases, vessels' former names, alternative spellings and false identities).
 * Each alias is a query whose right answer is its entity, with that alias removed from the entity's
 * names (leave one out). Entities are split in two by a hash of their id: the weights were set by hand
 * before this evaluation and never changed on the test half; both halves are printed.
 */
import * as fs from 'node:fs';
import { parse } from 'csv-parse/sync';
import * as path from 'node:path';
import { createHash } from 'node:crypto';
import { checkScreenQuery } from '../src/domain/screenQuery';
import { QueryNames, scoreSubject, ScreenSubject, NameOrigin } from '../src/domain/screenScore';
import { ScreenKind } from '../src/domain/screenNames';

interface Entity {
  id: string;
  kind: ScreenKind;
  names: { name: string; origin: NameOrigin }[];
}

function arg(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

/** Rows of a CSV file as published (csv-parse; OFAC's rows vary in length, and quotes stand inside fields). */
function csvRows(text: string): string[][] {
  return parse(text, { relax_column_count: true, relax_quotes: true, skip_empty_lines: true });
}

function ofac(file: string): Entity[] {
  const out: Entity[] = [];
  for (const r of csvRows(fs.readFileSync(file, 'latin1'))) {
    if (r.length < 12 || !/\bDPRK/.test(r[3])) continue;
    const type = r[2].trim();
    const kind: ScreenKind | null =
      type === 'vessel' ? 'VESSEL' : type === 'individual' ? 'PERSON' : type === '-0-' ? 'COMPANY' : null;
    if (!kind) continue;
    const names: Entity['names'] = [{ name: r[1], origin: 'NAME' }];
    for (const m of r[11].matchAll(/\b([af])\.k\.a\. '([^']+)'/g)) {
      names.push({ name: m[2], origin: m[1] === 'f' ? 'FORMER_NAME' : 'ALIAS' });
    }
    out.push({ id: `ofac:${r[0]}`, kind, names });
  }
  return out;
}

function un(file: string): Entity[] {
  const xml = fs.readFileSync(file, 'utf8');
  const tag = (s: string, t: string) =>
    [...s.matchAll(new RegExp(`<${t}>([^<]*)</${t}>`, 'g'))].map((m) => m[1].trim());
  const out: Entity[] = [];
  for (const [block, kind] of [
    ['ENTITY', 'COMPANY'],
    ['INDIVIDUAL', 'PERSON'],
  ] as const) {
    for (const m of xml.matchAll(new RegExp(`<${block}>([\\s\\S]*?)</${block}>`, 'g'))) {
      const s = m[1];
      if (tag(s, 'UN_LIST_TYPE')[0] !== 'DPRK') continue;
      const name = ['FIRST_NAME', 'SECOND_NAME', 'THIRD_NAME']
        .map((t) => tag(s, t)[0] ?? '')
        .filter((x) => x !== '')
        .join(' ');
      const names: Entity['names'] = [{ name, origin: 'NAME' }];
      for (const a of tag(s, 'ALIAS_NAME')) if (a !== '') names.push({ name: a, origin: 'ALIAS' });
      out.push({ id: `un:${tag(s, 'REFERENCE_NUMBER')[0]}`, kind, names });
    }
  }
  return out;
}

function demo(root: string): Entity[] {
  const read = (f: string) =>
    JSON.parse(fs.readFileSync(path.join(root, 'seed/data', f), 'utf8')) as Record<string, unknown>[];
  const out = new Map<string, Entity>();
  for (const p of read('ports.json')) {
    out.set(String(p.id), {
      id: String(p.id),
      kind: 'PORT',
      names: [
        { name: String(p.name), origin: 'NAME' },
        ...((p.aliases as string[]) ?? []).map((a) => ({ name: a, origin: 'ALIAS' as const })),
      ],
    });
  }
  for (const c of read('companies.json')) {
    out.set(String(c.id), {
      id: String(c.id),
      kind: c.kind === 'PERSON' ? 'PERSON' : 'COMPANY',
      names: [
        { name: String(c.name), origin: 'NAME' },
        ...((c.aliases as string[]) ?? []).map((a) => ({ name: a, origin: 'ALIAS' as const })),
      ],
    });
  }
  for (const v of read('vessels.json')) {
    out.set(String(v.id), { id: String(v.id), kind: 'VESSEL', names: [{ name: String(v.name), origin: 'NAME' }] });
  }
  for (const c of read('identityClaims.json')) {
    const v = out.get(String(c.vesselId));
    if (!v || typeof c.name !== 'string') continue;
    const origin: NameOrigin =
      c.status === 'FALSE' ? 'FALSE_IDENTITY' : c.kind === 'FORMER_NAME' ? 'FORMER_NAME' : 'ALIAS';
    v.names.push({ name: c.name, origin });
  }
  return [...out.values()];
}

const subject = (e: Entity, without: string | null): ScreenSubject => ({
  id: e.id,
  kind: e.kind,
  names: e.names.filter((n) => n.name !== without),
  imos: [],
  companyImo: null,
  mmsis: [],
  callSigns: [],
  flags: [],
  country: null,
  owners: [],
  birthDate: null,
});

/**
 * Two entries of different lists (OFAC, UN, demo) that share a name letter for letter, case and
 * punctuation aside, are the same real thing: neither right nor wrong as a candidate, so left out.
 */
const plainKey = (n: string) => n.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '');
function sameThing(a: Entity, b: Entity): boolean {
  if (a.id.split(':')[0] === b.id.split(':')[0]) return false;
  const keys = new Set(a.names.map((n) => plainKey(n.name)));
  return b.names.some((n) => keys.has(plainKey(n.name)));
}

function half(id: string): 'dev' | 'test' {
  return createHash('sha256').update(id).digest()[0] % 2 === 0 ? 'dev' : 'test';
}

function main(): void {
  const root = path.resolve(__dirname, '../..');
  const data = arg('data', path.resolve(root, '../shared/data/sanctions'));
  const entities = [
    ...ofac(path.join(data, 'ofac-sdn-2024-05-03.csv')),
    ...un(path.join(data, 'un-sc-consolidated-2020-03-20.xml')),
    ...demo(root),
  ];
  // a query per alias that differs from the entity's other names once case is set aside
  const pairs: { query: string; entity: Entity }[] = [];
  for (const e of entities) {
    for (const n of e.names.slice(1)) {
      const rest = e.names.filter((m) => m !== n).map((m) => m.name.toLowerCase());
      if (!rest.includes(n.name.toLowerCase())) pairs.push({ query: n.name, entity: e });
    }
  }
  const thresholds = [0.5, 0.7, 0.9];
  const bins = [0, 0.3, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001];
  for (const part of ['dev', 'test'] as const) {
    const mine = pairs.filter((p) => half(p.entity.id) === part);
    const tp = thresholds.map(() => 0);
    const fp = thresholds.map(() => 0);
    const trueHist = bins.slice(1).map(() => 0);
    const falseHist = bins.slice(1).map(() => 0);
    for (const p of mine) {
      const q = checkScreenQuery({ name: p.query, kind: p.entity.kind });
      const names = new QueryNames(q.name, q.kind);
      let bestFalse = 0;
      for (const e of entities) {
        if (e.kind !== p.entity.kind) continue;
        if (e !== p.entity && sameThing(e, p.entity)) continue; // the other list's entry for the same thing
        const right = e === p.entity;
        const s = scoreSubject(q, names, subject(e, right ? p.query : null)).score;
        if (right) {
          thresholds.forEach((t, i) => (tp[i] += s >= t ? 1 : 0));
          trueHist[bins.findIndex((b, i) => s >= b && s < bins[i + 1])]++;
        } else {
          thresholds.forEach((t, i) => (fp[i] += s >= t ? 1 : 0));
          bestFalse = Math.max(bestFalse, s);
          if (s >= 0.9 && process.env.SCREEN_EVAL_SHOW) {
            process.stdout.write(`wrong ${s}: "${p.query}" → ${e.id} ${e.names[0].name}\n`);
          }
        }
      }
      falseHist[bins.findIndex((b, i) => bestFalse >= b && bestFalse < bins[i + 1])]++;
    }
    process.stdout.write(`\n${part} half: ${mine.length} alias queries over ${entities.length} entities\n`);
    process.stdout.write(
      '| threshold | precision | recall | true pairs found | wrong candidates |\n| --- | --- | --- | --- | --- |\n',
    );
    thresholds.forEach((t, i) => {
      const precision = tp[i] + fp[i] === 0 ? 1 : tp[i] / (tp[i] + fp[i]);
      process.stdout.write(
        `| ${t} | ${precision.toFixed(3)} | ${(tp[i] / mine.length).toFixed(3)} | ${tp[i]} | ${fp[i]} |\n`,
      );
    });
    process.stdout.write(
      '\nscore of the right entity / of the best wrong one, per query:\n| score | right | best wrong |\n| --- | --- | --- |\n',
    );
    bins.slice(1).forEach((b, i) => {
      process.stdout.write(`| ${bins[i]}–${Math.min(1, b)} | ${trueHist[i]} | ${falseHist[i]} |\n`);
    });
  }
}

main();
