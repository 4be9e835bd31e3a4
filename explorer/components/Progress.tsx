/**
 * What the drawing shows while a trace runs: an indeterminate progress bar with the seconds elapsed,
 * over the previous picture if there is one. The first trace on a service that just started reads a
 * cold database and can take several seconds; after a few seconds the page says so.
 */
import { useEffect, useState } from 'react';

export function Progress({ origin }: { origin: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const started = Date.now();
    const t = setInterval(() => setSeconds(Math.floor((Date.now() - started) / 1000)), 500);
    return () => clearInterval(t);
  }, []);
  const text = `Tracing from ${origin || '…'}${seconds >= 1 ? ` — ${seconds} s` : ''}`;
  return (
    <div className="progress">
      <div
        className="progress-bar"
        role="progressbar"
        aria-label={`Tracing from ${origin}`}
        aria-valuetext={seconds >= 1 ? `${seconds} seconds` : 'started'}
      >
        <span className="progress-fill" />
      </div>
      <p>{text}</p>
      {seconds >= 3 && (
        <p className="muted">
          Still working: the first trace after the service starts reads everything from disk, later ones are faster.
        </p>
      )}
    </div>
  );
}
