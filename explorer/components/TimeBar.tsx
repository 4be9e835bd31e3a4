/**
 * The time bar under the drawing: the events of one entity (the one selected, else the origin port) from
 * `timeline(id)` laid out on a line of years. Dragging across it picks a range of days, and the drawing
 * keeps only the routes under way in it (timeRange.ts); the range can also be typed in the two date
 * fields, and cleared. Older services without `timeline` give vessels' `vesselTimeline` only.
 */
import { useEffect, useMemo, useRef, useState } from 'react';

import { ApiError, gql } from '../api';
import {
  TIMELINE,
  TIMELINE_MAX_PAGES,
  VESSEL_TIMELINE,
  type TimelineEventData,
  type TimelinePage,
} from '../workspaceQueries';
import { dayNumber, dayString, overlaps, spanOf } from '../timeRange';
import type { DayRange } from '../viewState';
import { formatRange, humanize } from '../format';

interface Props {
  subjectId: string | null;
  subjectName: string;
  during: DayRange | null;
  onDuring: (range: DayRange | null) => void;
}

const KIND_COLORS: Record<string, string> = {
  LEG_DEPARTURE: '#1a5276',
  LEG_ARRIVAL: '#117a65',
  TRANSFER: '#6c3483',
  IDENTITY: '#7d6608',
  DESIGNATION: '#b03a2e',
  TACTIC: '#935116',
  RELATION: '#5d6d7e',
};
const HEIGHT = 58;
const PAD = 12;

type Load =
  | { state: 'idle' }
  | { state: 'loading'; id: string }
  | { state: 'done'; id: string; events: TimelineEventData[] }
  | { state: 'error'; id: string; text: string };

