/**
 * Details of what is selected: fetched from `node(id)` (one request for a vessel and its leg together),
 * shown as facts and the sources behind them, each source a link the analyst may choose to open.
 */
import { useEffect, useState } from 'react';

import { ApiError, gql } from '../api';
import { detailsQuery } from '../queries';
import type { Drawing } from '../model';
import type { Entity } from '../types';
import { formatConfidence, formatRange, humanize, safeHttpUrl } from '../format';
import type { Selection } from './GraphView';

interface Props {
  selection: Selection;
  drawing: Drawing;
  onSelect: (sel: Selection) => void;
  onExpand: (id: string) => void;
  expandBusy: boolean;
}

interface Plan {
  title: string;
  ids: string[];
  /** Facts about a neighbourhood edge, which has no node of its own to fetch. */
  edge?: { type: string; from: string; to: string; confidence: number | null; urls: string[] };
  expandId: string | null;
}

function plan(sel: Selection, drawing: Drawing): Plan | null {
  if (sel.group === 'node') {
    const n = drawing.nodes.find((x) => x.id === sel.id);
    if (!n) return { title: sel.id, ids: [sel.id], expandId: sel.id };
    if (n.kind === 'voyage')
      return { title: n.label, ids: n.vesselId ? [n.vesselId, n.id] : [n.id], expandId: n.vesselId ?? n.id };
    return { title: n.label, ids: [n.id], expandId: n.id };
  }
  const e = drawing.edges.find((x) => x.id === sel.id);
  if (!e) return null;
  const name = (id: string) => drawing.nodes.find((x) => x.id === id)?.label ?? id;
  if (e.kind === 'link') {
    return {
      title: `${e.type}: ${name(e.source)} → ${name(e.target)}`,
      ids: [],
      edge: { type: e.type, from: name(e.source), to: name(e.target), confidence: e.confidence, urls: e.sourceUrls },
      expandId: null,
    };
  }
  if (e.kind === 'load' || e.kind === 'land') {
    const voyage = drawing.nodes.find((x) => x.id === e.factId);
    return {
      title: `${voyage?.label ?? 'Leg'}: ${name(e.source)} → ${name(e.target)}`,
      ids: voyage?.vesselId ? [voyage.vesselId, e.factId!] : [e.factId!],
      expandId: voyage?.vesselId ?? null,
    };
  }
  return { title: name(e.factId ?? e.source), ids: [e.factId ?? e.source], expandId: e.factId };
}

function Sources({
  sources,
}: {
  sources: { id?: string; url: string; publisher?: string; title?: string | null; date?: string | null }[] | undefined;
}) {
  if (!sources?.length) return <p className="muted">No sources are recorded for this fact.</p>;
  return (
    <ul className="sources">
      {sources.map((s) => {
        const href = safeHttpUrl(s.url);
        const label = s.title || s.publisher || s.url;
        return (
          <li key={s.id ?? s.url}>
            {href ? (
              <a href={href} target="_blank" rel="noopener noreferrer external">
                {label}
              </a>
            ) : (
              <span>{label}</span>
            )}
            {(s.publisher || s.date) && (
              <span className="muted"> — {[s.title ? s.publisher : null, s.date].filter(Boolean).join(', ')}</span>
            )}
            <div className="source-url">{s.url}</div>
          </li>
        );
      })}
    </ul>
  );
}

