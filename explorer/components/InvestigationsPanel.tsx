/**
 * Investigations (the workspace API): save what is on screen — the trace, the selected entity — with a
 * note into a case file, and open one: its items in order with their notes, authors and times, each
 * saved trace re-run by the service and flagged when its answer changed since it was saved. Opening an
 * item shows it (a trace is traced again, an entity selected). Reading needs a reader's credential,
 * saving an editor's; the service's refusals are shown as they come.
 */
import { useCallback, useEffect, useId, useState } from 'react';

import { ApiError, gql } from '../api';
import { saveFile } from '../download';
import {
  ADD_TO_INVESTIGATION,
  CREATE_INVESTIGATION,
  INVESTIGATION,
  INVESTIGATION_ITEMS_PAGE,
  INVESTIGATION_REPORT,
  INVESTIGATIONS,
  REMOVE_FROM_INVESTIGATION,
  type InvestigationData,
  type InvestigationItemData,
  type InvestigationSummary,
  type SavedTraceParameters,
} from '../workspaceQueries';

/** The trace on screen, as `addToInvestigation(item: { trace })` takes it. */
export interface TraceToSave {
  origin: string;
  window: { from: string | null; to: string | null } | null;
  maxHops: number;
  maxWaitDays: number;
  minConfidence: number | null;
  destinationCountry: string | null;
  limit: number;
}

interface Props {
  credential: string | null;
  openId: string | null;
  onOpen: (id: string | null) => void;
  trace: TraceToSave | null;
  entity: { id: string; name: string } | null;
  onShowTrace: (p: SavedTraceParameters) => void;
  onShowEntity: (id: string) => void;
}

function describeError(err: unknown): string {
  return err instanceof ApiError ? `${err.message} (${err.code})` : String((err as Error)?.message ?? err);
}

function traceText(p: SavedTraceParameters): string {
  const where = p.origin ? `from ${p.origin}` : `back from ${p.destination ?? '?'}`;
  const when = p.windowFrom || p.windowTo ? `, ${p.windowFrom ?? '…'} – ${p.windowTo ?? '…'}` : '';
  const to = p.destinationCountry ? `, to ${p.destinationCountry}` : '';
  return `Trace ${where}${when}${to}, ≤ ${p.maxHops} legs`;
}

async function readInvestigation(id: string): Promise<InvestigationData | null> {
  const items: InvestigationItemData[] = [];
  let head: InvestigationData | null = null;
  let afterPosition: number | null = null;
  for (let page = 0; page < 10; page++) {
    const answer: { data: { investigation: InvestigationData | null } } = await gql<{
      investigation: InvestigationData | null;
    }>(INVESTIGATION, { id, afterPosition });
    const got: InvestigationData | null = answer.data.investigation;
    if (!got) return null;
    head = got;
    items.push(...got.items);
    if (got.items.length < INVESTIGATION_ITEMS_PAGE) break;
    afterPosition = got.items[got.items.length - 1].position;
  }
  return head && { ...head, items };
}

