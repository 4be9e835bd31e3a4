/**
 * npm run schema:check — the schema contract, checked (CI runs it before the tests):
 *  1. schema.graphql equals the schema the service builds (otherwise: run `npm run schema`);
 *  2. no committed step in the history of schema.graphql, and no uncommitted change, breaks clients:
 *     every change GraphQL Inspector rates BREAKING (a field, argument, input field, enum value or type
 *     removed or retyped, a required argument or input field added) fails unless what it removes was
 *     @deprecated for at least DEPRECATION_DAYS first, or it is listed with a reason in
 *     schema.accepted-breaks.json. See the README, "Schema changes and deprecation".
 * Exit status: 0 clean, 1 a violation or an out-of-date file, 2 the check could not run.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { AcceptedBreak, DEPRECATION_DAYS, JudgedChange, SchemaHistory, StepResult } from './rules';
import { committedVersions, isShallowClone } from './history';
import { collierSdl, REGENERATE_HINT, REPO_ROOT, SCHEMA_FILE } from './sdl';

export const ACCEPTED_FILE = path.join(REPO_ROOT, 'schema.accepted-breaks.json');

function readAccepted(): AcceptedBreak[] {
  if (!existsSync(ACCEPTED_FILE)) return [];
  const parsed: unknown = JSON.parse(readFileSync(ACCEPTED_FILE, 'utf8'));
  if (!Array.isArray(parsed)) throw new Error(`${ACCEPTED_FILE}: expected a JSON array of { path, type?, reason }`);
  return parsed.map((entry: unknown, i) => {
    const e = entry as Partial<AcceptedBreak>;
    if (typeof e.path !== 'string' || typeof e.reason !== 'string' || !e.reason.trim()) {
      throw new Error(`${ACCEPTED_FILE}[${i}]: every entry needs a "path" and a non-empty "reason"`);
    }
    return { path: e.path, type: typeof e.type === 'string' ? e.type : undefined, reason: e.reason };
  });
}

function line(j: JudgedChange): string {
  return `    ${j.type} ${j.path}: ${j.message}\n      → ${j.why}`;
}

function report(step: StepResult): number {
  const violations = step.breaking.filter((j) => j.verdict === 'violation');
  const allowed = step.breaking.filter((j) => j.verdict !== 'violation');
  if (violations.length === 0 && allowed.length === 0 && step.dangerous.length === 0) return 0;
  const out = violations.length > 0 ? process.stderr : process.stdout;
  out.write(`\n  ${step.from}\n→ ${step.to}\n`);
  for (const j of violations) out.write(`  BREAKING (not allowed)\n${line(j)}\n`);
  for (const j of allowed) out.write(`  breaking, allowed\n${line(j)}\n`);
  for (const d of step.dangerous)
    out.write(`  dangerous (allowed; check the clients): ${d.type} ${d.path}: ${d.message}\n`);
  return violations.length;
}

async function main(): Promise<number> {
  const started = Date.now();
  const built = await collierSdl();
  let failures = 0;

  const onDisk = existsSync(SCHEMA_FILE) ? readFileSync(SCHEMA_FILE, 'utf8') : null;
  if (onDisk !== built) {
    process.stderr.write(`${onDisk == null ? 'schema.graphql is missing. ' : ''}${REGENERATE_HINT}\n`);
    failures++;
  }

  if (isShallowClone()) {
    const msg =
      'this is a shallow clone: the history of schema.graphql is incomplete (fetch with full history: git fetch --unshallow)';
    if (process.env.CI) {
      process.stderr.write(`schema:check: ${msg}\n`);
      return 2;
    }
    process.stderr.write(`warning: ${msg}; checking what is here\n`);
  }

  const history = new SchemaHistory(readAccepted(), DEPRECATION_DAYS);
  const unparsable: string[] = [];
  const versions = committedVersions(undefined, unparsable);
  for (const label of unparsable)
    process.stdout.write(`  not valid SDL, judged across (the next version against the one before): ${label}\n`);
  let violations = 0;
  for (const v of versions) {
    const step = await history.add(v);
    if (step) violations += report(step);
  }
  // the uncommitted schema (what the source builds now) against the last committed version
  const last = versions.at(-1);
  if (last == null || last.sdl !== built) {
    const step = await history.add({
      label: 'the working tree (schema built from src, not committed)',
      date: new Date(),
      sdl: built,
    });
    if (step) violations += report(step);
  }

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  process.stdout.write(
    `\nschema:check: ${versions.length} committed version(s) of schema.graphql` +
      `${versions[0] ? ` since ${versions[0].label.slice(0, 23)}` : ''} and the working schema; ` +
      `${violations} breaking change(s) not allowed; ${seconds}s\n`,
  );
  if (violations > 0) {
    process.stderr.write(
      `\nA client's query that uses what changed would stop working. Instead: add the new field or argument next to the old ` +
        `one, mark the old one @deprecated(reason: "Use … instead"), and remove it after ${DEPRECATION_DAYS} days ` +
        `(README: "Schema changes and deprecation"). A new argument must be optional (nullable or with a default). ` +
        `A break that must land anyway is listed, with its path and a reason, in schema.accepted-breaks.json.\n`,
    );
  }
  return failures + violations > 0 ? 1 : 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(
      `schema:check could not run: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(2);
  },
);
