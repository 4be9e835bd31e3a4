/**
 * The route explorer: pick an origin and a period, trace, and look at where the coal went — as a graph,
 * on a schematic map and in a table — then click anything for its details and sources, expand a node's
 * neighbourhood, and export the picture or the subgraph. Everything comes from Collier's public GraphQL
 * API at the same origin.
 */
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';

import { ApiError, gql } from './api';
import { DESTINATIONS, EXPORT_FORMATS, exportQuery, NEIGHBORHOOD, TRACE, type ExportFormat } from './queries';
import type { DestinationData, RouteData, SubgraphData } from './types';
import { drawRoutes, entityIds, filterRoutes, mergeSubgraph, tacticsOf, type Drawing } from './model';
import { formatConfidence, formatTonnes } from './format';
import { fileName, saveFile } from './download';
import { OriginPicker } from './components/OriginPicker';
import { GraphView, type GraphHandle, type Selection } from './components/GraphView';
import { MapView } from './components/MapView';
import { RoutesTable } from './components/RoutesTable';
import { Details } from './components/Details';
import { Legend } from './components/Legend';
import { Progress } from './components/Progress';
import { SignIn, useCredential } from './components/SignIn';
import { AlertsBell } from './components/AlertsBell';
import { WatchThis, watchableId } from './components/WatchThis';
import { TimeBar } from './components/TimeBar';
import { InvestigationsPanel, type TraceToSave } from './components/InvestigationsPanel';
import type { SavedTraceParameters } from './workspaceQueries';
import { useAddress } from './useAddress';
import { routesDuring } from './timeRange';
import {
  EMPTY_FORM,
  fromSearch,
  MAX_HOPS,
  MAX_WAIT,
  sameTrace,
  type DayRange,
  type Filters,
  type TraceForm,
  type ViewState,
} from './viewState';
/**
 * Most routes asked for at once: the most confident come first, and more than this would not make a
 * readable picture (the service's operation-cost limit also weighs every route's nested steps).
 */
const ROUTE_LIMIT = 40;

interface TraceResult {
  origin: string;
  routes: RouteData[];
  destinations: DestinationData[];
  statements: number | null;
  ms: number;
}

type Notice = { kind: 'error'; text: string; code: string; argument: string | null } | { kind: 'info'; text: string };

function errorNotice(err: unknown, doing: string): Notice {
  if (err instanceof ApiError)
    return { kind: 'error', text: `${doing}: ${err.message}`, code: err.code, argument: err.argumentName };
  return { kind: 'error', text: `${doing}: ${String((err as Error)?.message ?? err)}`, code: 'CLIENT', argument: null };
}

/** What a trace restores besides its routes when it reproduces an address (Back, Forward, a link). */
type Restore = Pick<ViewState, 'selection' | 'highlightRoute' | 'during'>;

