/**
 * A small sign-in control: the analyst pastes an API key or a token, which is checked once with a
 * reader-level query and then kept for this tab (credential.ts) and sent with every request. Reading
 * routes needs none; saving investigations, watching entities and the alert bell do.
 */
import { useId, useState, useSyncExternalStore } from 'react';

import { ApiError, gql } from '../api';
import { getCredential, onCredentialChange, setCredential } from '../credential';
import { CHECK_CREDENTIAL } from '../workspaceQueries';

export function useCredential(): string | null {
  return useSyncExternalStore(onCredentialChange, getCredential, () => null);
}

export function SignIn() {
  const credential = useCredential();
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const id = useId();

  async function submit(e: React.FormEvent) {
    e.preventDefault();
    const value = text.trim();
    if (!value) return;
    setBusy(true);
    setError(null);
    setCredential(value);
    try {
      await gql(CHECK_CREDENTIAL);
      setOpen(false);
      setText('');
    } catch (err) {
      setCredential(null);
      setError(
        err instanceof ApiError && (err.code === 'UNAUTHENTICATED' || err.code === 'FORBIDDEN')
          ? `The service did not accept this key or token (${err.code}).`
          : `Could not check the key: ${(err as Error).message}`,
      );
    } finally {
      setBusy(false);
    }
  }

  if (credential) {
    return (
      <div className="signin">
        <span className="signin-state">Signed in with a key</span>
        <button type="button" onClick={() => setCredential(null)}>
          Sign out
        </button>
      </div>
    );
  }
  if (!open) {
    return (
      <div className="signin">
        <button type="button" onClick={() => setOpen(true)} aria-expanded={false} aria-controls={`${id}-form`}>
          Sign in
        </button>
      </div>
    );
  }
  return (
    <form id={`${id}-form`} className="signin open" onSubmit={(e) => void submit(e)} aria-label="Sign in">
      <label htmlFor={`${id}-key`}>API key or token</label>
      <input
        id={`${id}-key`}
        type="password"
        autoComplete="off"
        spellCheck={false}
        value={text}
        onChange={(e) => setText(e.target.value)}
        aria-describedby={`${id}-help`}
        aria-invalid={error ? true : undefined}
        autoFocus
      />
      <button type="submit" className="primary" disabled={busy || !text.trim()}>
        {busy ? 'Checking…' : 'Sign in'}
      </button>
      <button
        type="button"
        onClick={() => {
          setOpen(false);
          setError(null);
        }}
      >
        Cancel
      </button>
      <p id={`${id}-help`} className="muted signin-help">
        Kept in this tab only and sent as <code>Authorization: Bearer …</code>. Reading needs none.
      </p>
      {error && (
        <p className="signin-error" role="alert">
          {error}
        </p>
      )}
    </form>
  );
}
