/**
 * The explorer's view as an address: what was traced (origin, window, legs, wait), the filters, what is
 * selected or highlighted, graph or map, the time range dragged on the time bar and the open
 * investigation. Pure functions, no DOM (unit-tested in test/unit/explorer/viewState.test.ts):
 * `toSearch(view)` writes the query string, `fromSearch(search)` reads it back, and reading what was
 * written gives the same view. Anything the address does not say keeps its default, and a value that
 * makes no sense (a date that is not YYYY-MM-DD, a count out of range) is dropped rather than trusted.
 *
 *   /explore?origin=Nampho&from=2018-01-01&to=2019-12-31&hops=4&wait=60&country=VN&tactic=STS_TRANSFER
 *           &conf=0.5&node=port:nampho&route=…&view=map&during=2018-03-01~2018-09-30&inv=investigation:…
 */

export const MAX_HOPS = 8;
export const MAX_WAIT = 730;
export const DEFAULT_HOPS = 4;
export const DEFAULT_WAIT = 60;

export interface TraceForm {
  origin: string;
  from: string;
  to: string;
  maxHops: number;
  maxWaitDays: number;
}

export interface Filters {
  country: string;
  tactic: string;
  minConfidence: number;
}

export interface ViewSelection {
  id: string;
  group: 'node' | 'edge';
}

/** A range of days (YYYY-MM-DD, both included); either end may be open. */
export interface DayRange {
  from: string | null;
  to: string | null;
}

export interface ViewState {
  form: TraceForm;
  filters: Filters;
  selection: ViewSelection | null;
  highlightRoute: string | null;
  view: 'graph' | 'map';
  during: DayRange | null;
  investigation: string | null;
}

export const EMPTY_FORM: TraceForm = { origin: '', from: '', to: '', maxHops: DEFAULT_HOPS, maxWaitDays: DEFAULT_WAIT };
export const EMPTY_FILTERS: Filters = { country: '', tactic: '', minConfidence: 0 };

export function emptyView(): ViewState {
  return {
    form: { ...EMPTY_FORM },
    filters: { ...EMPTY_FILTERS },
    selection: null,
    highlightRoute: null,
    view: 'graph',
    during: null,
    investigation: null,
  };
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(s: string | null): string | null {
  if (!s || !DAY.test(s)) return null;
  const d = new Date(`${s}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== s ? null : s;
}

function int(s: string | null, min: number, max: number, fallback: number): number {
  if (s == null || !/^\d+$/.test(s)) return fallback;
  const n = Number(s);
  return n < min || n > max ? fallback : n;
}

/** Ids and codes as the API writes them: short, printable, no spaces. */
function token(s: string | null, max = 300): string | null {
  if (!s) return null;
  const t = s.trim();
  return t && t.length <= max && !/\s/.test(t) ? t : null;
}

export function parseDuring(s: string | null): DayRange | null {
  if (!s) return null;
  const [a, b] = s.split('~');
  const from = day(a ?? null);
  const to = day(b ?? null);
  if (!from && !to) return null;
  if (from && to && from > to) return null;
  return { from, to };
}

export function formatDuring(r: DayRange): string {
  return `${r.from ?? ''}~${r.to ?? ''}`;
}

export function fromSearch(search: string): ViewState {
  const p = new URLSearchParams(search);
  const v = emptyView();
  const origin = (p.get('origin') ?? '').trim();
  if (origin.length <= 200) v.form.origin = origin;
  const from = day(p.get('from'));
  const to = day(p.get('to'));
  if (from) v.form.from = from;
  if (to && (!from || to >= from)) v.form.to = to;
  v.form.maxHops = int(p.get('hops'), 1, MAX_HOPS, DEFAULT_HOPS);
  v.form.maxWaitDays = int(p.get('wait'), 0, MAX_WAIT, DEFAULT_WAIT);

  const country = p.get('country');
  if (country && /^[A-Za-z]{2}$/.test(country)) v.filters.country = country.toUpperCase();
  const tactic = p.get('tactic');
  if (tactic && /^[A-Z0-9_]{1,64}$/.test(tactic)) v.filters.tactic = tactic;
  const conf = Number(p.get('conf'));
  if (p.get('conf') != null && Number.isFinite(conf) && conf > 0 && conf <= 1) v.filters.minConfidence = conf;

  const node = token(p.get('node'));
  const edge = token(p.get('edge'));
  v.selection = node ? { id: node, group: 'node' } : edge ? { id: edge, group: 'edge' } : null;
  v.highlightRoute = token(p.get('route'), 2000);
  v.view = p.get('view') === 'map' ? 'map' : 'graph';
  v.during = parseDuring(p.get('during'));
  v.investigation = token(p.get('inv'));
  return v;
}

/** The query string of a view ("" for the empty view, else "?…"), in a fixed order and minimal. */
export function toSearch(v: ViewState): string {
  const p = new URLSearchParams();
  const origin = v.form.origin.trim();
  if (origin) {
    p.set('origin', origin);
    if (v.form.from) p.set('from', v.form.from);
    if (v.form.to) p.set('to', v.form.to);
    if (v.form.maxHops !== DEFAULT_HOPS) p.set('hops', String(v.form.maxHops));
    if (v.form.maxWaitDays !== DEFAULT_WAIT) p.set('wait', String(v.form.maxWaitDays));
    if (v.filters.country) p.set('country', v.filters.country);
    if (v.filters.tactic) p.set('tactic', v.filters.tactic);
    if (v.filters.minConfidence > 0) p.set('conf', String(v.filters.minConfidence));
    if (v.selection) p.set(v.selection.group, v.selection.id);
    if (v.highlightRoute) p.set('route', v.highlightRoute);
    if (v.view === 'map') p.set('view', 'map');
    if (v.during && (v.during.from || v.during.to)) p.set('during', formatDuring(v.during));
  }
  if (v.investigation) p.set('inv', v.investigation);
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** True when the two views trace the same thing (same origin, window, legs, wait and server filters). */
export function sameTrace(a: ViewState, b: ViewState): boolean {
  return (
    a.form.origin.trim().toLowerCase() === b.form.origin.trim().toLowerCase() &&
    a.form.from === b.form.from &&
    a.form.to === b.form.to &&
    a.form.maxHops === b.form.maxHops &&
    a.form.maxWaitDays === b.form.maxWaitDays &&
    a.filters.country === b.filters.country &&
    a.filters.minConfidence === b.filters.minConfidence
  );
}
