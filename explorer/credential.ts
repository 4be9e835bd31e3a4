/**
 * The analyst's credential (an API key or a token), kept for this tab only in sessionStorage: it goes
 * with every request as `Authorization: Bearer …` once entered, and is forgotten when the tab closes or
 * the analyst signs out. Reads work without it; editor actions, watchlists and alerts need it.
 */

const KEY = 'collier.explorer.credential';
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null; // storage disabled: the credential lives for this page only
  }
}

let memory: string | null = null;

export function getCredential(): string | null {
  return storage()?.getItem(KEY) ?? memory;
}

export function setCredential(value: string | null): void {
  const v = value?.trim() || null;
  memory = v;
  const s = storage();
  if (s) {
    if (v) s.setItem(KEY, v);
    else s.removeItem(KEY);
  }
  for (const l of listeners) l();
}

/** Called whenever the credential changes (for useSyncExternalStore). */
export function onCredentialChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export function authorizationHeader(): Record<string, string> {
  const c = getCredential();
  return c ? { authorization: `Bearer ${c}` } : {};
}
