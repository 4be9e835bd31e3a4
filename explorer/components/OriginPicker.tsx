/**
 * Search-as-you-type for the origin port (ARIA combobox with a listbox): names and aliases both match
 * ("Nampo" finds Nampho). ↓/↑ move through the list, Enter picks, Escape closes. Free text is allowed
 * too: the trace itself accepts a port id, UN/LOCODE, name or alias.
 */
import { useEffect, useId, useRef, useState } from 'react';

import { ApiError, gql } from '../api';
import { SEARCH_PORTS } from '../queries';

export interface PortChoice {
  id: string;
  name: string;
  country: string | null;
  matchedName: string | null;
}

interface SearchResult {
  search: {
    edges: {
      matchedName: string | null;
      node: { __typename: string; id: string; name?: string; country?: { code: string; name: string } | null };
    }[];
  };
}

interface Props {
  text: string;
  onText: (text: string) => void;
  onPick: (choice: PortChoice) => void;
}

export function OriginPicker({ text, onText, onPick }: Props) {
  const [options, setOptions] = useState<PortChoice[]>([]);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [state, setState] = useState<'idle' | 'loading' | 'error'>('idle');
  const [message, setMessage] = useState('');
  const listId = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const picked = useRef<string | null>(null);

  useEffect(() => {
    const q = text.trim();
    if (q.length < 2 || picked.current === text) {
      setOptions([]);
      setState('idle');
      return;
    }
    const ctl = new AbortController();
    const search = async () => {
      setState('loading');
      try {
        const { data } = await gql<SearchResult>(SEARCH_PORTS, { text: q }, ctl.signal);
        const ports = data.search.edges
          .filter((e) => e.node.__typename === 'Port')
          .map((e) => ({
            id: e.node.id,
            name: e.node.name ?? e.node.id,
            country: e.node.country?.name ?? null,
            matchedName: e.matchedName,
          }));
        setOptions(ports);
        setActive(ports.length ? 0 : -1);
        // Only while the analyst is typing here: text set by an address (or Back) opens no list.
        setOpen(document.activeElement === inputRef.current);
        setState('idle');
        setMessage(
          ports.length ? `${ports.length} port${ports.length === 1 ? '' : 's'} found` : `No port matches “${q}”`,
        );
      } catch (err) {
        if ((err as Error).name === 'AbortError') return;
        setState('error');
        setOptions([]);
        setOpen(true);
        setMessage(
          err instanceof ApiError ? `Search failed: ${err.message} (${err.code})` : `Search failed: ${String(err)}`,
        );
      }
    };
    // search reports its own failures (the catch above)
    const timer = setTimeout(() => void search(), 200);
    return () => {
      clearTimeout(timer);
      ctl.abort();
    };
  }, [text]);

  function pick(choice: PortChoice) {
    picked.current = choice.name;
    onText(choice.name);
    setOpen(false);
    setOptions([]);
    setActive(-1);
    onPick(choice);
  }

  function onKeyDown(e: React.KeyboardEvent<HTMLInputElement>) {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      if (!open && options.length) setOpen(true);
      setActive((i) => (options.length ? (i + 1) % options.length : -1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((i) => (options.length ? (i - 1 + options.length) % options.length : -1));
    } else if (e.key === 'Enter') {
      if (open && active >= 0 && options[active]) {
        e.preventDefault(); // pick the option; don't submit the form yet
        pick(options[active]);
      }
    } else if (e.key === 'Escape') {
      if (open) {
        e.preventDefault();
        setOpen(false);
      }
    }
  }

  const expanded = open && (options.length > 0 || state === 'error' || message !== '');
  const activeId = expanded && active >= 0 ? `${listId}-opt-${active}` : undefined;

  return (
    <div className="combo">
      <label htmlFor={`${listId}-input`}>Origin port</label>
      <input
        ref={inputRef}
        id={`${listId}-input`}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder="Nampho, Chongjin, Wonsan…"
        aria-autocomplete="list"
        aria-expanded={expanded}
        aria-controls={`${listId}-list`}
        aria-activedescendant={activeId}
        aria-busy={state === 'loading'}
        value={text}
        onChange={(e) => {
          picked.current = null;
          onText(e.target.value);
        }}
        onKeyDown={onKeyDown}
        onFocus={() => options.length && setOpen(true)}
        onBlur={() => setTimeout(() => setOpen(false), 150)}
      />
      <ul id={`${listId}-list`} role="listbox" aria-label="Ports" className="combo-list" hidden={!expanded}>
        {options.map((o, i) => (
          <li
            key={o.id}
            id={`${listId}-opt-${i}`}
            role="option"
            aria-selected={i === active}
            className={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(o)}
            onMouseEnter={() => setActive(i)}
          >
            <span className="opt-name">{o.name}</span>
            {o.country && <span className="opt-country">{o.country}</span>}
            {o.matchedName && o.matchedName !== o.name && <span className="opt-alias">matched “{o.matchedName}”</span>}
          </li>
        ))}
        {options.length === 0 && message && (
          <li className="combo-empty" role="presentation">
            {message}
          </li>
        )}
      </ul>
      <span className="visually-hidden" aria-live="polite">
        {state === 'loading' ? 'Searching…' : message}
      </span>
    </div>
  );
}
