/**
 * The alert bell (docs/watchlists.md): with a credential, the analyst picks watchlists and the bell
 * counts their unread alerts. New alerts arrive live over the service's graphql-ws subscription
 * (`subscription { alerts(watchlistId) }`, same origin and path as the API); when a subscription cannot
 * be held (refused, too many per key, a proxy without WebSocket), the bell asks every 15 s instead.
 * Each alert can be shown (its entity selected in the page) and marked read; the marks are the
 * caller's own (`markAlertsRead`).
 */
import { createClient, type Client } from 'graphql-ws';
import { useCallback, useEffect, useId, useMemo, useRef, useState } from 'react';

import { gql, socketEndpoint } from '../api';
import { getCredential } from '../credential';
import {
  ALERTS_SUBSCRIPTION,
  MARK_ALERTS_READ,
  UNREAD_ALERTS,
  type AlertData,
  type WatchlistData,
} from '../workspaceQueries';
import { useWatchlists } from './useWatchlists';

const PICKS_KEY = 'collier.explorer.bell';
const POLL_MS = 15_000;

interface Unread {
  count: number;
  alerts: AlertData[];
}

function loadPicks(): string[] {
  try {
    const v: unknown = JSON.parse(localStorage.getItem(PICKS_KEY) ?? '[]');
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
}

function savePicks(ids: string[]): void {
  try {
    localStorage.setItem(PICKS_KEY, JSON.stringify(ids));
  } catch {
    // storage disabled: the picks last as long as the page
  }
}

interface Props {
  credential: string;
  /** Shows an alert's entity in the page (selects it). */
  onShow: (entityId: string) => void;
}

export function AlertsBell({ credential, onShow }: Props) {
  const { watchlists, error } = useWatchlists(credential);
  const [picks, setPicks] = useState<string[]>(loadPicks);
  const [unread, setUnread] = useState<Record<string, Unread>>({});
  const [open, setOpen] = useState(false);
  const [mode, setMode] = useState<'live' | 'polling'>('live');
  const [problem, setProblem] = useState<string | null>(null);
  const id = useId();
  const panel = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  const known = useMemo(() => new Map(watchlists.map((w) => [w.id, w])), [watchlists]);
  // Only picks of watchlists the service lists (a deleted one, or one of another service, is ignored).
  const active = useMemo(() => picks.filter((p) => known.has(p)), [picks, known]);
  const activeKey = active.join(' ');

  const refresh = useCallback(async (watchlistId: string) => {
    try {
      const { data } = await gql<{
        watchlist: WatchlistData | null;
        alerts: { totalCount: number; edges: { node: AlertData }[] };
      }>(UNREAD_ALERTS, { watchlistId });
      setUnread((u) => ({
        ...u,
        [watchlistId]: {
          count: data.watchlist?.unreadCount ?? data.alerts.totalCount,
          alerts: data.alerts.edges.map((e) => e.node),
        },
      }));
      setProblem(null);
    } catch (err) {
      setProblem(`Alerts could not be read: ${(err as Error).message}`);
    }
  }, []);

  // Counts now, then live (or by polling) for the watchlists picked.
  useEffect(() => {
    const ids = activeKey ? activeKey.split(' ') : [];
    for (const w of ids) void refresh(w);
    if (ids.length === 0) return;
    if (mode === 'polling') {
      const t = setInterval(() => ids.forEach((w) => void refresh(w)), POLL_MS);
      return () => clearInterval(t);
    }
    const client: Client = createClient({
      url: socketEndpoint(),
      connectionParams: () => ({ authorization: `Bearer ${getCredential() ?? credential}` }),
      lazy: true,
      retryAttempts: 3,
    });
    const stops = ids.map((watchlistId) =>
      client.subscribe<{ alerts: AlertData }>(
        { query: ALERTS_SUBSCRIPTION, variables: { watchlistId } },
        {
          next: () => void refresh(watchlistId),
          error: () => setMode('polling'),
          complete: () => undefined,
        },
      ),
    );
    return () => {
      stops.forEach((stop) => stop());
      void client.dispose();
    };
  }, [activeKey, mode, credential, refresh]);

  // Escape closes the panel and gives the focus back to the bell.
  useEffect(() => {
    if (!open) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') {
        setOpen(false);
        button.current?.focus();
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [open]);

  function toggle(watchlistId: string, on: boolean) {
    const next = on ? [...new Set([...picks, watchlistId])] : picks.filter((p) => p !== watchlistId);
    setPicks(next);
    savePicks(next);
  }

  async function markRead(watchlistId: string, alertIds?: string[]) {
    try {
      await gql(MARK_ALERTS_READ, { watchlistId, alertIds: alertIds ?? null });
      await refresh(watchlistId);
    } catch (err) {
      setProblem(`Could not mark alerts read: ${(err as Error).message}`);
    }
  }

  const total = active.reduce((n, w) => n + (unread[w]?.count ?? 0), 0);
  const label = total ? `Alerts: ${total} unread` : 'Alerts: none unread';

  return (
    <div className="bell">
      <button
        ref={button}
        type="button"
        className={total ? 'bell-button has-unread' : 'bell-button'}
        aria-label={label}
        aria-expanded={open}
        aria-controls={`${id}-panel`}
        title={label}
        onClick={() => setOpen((o) => !o)}
      >
        <span aria-hidden="true">🔔</span>
        {total > 0 && (
          <span className="bell-count" aria-hidden="true">
            {total > 99 ? '99+' : total}
          </span>
        )}
      </button>
      <span className="visually-hidden" role="status" aria-live="polite">
        {total ? label : ''}
      </span>
      {open && (
        <div ref={panel} id={`${id}-panel`} className="bell-panel" role="region" aria-label="Alerts">
          <fieldset>
            <legend>Watchlists to follow</legend>
            {watchlists.length === 0 && (
              <p className="muted">{error ? `Watchlists could not be read: ${error}` : 'No watchlists yet.'}</p>
            )}
            {watchlists.map((w) => (
              <label key={w.id} className="bell-pick">
                <input
                  type="checkbox"
                  checked={picks.includes(w.id)}
                  onChange={(e) => toggle(w.id, e.target.checked)}
                />{' '}
                {w.name} <span className="muted">({w.owner})</span>
              </label>
            ))}
          </fieldset>
          <p className="muted bell-mode">
            {mode === 'live'
              ? 'New alerts arrive live (graphql-ws subscription).'
              : `Live delivery is not available: checking every ${POLL_MS / 1000} s.`}
          </p>
          {problem && <p className="signin-error">{problem}</p>}
          {active.map((w) => {
            const u = unread[w];
            const name = known.get(w)?.name ?? w;
            return (
              <section key={w} className="bell-list" aria-label={`Unread alerts of ${name}`}>
                <h2>
                  {name} <span className="muted">· {u?.count ?? 0} unread</span>
                </h2>
                {u && u.alerts.length > 0 && (
                  <>
                    <ul>
                      {[...u.alerts].reverse().map((a) => (
                        <li key={a.id}>
                          <span className="bell-summary">{a.summary}</span>
                          <span className="muted"> · {a.at.slice(0, 16).replace('T', ' ')}</span>
                          <span className="bell-actions">
                            <button type="button" onClick={() => onShow(a.entityId)}>
                              Show
                            </button>
                            <button type="button" onClick={() => void markRead(w, [a.id])}>
                              Mark read
                            </button>
                          </span>
                        </li>
                      ))}
                    </ul>
                    <button type="button" onClick={() => void markRead(w)}>
                      Mark all read
                    </button>
                  </>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
