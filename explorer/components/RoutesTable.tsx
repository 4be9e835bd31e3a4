/**
 * The routes as a table, most confident first, each with its steps: every vessel, port and transfer is
 * a button that selects it in the drawing and shows its details. Choosing a route highlights it.
 */
import { Fragment } from 'react';

import type { RouteData, RouteStep } from '../types';
import { formatConfidence, formatRange, formatTonnes, humanize } from '../format';
import { confidenceColor } from '../model';
import type { Selection } from './GraphView';

interface Props {
  routes: RouteData[];
  highlightRoute: string | null;
  onHighlight: (routeId: string | null) => void;
  onSelect: (sel: Selection) => void;
}

function Pick({
  id,
  children,
  onSelect,
  title,
}: {
  id: string;
  children: React.ReactNode;
  onSelect: (sel: Selection) => void;
  title?: string;
}) {
  return (
    <button type="button" className="linklike" title={title} onClick={() => onSelect({ id, group: 'node' })}>
      {children}
    </button>
  );
}

function linkText(step: RouteStep): string {
  const l = step.link;
  if (!l) return '';
  const wait =
    l.waitMinDays != null && l.waitMaxDays != null
      ? l.waitMinDays === l.waitMaxDays
        ? `${l.waitMinDays} d`
        : `${l.waitMinDays}–${l.waitMaxDays} d`
      : l.waitMaxDays != null
        ? `≤ ${l.waitMaxDays} d`
        : l.waitMinDays != null
          ? `≥ ${l.waitMinDays} d`
          : '';
  return [
    humanize(l.kind),
    l.certainty === 'POSSIBLE' ? 'possible' : 'certain',
    wait ? `wait ${wait}` : '',
    l.placeUncertain ? 'place uncertain' : '',
  ]
    .filter(Boolean)
    .join(', ');
}

function Steps({ route, onSelect }: { route: RouteData; onSelect: (sel: Selection) => void }) {
  return (
    <table className="steps">
      <caption className="visually-hidden">Steps of the route to {route.finalPort.name}</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Vessel / transfer</th>
          <th scope="col">From → to</th>
          <th scope="col">When</th>
          <th scope="col">Tonnage</th>
          <th scope="col">Link</th>
        </tr>
      </thead>
      <tbody>
        {route.steps.map((s) => {
          if (s.kind === 'TRANSFER' && s.transfer) {
            const t = s.transfer;
            const q = t.tonnage[0];
            return (
              <tr key={`${route.id}-${s.index}`} className="step-transfer">
                <td>{s.index + 1}</td>
                <td>
                  <Pick id={t.id} onSelect={onSelect}>
                    {humanize(t.kind)}
                  </Pick>{' '}
                  <span className="muted">
                    {t.fromVessel?.name ?? t.fromVesselDescription ?? '?'} →{' '}
                    {t.toVessel?.name ?? t.toVesselDescription ?? '?'}
                  </span>
                </td>
                <td>
                  {t.port ? (
                    <Pick id={t.port.id} onSelect={onSelect}>
                      {t.port.name}
                    </Pick>
                  ) : (
                    '—'
                  )}
                </td>
                <td>{formatRange(t.when)}</td>
                <td>{q ? formatTonnes(q.min, q.max) : '—'}</td>
                <td />
              </tr>
            );
          }
          const l = s.leg;
          if (!l) return null;
          return (
            <tr key={`${route.id}-${s.index}`}>
              <td>{s.index + 1}</td>
              <td>
                <Pick id={l.id} onSelect={onSelect} title={l.vesselDescription ?? undefined}>
                  {l.vessel?.name ?? 'unnamed vessel'}
                </Pick>
              </td>
              <td>
                {l.from.map((p, i) => (
                  <Fragment key={p.id}>
                    {i > 0 && ' or '}
                    <Pick id={p.id} onSelect={onSelect}>
                      {p.name}
                    </Pick>
                  </Fragment>
                ))}{' '}
                →{' '}
                {l.to.map((p, i) => (
                  <Fragment key={p.id}>
                    {i > 0 && ' or '}
                    <Pick id={p.id} onSelect={onSelect}>
                      {p.name}
                    </Pick>
                  </Fragment>
                ))}
              </td>
              <td>
                {formatRange(l.departure)}
                {l.arrival && <> → {formatRange(l.arrival)}</>}
              </td>
              <td>{formatTonnes(l.tonnageMin, l.tonnageMax)}</td>
              <td className={s.link?.kind === 'INFERRED' ? 'inferred' : undefined}>{linkText(s)}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

export function RoutesTable({ routes, highlightRoute, onHighlight, onSelect }: Props) {
  return (
    <table className="routes">
      <caption>
        Routes{' '}
        <span className="muted">
          ({routes.length}, most confident first; choose one to highlight it and see its steps)
        </span>
      </caption>
      <thead>
        <tr>
          <th scope="col">To</th>
          <th scope="col">Confidence</th>
          <th scope="col">Legs</th>
          <th scope="col">Tonnage</th>
          <th scope="col">Left origin</th>
        </tr>
      </thead>
      <tbody>
        {routes.map((r) => {
          const open = highlightRoute === r.id;
          return (
            <Fragment key={r.id}>
              <tr className={open ? 'route open' : 'route'}>
                <th scope="row">
                  <button
                    type="button"
                    className="route-toggle"
                    aria-expanded={open}
                    aria-controls={`steps-${r.id}`}
                    onClick={() => onHighlight(open ? null : r.id)}
                  >
                    <span aria-hidden="true">{open ? '▾' : '▸'}</span> {r.finalPort.name}
                    <span className="muted"> · {r.finalCountry.name}</span>
                  </button>
                </th>
                <td>
                  <span
                    className="conf-dot"
                    style={{ backgroundColor: confidenceColor(r.confidence) }}
                    aria-hidden="true"
                  />
                  {formatConfidence(r.confidence)}
                  {r.inferredLinks > 0 && <span className="muted"> · {r.inferredLinks} inferred</span>}
                </td>
                <td>
                  {r.hops}
                  {r.truncated && (
                    <span title="The cargo may have gone further than the hop limit allowed to follow"> +</span>
                  )}
                </td>
                <td>{formatTonnes(r.tonnage.min, r.tonnage.max)}</td>
                <td>{formatRange(r.departure)}</td>
              </tr>
              {open && (
                <tr id={`steps-${r.id}`} className="route-steps">
                  <td colSpan={5}>
                    <Steps route={r} onSelect={onSelect} />
                    {r.tactics.length > 0 && (
                      <p className="tactics">Tactics: {r.tactics.map((t) => t.name).join(', ')}</p>
                    )}
                  </td>
                </tr>
              )}
            </Fragment>
          );
        })}
      </tbody>
    </table>
  );
}