export function TimeBar({ subjectId, subjectName, during, onDuring }: Props) {
  const [load, setLoad] = useState<Load>({ state: 'idle' });
  const [width, setWidth] = useState(0);
  const [drag, setDrag] = useState<{ a: number; b: number } | null>(null);
  const box = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => setWidth(Math.max(160, el.clientWidth)));
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  useEffect(() => {
    if (!subjectId) {
      setLoad({ state: 'idle' });
      return;
    }
    const ctl = new AbortController();
    setLoad({ state: 'loading', id: subjectId });
    const fetchEvents = async (): Promise<TimelineEventData[]> => {
      try {
        const events: TimelineEventData[] = [];
        let after: string | null = null;
        for (let page = 0; page < TIMELINE_MAX_PAGES; page++) {
          const { data }: { data: TimelinePage } = await gql<TimelinePage>(
            TIMELINE,
            { id: subjectId, after },
            ctl.signal,
          );
          events.push(...data.timeline.edges.map((e) => e.node));
          if (!data.timeline.pageInfo.hasNextPage) break;
          after = data.timeline.pageInfo.endCursor;
        }
        return events;
      } catch (err) {
        if (err instanceof ApiError && err.missingField('timeline') && subjectId.startsWith('vessel:')) {
          const { data } = await gql<{ vesselTimeline: TimelineEventData[] }>(
            VESSEL_TIMELINE,
            { id: subjectId },
            ctl.signal,
          );
          return data.vesselTimeline;
        }
        throw err;
      }
    };
    fetchEvents().then(
      (events) => setLoad({ state: 'done', id: subjectId, events }),
      (err: unknown) => {
        if ((err as Error).name === 'AbortError') return;
        const text =
          err instanceof ApiError && err.missingField('timeline')
            ? 'This Collier service has no `timeline` for this kind of entity yet.'
            : `The timeline could not be read: ${(err as Error).message}`;
        setLoad({ state: 'error', id: subjectId, text });
      },
    );
    return () => ctl.abort();
  }, [subjectId]);

  const events = load.state === 'done' ? load.events : [];
  const span = useMemo(() => {
    const s = spanOf(events);
    if (!s) return null;
    const margin = Math.max(15, Math.round((s.to - s.from) * 0.03));
    return { from: s.from - margin, to: s.to + margin };
  }, [events]);
  const x = (day: number) =>
    span ? PAD + ((day - span.from) / Math.max(1, span.to - span.from)) * (width - 2 * PAD) : 0;
  const dayAt = (px: number) =>
    span ? Math.round(span.from + ((px - PAD) / Math.max(1, width - 2 * PAD)) * (span.to - span.from)) : 0;

  const years = useMemo(() => {
    if (!span) return [];
    const first = new Date(span.from * 86_400_000).getUTCFullYear() + 1;
    const last = new Date(span.to * 86_400_000).getUTCFullYear();
    const all: number[] = [];
    for (let y = first; y <= last; y++) all.push(y);
    const step = Math.ceil(all.length / Math.max(1, Math.floor(width / 60)));
    return all.filter((_, i) => i % step === 0);
  }, [span, width]);

  function pointerX(ev: React.PointerEvent<SVGSVGElement>): number {
    const r = ev.currentTarget.getBoundingClientRect();
    return Math.max(PAD, Math.min(width - PAD, ev.clientX - r.left));
  }

  const shown: DayRange | null = drag
    ? { from: dayString(dayAt(Math.min(drag.a, drag.b))), to: dayString(dayAt(Math.max(drag.a, drag.b))) }
    : during;
  const band =
    shown && span
      ? {
          x1: shown.from ? x(dayNumber(shown.from)) : PAD,
          x2: shown.to ? x(dayNumber(shown.to)) : width - PAD,
        }
      : null;

  const inRange = (e: TimelineEventData) => !during || overlaps(e.date?.from ?? null, e.date?.to ?? null, during);
  const dated = events.filter((e) => e.date?.from || e.date?.to);

  return (
    <section className="timebar" aria-labelledby="timebar-heading">
      <div className="timebar-head">
        <h2 id="timebar-heading">Time{subjectId ? <span className="muted"> — {subjectName}</span> : null}</h2>
        <div className="timebar-range" role="group" aria-label="Time range shown in the drawing">
          <label htmlFor="during-from">Under way from</label>
          <input
            id="during-from"
            type="date"
            value={during?.from ?? ''}
            max={during?.to ?? undefined}
            onChange={(e) => {
              const from = e.target.value || null;
              onDuring(from || during?.to ? { from, to: during?.to ?? null } : null);
            }}
          />
          <label htmlFor="during-to">to</label>
          <input
            id="during-to"
            type="date"
            value={during?.to ?? ''}
            min={during?.from ?? undefined}
            onChange={(e) => {
              const to = e.target.value || null;
              onDuring(to || during?.from ? { from: during?.from ?? null, to } : null);
            }}
          />
          <button type="button" onClick={() => onDuring(null)} disabled={!during}>
            All time
          </button>
        </div>
      </div>
      <div ref={box} className="timebar-track">
        {load.state === 'idle' && <p className="muted">Select a port or a vessel to see its events in time.</p>}
        {load.state === 'loading' && (
          <p className="muted" role="status">
            Reading the timeline…
          </p>
        )}
        {load.state === 'error' && <p className="muted">{load.text}</p>}
        {load.state === 'done' && !span && <p className="muted">No dated events are recorded for {subjectName}.</p>}
        {load.state === 'done' && span && width > 0 && (
          <svg
            className="timebar-svg"
            width={width}
            height={HEIGHT}
            role="img"
            aria-label={`${dated.length} dated events of ${subjectName}, ${dayString(span.from).slice(0, 4)} to ${dayString(span.to).slice(0, 4)}. Drag across to show only the routes under way then.`}
            onPointerDown={(ev) => {
              ev.currentTarget.setPointerCapture(ev.pointerId);
              const px = pointerX(ev);
              setDrag({ a: px, b: px });
            }}
            onPointerMove={(ev) => {
              if (drag) setDrag({ a: drag.a, b: pointerX(ev) });
            }}
            onPointerUp={(ev) => {
              if (!drag) return;
              const b = pointerX(ev);
              setDrag(null);
              if (Math.abs(b - drag.a) < 4) return; // a click, not a drag
              const lo = dayAt(Math.min(drag.a, b));
              const hi = dayAt(Math.max(drag.a, b));
              onDuring({ from: dayString(lo), to: dayString(hi) });
            }}
            onPointerCancel={() => setDrag(null)}
          >
            <line x1={PAD} x2={width - PAD} y1={HEIGHT - 18} y2={HEIGHT - 18} className="timebar-axis" />
            {years.map((y) => {
              const px = x(dayNumber(`${y}-01-01`));
              return (
                <g key={y}>
                  <line x1={px} x2={px} y1={HEIGHT - 22} y2={HEIGHT - 14} className="timebar-axis" />
                  <text x={px} y={HEIGHT - 3} textAnchor="middle" className="timebar-year">
                    {y}
                  </text>
                </g>
              );
            })}
            {dated.map((e, i) => {
              const a = x(dayNumber(e.date!.from ?? e.date!.to!));
              const b = x(dayNumber(e.date!.to ?? e.date!.from!));
              const row = (i % 4) * 8 + 6;
              return (
                <rect
                  key={i}
                  x={a - 1.5}
                  y={row}
                  width={Math.max(3, b - a + 3)}
                  height={6}
                  rx={2}
                  fill={KIND_COLORS[e.kind] ?? '#566573'}
                  opacity={inRange(e) ? 0.9 : 0.25}
                >
                  <title>{`${formatRange(e.date)}: ${e.summary}`}</title>
                </rect>
              );
            })}
            {band && (
              <rect
                className="timebar-band"
                x={Math.min(band.x1, band.x2)}
                y={2}
                width={Math.max(2, Math.abs(band.x2 - band.x1))}
                height={HEIGHT - 22}
              />
            )}
          </svg>
        )}
      </div>
      {load.state === 'done' && events.length > 0 && (
        <details className="timebar-list">
          <summary>
            {events.length} event{events.length === 1 ? '' : 's'}
            {during ? `, ${events.filter(inRange).length} in the range` : ''}
          </summary>
          <ol>
            {events.map((e, i) => (
              <li key={i} className={inRange(e) ? undefined : 'muted'}>
                <span className="timebar-kind">{humanize(e.kind)}</span> {formatRange(e.date)} — {e.summary}
              </li>
            ))}
          </ol>
        </details>
      )}
    </section>
  );
}
