/**
 * A Cypher statement's name for metrics and traces: where in Collier's code it is sent from
 * (`db/trace/candidates:seekDepartures`, `db/loaders:131`), found once per statement text from the call
 * stack and remembered. Names are bounded by the code's call sites, never by data: no statement text,
 * parameter or id ever becomes a label.
 */
const names = new Map<string, string>();
/** Statement texts remembered; past it names are still found, only no longer cached. */
const MAX_CACHED = 2000;

/** Frames of the data layer's own plumbing, skipped to reach the code that sent the statement. */
const PLUMBING = /[/\\](db[/\\](database|observe[/\\](events|statementName))|ops[/\\]tracing)\.[jt]s:/;
/** A frame: `at fn (file:line:col)` or `at file:line:col`. */
const FRAME = /^\s*at (?:async )?(?:(.+?) \()?(.+?):(\d+):\d+\)?$/;
/** The folders a name starts from (the repository's top-level code folders). */
const ROOTS = /[/\\](?:dist[/\\])?((?:src|seed|scripts|bench|test)[/\\].+)\.[jt]s$/;
/** Pass-through helpers whose caller in the same file names the statement better. */
const HELPERS = new Set(['read', 'write', 'run', 'query']);

interface Frame {
  fn: string;
  file: string;
  line: string;
}

function frames(stack: string): Frame[] {
  const out: Frame[] = [];
  for (const text of stack.split('\n').slice(1)) {
    const m = FRAME.exec(text);
    if (!m || /node_modules|node:|<anonymous>$/.test(m[2]) || PLUMBING.test(`${m[2]}:`)) continue;
    out.push({
      fn: (m[1] ?? '').replace(/^(Object|Function|Array)\.|^new /, '').replace(/<anonymous>/, ''),
      file: m[2],
      line: m[3],
    });
  }
  return out;
}

function nameFromStack(stack: string): string {
  const fs = frames(stack);
  let i = 0;
  while (i + 1 < fs.length && HELPERS.has(fs[i].fn.split('.').pop() ?? '') && fs[i + 1].file === fs[i].file) i++;
  const frame = fs[i];
  if (!frame) return 'other';
  const where =
    ROOTS.exec(frame.file)?.[1]
      .replace(/\\/g, '/')
      .replace(/^src\//, '') ?? 'other';
  // `node.dataloader_1.default.batch` (a call through an imported module's binding) → `node`
  const fn = frame.fn.replace(/\.[A-Za-z_$]+_\d+\.default\..*$/, '').replace(/[^A-Za-z0-9_$.]/g, '');
  return `${where}:${fn === '' ? frame.line : fn}`;
}

/** The current call stack, as `statementName` reads it. */
export function captureStack(): string {
  const saved = Error.stackTraceLimit;
  Error.stackTraceLimit = 16;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = saved;
  return stack;
}

/**
 * The name of a statement, from the current call stack; `site` (a stack captured where the work was
 * handed to the data layer, e.g. `Database.writeAll`) names it when the current stack holds no code of
 * Collier's outside the data layer's plumbing (a statement sent from inside the driver's retry loop).
 */
export function statementName(cypher: string, site?: string): string {
  const known = names.get(cypher);
  if (known != null) return known;
  let name = nameFromStack(captureStack());
  if (name === 'other' && site != null) name = nameFromStack(site);
  if (names.size < MAX_CACHED) names.set(cypher, name);
  return name;
}
