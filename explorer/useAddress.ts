/**
 * Keeps the address bar and the view in step (viewState.ts says what the address holds). Every change
 * of the view writes the address: a new history entry, except for a change that only drops parameters
 * a moment after another (a filter that re-runs the trace, which then clears the selection), which
 * updates the entry just written, so one action is one step of Back. Back and Forward (popstate) hand the address's view
 * to `apply`, after which the view equals the address and nothing is written.
 */
import { useEffect, useRef } from 'react';

import { fromSearch, toSearch, type ViewState } from './viewState';

/** Changes closer than this to the previous write belong to the same step of history. */
const SAME_STEP_MS = 700;

export function useAddress(current: ViewState, apply: (v: ViewState) => void): void {
  const search = toSearch(current);
  const lastWrite = useRef(0);
  const first = useRef(true);

  useEffect(() => {
    const wasFirst = first.current;
    first.current = false;
    if (search === window.location.search) return;
    const url = `${window.location.pathname}${search}${window.location.hash}`;
    const now = Date.now();
    // The first write only tidies the address the page was opened with; a write that only drops
    // parameters right after another (a re-run trace clearing the selection) belongs to its step.
    if (wasFirst || (now - lastWrite.current < SAME_STEP_MS && onlyDrops(window.location.search, search)))
      window.history.replaceState(null, '', url);
    else window.history.pushState(null, '', url);
    lastWrite.current = now;
  }, [search]);

  const applyRef = useRef(apply);
  applyRef.current = apply;
  useEffect(() => {
    const onPop = () => {
      lastWrite.current = Date.now(); // what follows from it tidies this entry, never adds one
      applyRef.current(fromSearch(window.location.search));
    };
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, []);
}

/** True when `next` keeps some of `prev`'s parameters as they were and adds or changes none. */
function onlyDrops(prev: string, next: string): boolean {
  const before = new URLSearchParams(prev);
  for (const [k, v] of new URLSearchParams(next)) if (before.get(k) !== v) return false;
  return true;
}
