/**
 * The watchlists the signed-in analyst can read, reloaded when the credential changes or when a
 * component of the page changed one (`watchlistsChanged()`).
 */
import { useCallback, useEffect, useState } from 'react';

import { gql } from '../api';
import { WATCHLISTS, type WatchlistData } from '../workspaceQueries';

const EVENT = 'collier:watchlists-changed';

export function watchlistsChanged(): void {
  window.dispatchEvent(new Event(EVENT));
}

interface Page {
  watchlists: {
    edges: { node: WatchlistData }[];
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
  };
}

export function useWatchlists(credential: string | null): {
  watchlists: WatchlistData[];
  error: string | null;
  reload: () => void;
} {
  const [watchlists, setWatchlists] = useState<WatchlistData[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [tick, setTick] = useState(0);
  const reload = useCallback(() => setTick((t) => t + 1), []);

  useEffect(() => {
    window.addEventListener(EVENT, reload);
    return () => window.removeEventListener(EVENT, reload);
  }, [reload]);

  useEffect(() => {
    if (!credential) {
      setWatchlists([]);
      setError(null);
      return;
    }
    let live = true;
    void (async () => {
      try {
        const all: WatchlistData[] = [];
        let after: string | null = null;
        // At most a few pages: a bell over more than 500 watchlists would not be readable anyway.
        for (let i = 0; i < 5; i++) {
          const { data }: { data: Page } = await gql<Page>(WATCHLISTS, { after });
          all.push(...data.watchlists.edges.map((e) => e.node));
          if (!data.watchlists.pageInfo.hasNextPage) break;
          after = data.watchlists.pageInfo.endCursor;
        }
        if (live) {
          setWatchlists(all);
          setError(null);
        }
      } catch (err) {
        if (live) setError((err as Error).message);
      }
    })();
    return () => {
      live = false;
    };
  }, [credential, tick]);

  return { watchlists, error, reload };
}