function Facts({ rows }: { rows: [string, React.ReactNode][] }) {
  const shown = rows.filter(([, v]) => v != null && v !== '' && !(Array.isArray(v) && v.length === 0));
  if (!shown.length) return null;
  return (
    <dl className="facts">
      {shown.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

const list = (xs: (string | null | undefined)[] | undefined) => (xs ?? []).filter(Boolean).join(', ');

function EntityDetails({ e, onSelect }: { e: Entity; onSelect: (sel: Selection) => void }) {
  const ev = 'confidence' in e ? e : null;
  const evidence: [string, React.ReactNode][] = [
    [
      'Confidence',
      ev?.confidence != null ? `${formatConfidence(ev.confidence)} (${humanize(ev.confidenceTier)})` : null,
    ],
    ['Evidence note', ev?.evidenceNote],
  ];
  let rows: [string, React.ReactNode][] = [];
  let extra: React.ReactNode = null;
  switch (e.__typename) {
    case 'Vessel':
      rows = [
        ['IMO', e.imo],
        ['MMSI', e.mmsi],
        ['Call sign', e.callSign],
        ['Flag', e.flag?.name ?? e.flagText],
        ['Type', e.vesselType],
        ['Built', e.buildYear],
        ['Deadweight', list(e.deadweight?.map((q) => q.text))],
        ['Status', humanize(e.status)],
        ['Other names', list(e.otherNames)],
        ['Notes', e.description],
      ];
      extra = (
        <>
          {e.designations?.length > 0 && (
            <>
              <h4>Designations</h4>
              <ul className="plain">
                {e.designations.map((d, i) => (
                  <li key={i}>
                    <strong>{humanize(d.authority).toUpperCase()}</strong> {d.measure} ({formatRange(d.date)},{' '}
                    {humanize(d.status)}){d.reference && <span className="muted"> · {d.reference}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
          {e.identityHistory?.length > 0 && (
            <>
              <h4>Identity history</h4>
              <ul className="plain">
                {e.identityHistory.map((c, i) => (
                  <li key={i} className={c.status === 'FALSE' ? 'false-identity' : undefined}>
                    {[c.name, c.imo && `IMO ${c.imo}`, c.flagText].filter(Boolean).join(', ')}{' '}
                    <span className="muted">
                      ({humanize(c.kind)}, {humanize(c.status)}
                      {c.period ? `, ${formatRange(c.period)}` : ''})
                    </span>
                  </li>
                ))}
              </ul>
            </>
          )}
          {e.parties?.length > 0 && (
            <>
              <h4>Owners, managers and others</h4>
              <ul className="plain">
                {e.parties.map((p, i) => (
                  <li key={i}>
                    {humanize(p.type)}: {p.party?.name}
                    {p.role && <span className="muted"> ({p.role})</span>}
                    {p.period && <span className="muted"> · {formatRange(p.period)}</span>}
                  </li>
                ))}
              </ul>
            </>
          )}
        </>
      );
      break;
    case 'Port':
      rows = [
        ['Country', e.country?.name],
        ['Kind', humanize(e.kind)],
        ['UN/LOCODE', e.locode],
        ['Also called', list(e.aliases)],
        [
          'Position',
          e.location ? `${e.location.lat.toFixed(2)}, ${e.location.lon.toFixed(2)}` : 'not given by the sources',
        ],
        ['Role', e.role],
      ];
      break;
    case 'Leg':
      rows = [
        ['Vessel', e.vessel?.name ?? e.vesselDescription],
        ['From', e.fromText],
        ['To', e.toText],
        ['Departure', formatRange(e.departure)],
        ['Arrival', formatRange(e.arrival)],
        ['Cargo', e.cargoText],
        ['Tonnage', list(e.tonnage?.map((q) => q.text))],
        ['Cargo origin', humanize(e.cargoOrigin)],
        ['Declared origin', e.declaredOrigin],
        ['Legality', humanize(e.legality)],
        ['Landed', e.discharged == null ? null : e.discharged ? 'yes' : 'no (refused or kept aboard)'],
        ['Tactics', e.tactics?.length ? list(e.tactics.map((t) => t.tactic?.name)) : e.tacticsText],
      ];
      break;
    case 'Transfer':
      rows = [
        ['Kind', humanize(e.kind)],
        ['From vessel', e.fromVessel?.name ?? e.fromVesselDescription],
        ['To vessel', e.toVessel?.name ?? e.toVesselDescription],
        ['Where', e.port?.name],
        ['When', formatRange(e.when)],
        ['Tonnage', list(e.tonnage?.map((q) => q.text))],
        ['Tactics', list(e.tactics?.map((t) => t.tactic?.name))],
      ];
      break;
    case 'Company':
    case 'Person':
      rows = [
        ['Country', e.countryText],
        ['Role', e.role],
        ['Address', e.address],
        ['IMO company number', e.imoCompanyNumber],
        ['Also called', list(e.aliases)],
        [
          'Designations',
          list(
            e.designations?.map((d) => `${humanize(d.authority).toUpperCase()} ${d.measure} (${formatRange(d.date)})`),
          ),
        ],
      ];
      extra = e.holdings?.length > 0 && (
        <>
          <h4>Ties</h4>
          <ul className="plain">
            {e.holdings.map((h, i) => (
              <li key={i}>
                {humanize(h.type)}{' '}
                <button type="button" className="linklike" onClick={() => onSelect({ id: h.target.id, group: 'node' })}>
                  {h.target.name ?? h.target.id}
                </button>
                {h.period && <span className="muted"> · {formatRange(h.period)}</span>}
              </li>
            ))}
          </ul>
        </>
      );
      break;
    case 'Designation':
      rows = [
        ['Authority', humanize(e.authority).toUpperCase()],
        ['Measure', e.measure],
        ['Status', humanize(e.status)],
        ['Date', formatRange(e.date)],
        ['Reference', e.reference],
      ];
      break;
    case 'IdentityClaim':
      rows = [
        ['Name', e.name],
        ['IMO', e.imo],
        ['MMSI', e.mmsi],
        ['Flag', e.flagText],
        ['Kind', humanize(e.kind)],
        ['Status', humanize(e.status)],
        ['Period', formatRange(e.period)],
      ];
      break;
    case 'Tactic':
      rows = [
        ['Code', e.code],
        ['What it is', e.description],
      ];
      break;
    case 'Country':
      rows = [['Code', e.code]];
      break;
    case 'Source':
      return <Sources sources={[e]} />;
    default:
      rows = [];
  }
  const heading =
    e.__typename === 'Leg'
      ? 'This leg'
      : e.__typename === 'Transfer'
        ? 'This transfer'
        : `${e.__typename}: ${('name' in e ? e.name : null) ?? ('code' in e ? e.code : null) ?? e.id}`;
  return (
    <section className="entity" aria-label={heading}>
      <h3>{heading}</h3>
      <Facts rows={[...rows, ...evidence]} />
      {extra}
      {'sources' in e && (
        <>
          <h4>Sources</h4>
          <Sources sources={e.sources} />
        </>
      )}
    </section>
  );
}

export function Details({ selection, drawing, onSelect, onExpand, expandBusy }: Props) {
  const p = plan(selection, drawing);
  const key = p ? p.ids.join('|') : '';
  const [state, setState] = useState<
    { key: string; entities: (Entity | null)[] } | { key: string; error: ApiError | Error } | null
  >(null);

  useEffect(() => {
    if (!p || p.ids.length === 0) return;
    const ctl = new AbortController();
    const { query, variables } = detailsQuery(p.ids);
    gql<Record<string, Entity | null>>(query, variables, ctl.signal)
      .then(({ data }) => setState({ key, entities: p.ids.map((_, i) => data[`e${i}`] ?? null) }))
      .catch((err) => {
        if ((err as Error).name !== 'AbortError') setState({ key, error: err as Error });
      });
    return () => ctl.abort();
  }, [key]);

  if (!p) return null;
  const current = state?.key === key ? state : null;
  return (
    <div className="details-body">
      <h2 id="details-title" tabIndex={-1}>
        {p.title}
      </h2>
      {p.expandId && (
        <button type="button" onClick={() => onExpand(p.expandId!)} disabled={expandBusy}>
          {expandBusy ? 'Expanding…' : 'Expand neighbourhood'}
        </button>
      )}
      {p.edge && (
        <>
          <Facts
            rows={[
              ['Relationship', p.edge.type],
              ['From', p.edge.from],
              ['To', p.edge.to],
              ['Confidence', formatConfidence(p.edge.confidence)],
            ]}
          />
          <h4>Sources</h4>
          <Sources sources={p.edge.urls.map((url) => ({ url }))} />
        </>
      )}
      {p.ids.length > 0 && !current && (
        <p className="loading" role="status">
          Loading details…
        </p>
      )}
      {current && 'error' in current && (
        <p className="error" role="alert">
          Could not load the details: {current.error.message}
          {current.error instanceof ApiError && <> ({current.error.code})</>}
        </p>
      )}
      {current &&
        'entities' in current &&
        current.entities.map((e, i) =>
          e ? (
            <EntityDetails key={e.id} e={e} onSelect={onSelect} />
          ) : (
            <p key={p.ids[i]} className="muted">
              Nothing is known about {p.ids[i]}.
            </p>
          ),
        )}
    </div>
  );
}
