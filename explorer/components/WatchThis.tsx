/**
 * "Watch this": puts the entity on screen (a vessel, company, person or port) on a watchlist — one of
 * the analyst's, through `updateWatchlist`, or a new one through `createWatchlist` — so that the next
 * write touching it rings the bell. Needs an editor's credential; the service's refusal (FORBIDDEN for
 * a reader or another editor's watchlist) is shown as it comes.
 */
import { useId, useState } from 'react';

import { ApiError, gql } from '../api';
import { CREATE_WATCHLIST, UPDATE_WATCHLIST, type WatchlistData } from '../workspaceQueries';
import { useWatchlists, watchlistsChanged } from './useWatchlists';

const WATCHABLE = new Set(['vessel', 'company', 'person', 'port']);

export function watchableId(id: string | null): boolean {
  return id != null && WATCHABLE.has(id.slice(0, id.indexOf(':')));
}

interface Props {
  credential: string;
  entityId: string;
  entityName: string;
}

export function WatchThis({ credential, entityId, entityName }: Props) {
  const { watchlists } = useWatchlists(credential);
  const [open, setOpen] = useState(false);
  const [target, setTarget] = useState('new');
  const [name, setName] = useState('');
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const id = useId();
  const isPort = entityId.startsWith('port:');
  const watching = watchlists.filter((w) => (isPort ? w.ports : w.entityIds).includes(entityId));

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    setBusy(true);
    setMessage(null);
    try {
      let saved: WatchlistData;
      if (target === 'new') {
        const input = {
          name: name.trim() || `Watch ${entityName}`,
          ...(isPort ? { ports: [entityId] } : { entityIds: [entityId] }),
        };
        saved = (await gql<{ createWatchlist: WatchlistData }>(CREATE_WATCHLIST, { input })).data.createWatchlist;
      } else {
        const w = watchlists.find((x) => x.id === target);
        if (!w) throw new Error('that watchlist is gone');
        const input = isPort ? { ports: [...w.ports, entityId] } : { entityIds: [...w.entityIds, entityId] };
        saved = (await gql<{ updateWatchlist: WatchlistData }>(UPDATE_WATCHLIST, { id: w.id, input })).data
          .updateWatchlist;
      }
      setMessage({ ok: true, text: `${entityName} is watched in “${saved.name}”.` });
      setOpen(false);
      watchlistsChanged();
    } catch (err) {
      const code = err instanceof ApiError ? ` (${err.code})` : '';
      setMessage({ ok: false, text: `Could not watch ${entityName}: ${(err as Error).message}${code}` });
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="watch">
      {watching.length > 0 && <p className="muted">Watched in {watching.map((w) => `“${w.name}”`).join(', ')}.</p>}
      {!open ? (
        <button type="button" onClick={() => setOpen(true)} aria-expanded={false} aria-controls={`${id}-form`}>
          Watch this
        </button>
      ) : (
        <form
          id={`${id}-form`}
          className="watch-form"
          onSubmit={(e) => void submit(e)}
          aria-label={`Watch ${entityName}`}
        >
          <label htmlFor={`${id}-list`}>Watchlist</label>
          <select id={`${id}-list`} value={target} onChange={(e) => setTarget(e.target.value)}>
            <option value="new">a new watchlist</option>
            {watchlists
              .filter((w) => !watching.includes(w))
              .map((w) => (
                <option key={w.id} value={w.id}>
                  {w.name}
                </option>
              ))}
          </select>
          {target === 'new' && (
            <>
              <label htmlFor={`${id}-name`}>Name</label>
              <input
                id={`${id}-name`}
                value={name}
                placeholder={`Watch ${entityName}`}
                maxLength={200}
                onChange={(e) => setName(e.target.value)}
              />
            </>
          )}
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Saving…' : 'Watch'}
          </button>
          <button type="button" onClick={() => setOpen(false)}>
            Cancel
          </button>
        </form>
      )}
      {message && (
        <p className={message.ok ? 'muted' : 'signin-error'} role={message.ok ? 'status' : 'alert'}>
          {message.text}
        </p>
      )}
    </div>
  );
}