export function App() {
  // The address is the view: read once here, then kept in step by useAddress.
  const [initial] = useState(() => fromSearch(window.location.search));
  const [form, setForm] = useState<TraceForm>(initial.form);
  const [filters, setFilters] = useState<Filters>(initial.filters);
  /** The form of the trace on screen (or running): what the address names as the origin and window. */
  const [traced, setTraced] = useState<TraceForm>(initial.form.origin ? initial.form : EMPTY_FORM);
  const [result, setResult] = useState<TraceResult | null>(null);
  const [loading, setLoading] = useState(false);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [selection, setSelection] = useState<Selection | null>(initial.selection);
  const [highlightRoute, setHighlightRoute] = useState<string | null>(initial.highlightRoute);
  const [view, setView] = useState<'graph' | 'map'>(initial.view);
  const [during, setDuring] = useState<DayRange | null>(initial.during);
  const [investigation, setInvestigation] = useState<string | null>(initial.investigation);
  const credential = useCredential();
  const [expansions, setExpansions] = useState<{ anchor: string; sub: SubgraphData }[]>([]);
  const [expandBusy, setExpandBusy] = useState(false);
  const [exportFormat, setExportFormat] = useState<ExportFormat>('GRAPHML');
  const [exportDepth, setExportDepth] = useState(0);
  const [exportBusy, setExportBusy] = useState(false);
  const [traceGen, setTraceGen] = useState(0);
  // A new trace, or a tactic filter (applied here), is a new picture: laid out afresh.
  const generation = `${traceGen}:${filters.tactic}:${during?.from ?? ''}~${during?.to ?? ''}`;
  const graphRef = useRef<GraphHandle>(null);
  const mapRef = useRef<SVGSVGElement>(null);
  const traceCtl = useRef<AbortController | null>(null);
  const lastTrace = useRef<{ form: TraceForm; filters: Filters } | null>(null);

  const runTrace = useCallback(async (f: TraceForm, flt: Filters, restore?: Restore) => {
    const origin = f.origin.trim();
    if (!origin) {
      setNotice({ kind: 'info', text: 'Type a port name (or pick one from the list) to trace from.' });
      return;
    }
    traceCtl.current?.abort();
    const ctl = new AbortController();
    traceCtl.current = ctl;
    setLoading(true);
    setNotice(null);
    lastTrace.current = { form: f, filters: flt };
    // The new view at once (so the address changes once): a new trace starts with nothing selected,
    // one that reproduces an address with what it names.
    setTraced(f);
    setSelection(restore?.selection ?? null);
    setHighlightRoute(restore?.highlightRoute ?? null);
    setDuring(restore?.during ?? null);
    try {
      const window = f.from || f.to ? { from: f.from || null, to: f.to || null } : null;
      const walk = { origin, window, maxHops: f.maxHops, maxWaitDays: f.maxWaitDays };
      // the routes and the destinations are two requests (one analytics field per operation), sent together
      const [routes, reached] = await Promise.all([
        gql<{ traceCargo: RouteData[] }>(
          TRACE,
          {
            ...walk,
            minConfidence: flt.minConfidence > 0 ? flt.minConfidence : null,
            destinationCountry: flt.country || null,
            limit: ROUTE_LIMIT,
          },
          ctl.signal,
        ),
        gql<{ destinations: DestinationData[] }>(DESTINATIONS, walk, ctl.signal),
      ]);
      setResult({
        origin,
        routes: routes.data.traceCargo,
        destinations: reached.data.destinations,
        statements:
          routes.statements == null && reached.statements == null
            ? null
            : (routes.statements ?? 0) + (reached.statements ?? 0),
        ms: Math.max(routes.ms, reached.ms),
      });
      setExpansions([]);
      setTraceGen((g) => g + 1);
    } catch (err) {
      if ((err as Error).name === 'AbortError') return;
      setNotice(errorNotice(err, 'The trace failed'));
    } finally {
      if (traceCtl.current === ctl) setLoading(false);
    }
  }, []);

  // Filters the service applies (destination country, minimum confidence) re-run the trace.
  useEffect(() => {
    const last = lastTrace.current;
    if (!last) return;
    if (last.filters.country === filters.country && last.filters.minConfidence === filters.minConfidence) return;
    // runTrace reports its own failures in the notice
    const t = setTimeout(() => void runTrace(last.form, filters), 250);
    return () => clearTimeout(t);
  }, [filters, runTrace]);

  // The view the address shows, and the way back to one: Back, Forward or a pasted link re-trace only
  // when what was traced differs.
  const current: ViewState = { form: traced, filters, selection, highlightRoute, view, during, investigation };
  const applyAddress = useCallback(
    (v: ViewState) => {
      setForm(v.form);
      setFilters(v.filters);
      setView(v.view);
      setInvestigation(v.investigation);
      const last = lastTrace.current;
      const shown: ViewState | null = last ? { ...v, form: last.form, filters: last.filters } : null;
      if (v.form.origin && (!shown || !sameTrace(v, shown))) {
        void runTrace(v.form, v.filters, v);
        return;
      }
      if (!v.form.origin) {
        traceCtl.current?.abort();
        lastTrace.current = null;
        setTraced(EMPTY_FORM);
        setResult(null);
        setLoading(false);
      }
      setSelection(v.selection);
      setHighlightRoute(v.highlightRoute);
      setDuring(v.during);
    },
    [runTrace],
  );
  useAddress(current, applyAddress);
  useEffect(() => {
    // `/explore?origin=Nampho` traces at once.
    if (initial.form.origin) void runTrace(initial.form, initial.filters, initial);
  }, [initial, runTrace]);

  const routes = useMemo(
    () =>
      result
        ? routesDuring(
            filterRoutes(result.routes, { tactic: filters.tactic || null, minConfidence: null, country: null }),
            during,
          )
        : [],
    [result, filters.tactic, during],
  );
  const baseDrawing = useMemo(() => drawRoutes(routes), [routes]);
  const { drawing, expansion } = useMemo(() => {
    let d: Drawing = baseDrawing;
    let last: { anchor: string; added: string[] } | null = null;
    for (const x of expansions) {
      const merged = mergeSubgraph(d, x.sub);
      d = merged.drawing;
      last = { anchor: x.anchor, added: merged.added };
    }
    return { drawing: d, expansion: last };
  }, [baseDrawing, expansions]);
  const tactics = useMemo(() => (result ? tacticsOf(result.routes) : []), [result]);

  const select = useCallback((sel: Selection | null) => {
    setSelection(sel);
  }, []);

  const expand = useCallback(
    async (id: string) => {
      setExpandBusy(true);
      setNotice(null);
      try {
        const { data } = await gql<{ neighborhood: SubgraphData }>(NEIGHBORHOOD, {
          id,
          depth: 1,
          minConfidence: filters.minConfidence > 0 ? filters.minConfidence : null,
          limit: 200,
        });
        const anchor = drawing.nodes.some((n) => n.id === id)
          ? id
          : (drawing.nodes.find((n) => n.vesselId === id)?.id ?? id);
        setExpansions((xs) => [...xs, { anchor, sub: data.neighborhood }]);
        setView('graph');
        const added = data.neighborhood.nodes.filter((n) => !drawing.nodes.some((m) => m.id === n.id)).length;
        setNotice({
          kind: 'info',
          text: `Neighbourhood: ${added} new node${added === 1 ? '' : 's'} added${data.neighborhood.truncated ? ' (cut short by the limit)' : ''}.`,
        });
      } catch (err) {
        if (err instanceof ApiError && err.missingField('neighborhood')) {
          setNotice({
            kind: 'error',
            text: 'Expanding a neighbourhood needs the link-analysis query `neighborhood`, which this Collier service does not offer yet.',
            code: err.code,
            argument: null,
          });
        } else setNotice(errorNotice(err, 'Expanding the neighbourhood failed'));
      } finally {
        setExpandBusy(false);
      }
    },
    [drawing, filters.minConfidence],
  );
  // expand reports its own failures in the notice
  const expandInBackground = useCallback((id: string) => void expand(id), [expand]);

  async function exportPicture(kind: 'png' | 'svg') {
    const stem = `${result?.origin ?? 'routes'}-${view}`;
    try {
      if (view === 'graph') {
        if (kind === 'png') saveFile(fileName(stem, 'png'), await graphRef.current!.png());
        else saveFile(fileName(stem, 'svg'), graphRef.current!.svg(), 'image/svg+xml');
      } else if (mapRef.current) {
        const svg = new XMLSerializer().serializeToString(mapRef.current);
        saveFile(fileName(stem, 'svg'), `<?xml version="1.0" encoding="UTF-8"?>\n${svg}`, 'image/svg+xml');
      }
      setNotice({ kind: 'info', text: `Saved the ${view} as ${kind.toUpperCase()}.` });
    } catch (err) {
      setNotice(errorNotice(err, 'Saving the picture failed'));
    }
  }

  async function exportSubgraph() {
    const ids = entityIds(drawing);
    setExportBusy(true);
    setNotice(null);
    try {
      const { data } = await gql<{ exportSubgraph: string }>(exportQuery(exportFormat), { ids, depth: exportDepth });
      const ext = exportFormat === 'GRAPHML' ? 'graphml' : exportFormat === 'GEXF' ? 'gexf' : 'csv';
      const type = exportFormat === 'CSV' ? 'text/csv' : 'application/xml';
      saveFile(fileName(`${result?.origin ?? 'routes'}-subgraph`, ext), data.exportSubgraph, type);
      setNotice({
        kind: 'info',
        text: `Exported ${ids.length} entities as ${exportFormat} (${data.exportSubgraph.length.toLocaleString('en-GB')} characters).`,
      });
    } catch (err) {
      if (err instanceof ApiError && err.missingField('exportSubgraph')) {
        setNotice({
          kind: 'error',
          text: 'Exporting the subgraph needs the link-analysis query `exportSubgraph`, which this Collier service does not offer yet. The picture can still be saved as PNG or SVG.',
          code: err.code,
          argument: null,
        });
      } else setNotice(errorNotice(err, 'Exporting the subgraph failed'));
    } finally {
      setExportBusy(false);
    }
  }

  function submit(e: React.FormEvent) {
    e.preventDefault();
    void runTrace(form, filters);
  }

  const countries = useMemo(() => {
    const list = (result?.destinations ?? []).filter((d) => d.country).map((d) => d.country!);
    if (filters.country && !list.some((c) => c.code === filters.country))
      list.push({ code: filters.country, name: filters.country });
    return list.sort((a, b) => a.name.localeCompare(b.name));
  }, [result, filters.country]);

  const hasRoutes = routes.length > 0;
  const timeSubject = useMemo(() => subjectOf(selection, drawing, result), [selection, drawing, result]);
  const watchSubject = timeSubject.fromSelection ? timeSubject : { id: null, name: '' };

  const traceToSave = useMemo<TraceToSave | null>(
    () =>
      result && traced.origin.trim()
        ? {
            origin: traced.origin.trim(),
            window: traced.from || traced.to ? { from: traced.from || null, to: traced.to || null } : null,
            maxHops: traced.maxHops,
            maxWaitDays: traced.maxWaitDays,
            minConfidence: filters.minConfidence > 0 ? filters.minConfidence : null,
            destinationCountry: filters.country || null,
            limit: ROUTE_LIMIT,
          }
        : null,
    [result, traced, filters.country, filters.minConfidence],
  );
  const showSavedTrace = useCallback(
    (p: SavedTraceParameters) => {
      if (!p.origin) {
        setNotice({
          kind: 'info',
          text: 'This saved trace follows cargo back from a port, which the explorer does not draw yet.',
        });
        return;
      }
      const f: TraceForm = {
        origin: p.origin,
        from: p.windowFrom ?? '',
        to: p.windowTo ?? '',
        maxHops: Math.min(MAX_HOPS, p.maxHops),
        maxWaitDays: Math.min(MAX_WAIT, p.maxWaitDays),
      };
      const flt: Filters = { country: p.destinationCountry ?? '', tactic: '', minConfidence: p.minConfidence ?? 0 };
      setForm(f);
      setFilters(flt);
      void runTrace(f, flt);
    },
    [runTrace],
  );

  const showEntity = useCallback(
    (id: string) => {
      const node = drawing.nodes.find((n) => n.id === id) ?? drawing.nodes.find((n) => n.vesselId === id);
      setSelection({ id: node?.id ?? id, group: 'node' });
    },
    [drawing],
  );
  const statusText = loading
    ? `Tracing from ${form.origin.trim() || '…'}…`
    : result
      ? `${routes.length} route${routes.length === 1 ? '' : 's'} from ${result.routes[0]?.origin.name ?? result.origin}` +
        (filters.tactic ? ` using ${tactics.find((t) => t.code === filters.tactic)?.name ?? filters.tactic}` : '') +
        ` · ${result.ms} ms` +
        (result.statements != null
          ? ` · ${result.statements} Cypher statement${result.statements === 1 ? '' : 's'}`
          : '') +
        (result.routes.length >= ROUTE_LIMIT
          ? ` · only the ${ROUTE_LIMIT} most confident routes are shown: narrow the period or raise the minimum confidence`
          : '')
      : '';

  return (
    <div className="app">
      <header className="top">
        <div className="top-title">
          <h1>
            Collier <span className="muted">— route explorer</span>
          </h1>
          <p className="tagline">
            Where did the coal go? Trace cargo from a port through every vessel, transfer and port to where it was
            landed.
          </p>
        </div>
        <div className="top-tools">
          {credential && <AlertsBell credential={credential} onShow={showEntity} />}
          <SignIn />
        </div>
      </header>

      <form className="controls" onSubmit={submit} aria-label="Trace">
        <OriginPicker
          text={form.origin}
          onText={(origin) => setForm((f) => ({ ...f, origin }))}
          onPick={(choice) => {
            const next = { ...form, origin: choice.name };
            setForm(next);
            void runTrace(next, filters);
          }}
        />
        <div className="field">
          <label htmlFor="win-from">Left from</label>
          <input
            id="win-from"
            type="date"
            value={form.from}
            max={form.to || undefined}
            onChange={(e) => setForm((f) => ({ ...f, from: e.target.value }))}
          />
        </div>
        <div className="field">
          <label htmlFor="win-to">until</label>
          <input
            id="win-to"
            type="date"
            value={form.to}
            min={form.from || undefined}
            onChange={(e) => setForm((f) => ({ ...f, to: e.target.value }))}
          />
        </div>
        <div className="field narrow">
          <label htmlFor="max-hops">Max legs</label>
          <input
            id="max-hops"
            type="number"
            min={1}
            max={MAX_HOPS}
            value={form.maxHops}
            onChange={(e) =>
              setForm((f) => ({ ...f, maxHops: Math.max(1, Math.min(MAX_HOPS, Number(e.target.value) || 1)) }))
            }
          />
        </div>
        <div className="field narrow">
          <label htmlFor="max-wait">Max wait (days)</label>
          <input
            id="max-wait"
            type="number"
            min={0}
            max={MAX_WAIT}
            value={form.maxWaitDays}
            onChange={(e) =>
              setForm((f) => ({ ...f, maxWaitDays: Math.max(0, Math.min(MAX_WAIT, Number(e.target.value) || 0)) }))
            }
          />
        </div>
        <button type="submit" className="primary" disabled={loading}>
          {loading ? 'Tracing…' : 'Trace'}
        </button>
      </form>

      <section className="filters" aria-label="Filters">
        <div className="field">
          <label htmlFor="f-country">Destination country</label>
          <select
            id="f-country"
            value={filters.country}
            onChange={(e) => setFilters((f) => ({ ...f, country: e.target.value }))}
            disabled={!result}
          >
            <option value="">any</option>
            {countries.map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="f-tactic">Tactic</label>
          <select
            id="f-tactic"
            value={filters.tactic}
            onChange={(e) => {
              setExpansions([]);
              setHighlightRoute(null);
              setFilters((f) => ({ ...f, tactic: e.target.value }));
            }}
            disabled={!result}
          >
            <option value="">any</option>
            {tactics.map((t) => (
              <option key={t.code} value={t.code}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field conf">
          <label htmlFor="f-conf">
            Min confidence <output htmlFor="f-conf">{formatConfidence(filters.minConfidence)}</output>
          </label>
          <input
            id="f-conf"
            type="range"
            min={0}
            max={1}
            step={0.05}
            value={filters.minConfidence}
            onChange={(e) => setFilters((f) => ({ ...f, minConfidence: Number(e.target.value) }))}
          />
        </div>
      </section>

      {result && result.destinations.length > 0 && (
        <section className="destinations" aria-label="Destinations">
          <h2>Destinations</h2>
          <ul>
            {result.destinations.map((d) => {
              const code = d.country?.code ?? d.key;
              const active = filters.country === code;
              return (
                <li key={d.key}>
                  <button
                    type="button"
                    className={active ? 'chip active' : 'chip'}
                    aria-pressed={active}
                    title={`${d.routeCount} route(s), best confidence ${formatConfidence(d.bestConfidence)}; ${d.firstDate ?? '?'} – ${d.lastDate ?? '?'}`}
                    onClick={() => setFilters((f) => ({ ...f, country: active ? '' : code }))}
                  >
                    <span className="chip-name">{d.country?.name ?? d.key}</span>
                    <span className="chip-meta">
                      {d.routeCount} route{d.routeCount === 1 ? '' : 's'}
                      {(d.tonnage.min != null || d.tonnage.max != null) &&
                        ` · ${formatTonnes(d.tonnage.min, d.tonnage.max)}`}
                    </span>
                  </button>
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <p className="status" role="status" aria-live="polite">
        {statusText}
      </p>
      {notice && (
        <div
          className={notice.kind === 'error' ? 'notice error' : 'notice info'}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>
            {notice.text}
            {notice.kind === 'error' && (
              <span className="code">
                {' '}
                ({notice.code}
                {notice.argument ? `, argument “${notice.argument}”` : ''})
              </span>
            )}
          </span>
          <button type="button" className="dismiss" aria-label="Dismiss message" onClick={() => setNotice(null)}>
            ×
          </button>
        </div>
      )}

      <main className="workspace" aria-busy={loading}>
        <section className="drawing" aria-label="Drawing">
          <div className="toolbar">
            <div role="tablist" aria-label="View" className="tabs">
              <button
                type="button"
                role="tab"
                id="tab-graph"
                aria-controls="panel-graph"
                aria-selected={view === 'graph'}
                onClick={() => setView('graph')}
              >
                Graph
              </button>
              <button
                type="button"
                role="tab"
                id="tab-map"
                aria-controls="panel-map"
                aria-selected={view === 'map'}
                onClick={() => setView('map')}
              >
                Map
              </button>
            </div>
            <div className="actions">
              {view === 'graph' && (
                <>
                  <button
                    type="button"
                    onClick={() => graphRef.current?.zoom(1.25)}
                    disabled={!hasRoutes}
                    aria-label="Zoom in"
                    title="Zoom in (+)"
                  >
                    +
                  </button>
                  <button
                    type="button"
                    onClick={() => graphRef.current?.zoom(0.8)}
                    disabled={!hasRoutes}
                    aria-label="Zoom out"
                    title="Zoom out (−)"
                  >
                    −
                  </button>
                  <button
                    type="button"
                    onClick={() => graphRef.current?.fit()}
                    disabled={!hasRoutes}
                    title="Fit the drawing (0)"
                  >
                    Fit
                  </button>
                  <button type="button" onClick={() => void exportPicture('png')} disabled={!hasRoutes}>
                    PNG
                  </button>
                </>
              )}
              <button type="button" onClick={() => void exportPicture('svg')} disabled={!hasRoutes}>
                SVG
              </button>
              <span className="export">
                <label htmlFor="x-format" className="visually-hidden">
                  Subgraph export format
                </label>
                <select
                  id="x-format"
                  value={exportFormat}
                  onChange={(e) => setExportFormat(e.target.value as ExportFormat)}
                >
                  {EXPORT_FORMATS.map((f) => (
                    <option key={f} value={f}>
                      {f}
                    </option>
                  ))}
                </select>
                <label htmlFor="x-depth" className="visually-hidden">
                  Export depth (0: what is drawn)
                </label>
                <select
                  id="x-depth"
                  value={exportDepth}
                  onChange={(e) => setExportDepth(Number(e.target.value))}
                  title="Depth around the drawn entities"
                >
                  <option value={0}>as drawn</option>
                  <option value={1}>+1 hop</option>
                  <option value={2}>+2 hops</option>
                </select>
                <button type="button" onClick={() => void exportSubgraph()} disabled={!hasRoutes || exportBusy}>
                  {exportBusy ? 'Exporting…' : 'Export subgraph'}
                </button>
              </span>
            </div>
          </div>

          <div id="panel-graph" role="tabpanel" aria-labelledby="tab-graph" hidden={view !== 'graph'} className="panel">
            <GraphView
              ref={graphRef}
              drawing={drawing}
              generation={generation}
              expansion={expansion}
              selection={selection}
              highlightRoute={highlightRoute}
              onSelect={select}
              onExpand={expandInBackground}
              describedBy="legend"
            />
            {view === 'graph' && !hasRoutes && !loading && <Empty result={result} filters={filters} during={during} />}
            {view === 'graph' && loading && <Progress origin={traced.origin.trim() || form.origin.trim()} />}
          </div>
          <div id="panel-map" role="tabpanel" aria-labelledby="tab-map" hidden={view !== 'map'} className="panel">
            {view === 'map' && hasRoutes && (
              <MapView
                ref={mapRef}
                drawing={drawing}
                selection={selection}
                highlightRoute={highlightRoute}
                onSelect={select}
              />
            )}
            {view === 'map' && !hasRoutes && !loading && <Empty result={result} filters={filters} during={during} />}
            {view === 'map' && loading && <Progress origin={traced.origin.trim() || form.origin.trim()} />}
          </div>
          {result && (
            <TimeBar subjectId={timeSubject.id} subjectName={timeSubject.name} during={during} onDuring={setDuring} />
          )}
          <Legend />
        </section>

        <aside className="side">
          <InvestigationsPanel
            credential={credential}
            openId={investigation}
            onOpen={setInvestigation}
            trace={traceToSave}
            entity={watchSubject.id ? { id: watchSubject.id, name: watchSubject.name } : null}
            onShowTrace={showSavedTrace}
            onShowEntity={showEntity}
          />
          <section className="details" aria-labelledby="details-heading">
            <h2 id="details-heading" className="visually-hidden">
              Details
            </h2>
            {selection && credential && watchableId(watchSubject.id) && (
              <WatchThis credential={credential} entityId={watchSubject.id!} entityName={watchSubject.name} />
            )}
            {selection ? (
              <Details
                selection={selection}
                drawing={drawing}
                onSelect={select}
                onExpand={expandInBackground}
                expandBusy={expandBusy}
              />
            ) : (
              <p className="muted hint">
                Click a port, vessel, transfer or edge — or a name in the table — to see its details and sources.
              </p>
            )}
          </section>
          {hasRoutes && (
            <section className="table-wrap" aria-label="Routes table">
              <RoutesTable
                routes={routes}
                highlightRoute={highlightRoute}
                onHighlight={setHighlightRoute}
                onSelect={select}
              />
            </section>
          )}
        </aside>
      </main>
    </div>
  );
}

function Empty({ result, filters, during }: { result: TraceResult | null; filters: Filters; during: DayRange | null }) {
  if (!result)
    return (
      <div className="empty">
        <p>
          <strong>Pick an origin port to start</strong> — for example Nampho (or “Nampo”), Chongjin or Wonsan — then
          press Trace.
        </p>
        <p className="muted">Leave the dates empty to follow every voyage on record.</p>
      </div>
    );
  const active = [
    filters.country && `destination ${filters.country}`,
    filters.tactic && `tactic ${filters.tactic}`,
    filters.minConfidence > 0 && `confidence ≥ ${formatConfidence(filters.minConfidence)}`,
    during && `under way ${during.from ?? '…'} – ${during.to ?? '…'}`,
  ].filter(Boolean);
  return (
    <div className="empty">
      <p>
        <strong>No routes</strong> from {result.origin}
        {active.length ? ` with ${active.join(', ')}` : ''}.
      </p>
      <p className="muted">Widen the period, allow more legs or a longer wait, or relax the filters.</p>
    </div>
  );
}

/**
 * Whose events the time bar shows, and what "Watch this" watches: the selected port, the vessel of the
 * selected voyage or leg, another selected entity; with nothing selected, the origin port.
 */
function subjectOf(
  selection: Selection | null,
  drawing: Drawing,
  result: TraceResult | null,
): { id: string | null; name: string; fromSelection: boolean } {
  // Only vessels, companies, persons and ports have a timeline (and can be watched).
  if (selection) {
    if (selection.group === 'node') {
      const n = drawing.nodes.find((x) => x.id === selection.id);
      if (!n && watchableId(selection.id)) return { id: selection.id, name: selection.id, fromSelection: true };
      if (n?.kind === 'voyage' && n.vesselId) return { id: n.vesselId, name: n.label, fromSelection: true };
      if (n && watchableId(n.id)) return { id: n.id, name: n.label, fromSelection: true };
    } else {
      const e = drawing.edges.find((x) => x.id === selection.id);
      const voyage = e?.factId ? drawing.nodes.find((x) => x.id === e.factId && x.kind === 'voyage') : undefined;
      if (voyage?.vesselId) return { id: voyage.vesselId, name: voyage.label, fromSelection: true };
    }
  }
  const origin = result?.routes[0]?.origin;
  return origin
    ? { id: origin.id, name: origin.name, fromSelection: false }
    : { id: null, name: '', fromSelection: false };
}