export function InvestigationsPanel(props: Props) {
  const { credential, openId, onOpen, trace, entity, onShowTrace, onShowEntity } = props;
  const [list, setList] = useState<InvestigationSummary[]>([]);
  const [open, setOpen] = useState<InvestigationData | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<string | null>(null);
  const [note, setNote] = useState('');
  const [title, setTitle] = useState('');
  const [withTrace, setWithTrace] = useState(true);
  const [withEntity, setWithEntity] = useState(true);
  const [busy, setBusy] = useState(false);
  const [tick, setTick] = useState(0);
  const id = useId();

  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    if (!credential) {
      setList([]);
      return;
    }
    let live = true;
    gql<{ investigations: { edges: { node: InvestigationSummary }[] } }>(INVESTIGATIONS).then(
      ({ data }) => {
        if (live) setList(data.investigations.edges.map((e) => e.node));
      },
      (err: unknown) => {
        if (live) setError(`The investigations could not be listed: ${describeError(err)}`);
      },
    );
    return () => {
      live = false;
    };
  }, [credential, tick]);

  useEffect(() => {
    if (!openId || !credential) {
      setOpen(null);
      return;
    }
    let live = true;
    setLoading(true);
    readInvestigation(openId)
      .then(
        (inv) => {
          if (!live) return;
          setOpen(inv);
          setError(inv ? null : `There is no investigation ${openId}.`);
        },
        (err: unknown) => {
          if (live) setError(`The investigation could not be opened: ${describeError(err)}`);
        },
      )
      .finally(() => {
        if (live) setLoading(false);
      });
    return () => {
      live = false;
    };
  }, [openId, credential, tick]);

  async function save(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setError(null);
    setSaved(null);
    try {
      let target = openId;
      if (!target) {
        const t = title.trim() || (trace ? `Trace from ${trace.origin}` : (entity?.name ?? 'Investigation'));
        const { data } = await gql<{ createInvestigation: InvestigationSummary }>(CREATE_INVESTIGATION, {
          input: { title: t },
        });
        target = data.createInvestigation.id;
      }
      const text = note.trim() || null;
      let added = 0;
      if (trace && withTrace) {
        await gql(ADD_TO_INVESTIGATION, { id: target, item: { trace, note: text } });
        added++;
      }
      if (entity && withEntity) {
        await gql(ADD_TO_INVESTIGATION, { id: target, item: { entityId: entity.id, note: text } });
        added++;
      }
      setNote('');
      setTitle('');
      setSaved(`Saved ${added} item${added === 1 ? '' : 's'}.`);
      if (target !== openId) onOpen(target);
      reload();
    } catch (err) {
      setError(`Saving failed: ${describeError(err)}`);
    } finally {
      setBusy(false);
    }
  }

  async function report(format: 'MARKDOWN' | 'HTML') {
    if (!openId) return;
    setError(null);
    try {
      const { data } = await gql<{ investigationReport: { content: string; fileName: string; mediaType: string } }>(
        INVESTIGATION_REPORT,
        { id: openId, format },
      );
      const r = data.investigationReport;
      saveFile(r.fileName, r.content, r.mediaType);
      setSaved(`Saved the report as ${r.fileName}.`);
    } catch (err) {
      setError(`The report could not be made: ${describeError(err)}`);
    }
  }

  async function remove(item: InvestigationItemData) {
    if (!openId) return;
    try {
      await gql(REMOVE_FROM_INVESTIGATION, { id: openId, itemId: item.id });
      reload();
    } catch (err) {
      setError(`Removing failed: ${describeError(err)}`);
    }
  }

  if (!credential) {
    return (
      <section className="investigations" aria-labelledby={`${id}-h`}>
        <h2 id={`${id}-h`}>Investigations</h2>
        <p className="muted">
          {openId
            ? 'This address opens an investigation: sign in (a reader’s key is enough) to see it.'
            : 'Sign in to save this view to an investigation or open one.'}
        </p>
      </section>
    );
  }

  const canSave = (trace && withTrace) || (entity && withEntity);
  return (
    <section className="investigations" aria-labelledby={`${id}-h`}>
      <div className="inv-head">
        <h2 id={`${id}-h`}>{open ? `Investigation: ${open.title}` : 'Investigations'}</h2>
        {openId && (
          <button type="button" onClick={() => onOpen(null)}>
            Close
          </button>
        )}
      </div>
      {!openId && list.length > 0 && (
        <div className="field inv-pick">
          <label htmlFor={`${id}-open`}>Open</label>
          <select id={`${id}-open`} value="" onChange={(e) => e.target.value && onOpen(e.target.value)}>
            <option value="">an investigation…</option>
            {list.map((i) => (
              <option key={i.id} value={i.id}>
                {i.title} ({i.itemCount})
              </option>
            ))}
          </select>
        </div>
      )}
      {loading && (
        <p className="muted" role="status">
          Opening the investigation (its saved traces run again)…
        </p>
      )}
      {open && (
        <>
          {open.summary && <p>{open.summary}</p>}
          <p className="muted inv-meta">
            {open.itemCount} item{open.itemCount === 1 ? '' : 's'} · by {open.owner} · updated{' '}
            {open.updatedAt.slice(0, 16).replace('T', ' ')}
          </p>
          <div className="inv-foot">
            <span>Report:</span>
            <button type="button" onClick={() => void report('MARKDOWN')}>
              Markdown
            </button>
            <button type="button" onClick={() => void report('HTML')}>
              HTML
            </button>
          </div>
          <ol className="inv-items" aria-label="Items">
            {open.items.map((item) => (
              <li key={item.id} className={item.trace?.changed ? 'inv-item changed' : 'inv-item'}>
                <div className="inv-what">
                  {item.kind === 'TRACE' && item.trace && (
                    <>
                      <strong>{traceText(item.trace.parameters)}</strong>{' '}
                      <span className="muted">
                        · {item.trace.routeCount} route{item.trace.routeCount === 1 ? '' : 's'}
                      </span>
                      {item.trace.changed ? (
                        <span className="inv-changed" role="note">
                          {' '}
                          Changed since saved: {item.trace.savedRouteCount} → {item.trace.routeCount} routes (
                          {item.trace.addedRouteIds.length} new, {item.trace.removedRouteIds.length} gone)
                        </span>
                      ) : (
                        <span className="muted"> · unchanged since saved</span>
                      )}
                    </>
                  )}
                  {item.kind === 'ENTITY' && (
                    <strong>
                      {item.entity?.__typename ?? 'Entity'}: {item.entity?.name ?? item.entityId}
                    </strong>
                  )}
                  {item.kind === 'QUERY' && item.query && (
                    <>
                      <strong>Query</strong> <code className="inv-query">{item.query.text.slice(0, 120)}</code>
                    </>
                  )}
                </div>
                {item.note && <p className="inv-note">{item.note}</p>}
                <div className="inv-foot">
                  <span className="muted">
                    {item.author} · {item.addedAt.slice(0, 16).replace('T', ' ')}
                  </span>
                  {item.kind === 'TRACE' && item.trace && (
                    <button type="button" onClick={() => onShowTrace(item.trace!.parameters)}>
                      Show trace
                    </button>
                  )}
                  {item.kind === 'ENTITY' && item.entityId && (
                    <button type="button" onClick={() => onShowEntity(item.entityId!)}>
                      Show
                    </button>
                  )}
                  <button
                    type="button"
                    onClick={() => void remove(item)}
                    aria-label={`Remove item ${item.position} from the investigation`}
                  >
                    Remove
                  </button>
                </div>
              </li>
            ))}
          </ol>
        </>
      )}
      <form className="inv-save" onSubmit={(e) => void save(e)} aria-label="Save this view">
        <h3>{open ? 'Save this view here' : 'Save this view to a new investigation'}</h3>
        {!openId && (
          <div className="field">
            <label htmlFor={`${id}-title`}>Title</label>
            <input
              id={`${id}-title`}
              value={title}
              maxLength={200}
              placeholder={trace ? `Trace from ${trace.origin}` : 'Investigation'}
              onChange={(e) => setTitle(e.target.value)}
            />
          </div>
        )}
        {trace && (
          <label className="inv-check">
            <input type="checkbox" checked={withTrace} onChange={(e) => setWithTrace(e.target.checked)} /> the trace
            from {trace.origin}
          </label>
        )}
        {entity && (
          <label className="inv-check">
            <input type="checkbox" checked={withEntity} onChange={(e) => setWithEntity(e.target.checked)} />{' '}
            {entity.name}
          </label>
        )}
        {!trace && !entity && <p className="muted">Trace something or select an entity to save it.</p>}
        <div className="field">
          <label htmlFor={`${id}-note`}>Note</label>
          <textarea
            id={`${id}-note`}
            value={note}
            rows={2}
            maxLength={4000}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={busy || !canSave}>
          {busy ? 'Saving…' : 'Save'}
        </button>
        {saved && (
          <span className="muted" role="status">
            {' '}
            {saved}
          </span>
        )}
      </form>
      {error && (
        <p className="signin-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
