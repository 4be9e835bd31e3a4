/**
 * A schematic map: the ports where they are (latitude/longitude, equirectangular), a graticule, and
 * each voyage as a curve from where it loaded to where it landed — width by tonnage, colour by
 * confidence, dashed when the link into it is inferred, dotted for alternative places. Under it all, a
 * simplified coastline (Natural Earth 1:110m, bundled with the page, see ../coastline.ts) drawn through
 * the same projection; no tiles: nothing is loaded to draw it. Every port and voyage is a focusable button.
 */
import { forwardRef, useEffect, useId, useMemo, useRef, useState } from 'react';

import { coastlinePaths } from '../coastline';

import {
  confidenceColor,
  degreeLabel,
  fitProjection,
  mapSegments,
  placeLabels,
  placePorts,
  textWidth,
  tonnageWidth,
  type Drawing,
  type LabelBox,
  type MapPlace,
  type MapSegment,
} from '../model';
import { formatConfidence, formatTonnes } from '../format';
import type { Selection } from './GraphView';

interface Props {
  drawing: Drawing;
  selection: Selection | null;
  highlightRoute: string | null;
  onSelect: (sel: Selection | null) => void;
}

const PORT_FONT = 13;
const VESSEL_FONT = 11;

function activate(handler: () => void) {
  return {
    onClick: handler,
    onKeyDown: (e: React.KeyboardEvent) => {
      if (e.key === 'Enter' || e.key === ' ') {
        e.preventDefault();
        handler();
      }
    },
  };
}

/** A quadratic curve between two points, bent sideways by `bend` units; and where its arrow sits. */
function curve(x1: number, y1: number, x2: number, y2: number, bend: number) {
  const mx = (x1 + x2) / 2;
  const my = (y1 + y2) / 2;
  const dx = x2 - x1;
  const dy = y2 - y1;
  const len = Math.hypot(dx, dy) || 1;
  const cx = mx - (dy / len) * bend;
  const cy = my + (dx / len) * bend;
  const at = (t: number) => ({
    x: (1 - t) ** 2 * x1 + 2 * (1 - t) * t * cx + t ** 2 * x2,
    y: (1 - t) ** 2 * y1 + 2 * (1 - t) * t * cy + t ** 2 * y2,
  });
  const t = 0.55;
  const p = at(t);
  // Tangent of the curve at t.
  const tx = 2 * (1 - t) * (cx - x1) + 2 * t * (x2 - cx);
  const ty = 2 * (1 - t) * (cy - y1) + 2 * t * (y2 - cy);
  return {
    d: `M${x1.toFixed(1)},${y1.toFixed(1)} Q${cx.toFixed(1)},${cy.toFixed(1)} ${x2.toFixed(1)},${y2.toFixed(1)}`,
    arrow: p,
    angle: Math.atan2(ty, tx),
    at,
  };
}

/** Candidate boxes for a label of size w×h beside a point at distance r: right, left, above, below, corners. */
function around(x: number, y: number, r: number, w: number, h: number): LabelBox[] {
  return [
    { x: x + r + 3, y: y - h / 2, w, h },
    { x: x - r - 3 - w, y: y - h / 2, w, h },
    { x: x - w / 2, y: y - r - 2 - h, w, h },
    { x: x - w / 2, y: y + r + 2, w, h },
    { x: x + r, y: y - r - h, w, h },
    { x: x + r, y: y + r, w, h },
    { x: x - r - w, y: y - r - h, w, h },
    { x: x - r - w, y: y + r, w, h },
  ];
}

export const MapView = forwardRef<SVGSVGElement, Props>(function MapView(
  { drawing, selection, highlightRoute, onSelect },
  ref,
) {
  const wrap = useRef<HTMLDivElement>(null);
  // An id for the viewport's clip path, unique on the page and valid inside url(#…).
  const clipId = `map-clip-${useId().replace(/[^A-Za-z0-9_-]/g, '')}`;
  const [size, setSize] = useState<{ w: number; h: number } | null>(null);

  useEffect(() => {
    const el = wrap.current!;
    const measure = () => {
      const w = Math.floor(el.clientWidth);
      const h = Math.floor(el.clientHeight);
      setSize((old) => (old && old.w === w && old.h === h ? old : { w: Math.max(w, 240), h: Math.max(h, 240) }));
    };
    measure();
    const ro = new ResizeObserver(measure);
    ro.observe(el);
    return () => ro.disconnect();
  }, []);

  const model = useMemo(() => {
    if (!size) return null;
    const { places, unplaced } = placePorts(drawing.nodes);
    const { segments, transfers } = mapSegments(drawing);
    const proj = fitProjection(
      [...places.values()].map((p) => ({ lat: p.lat, lon: p.lon })),
      size.w,
      size.h,
      { pad: 48 },
    );
    const nodes = new Map(drawing.nodes.map((n) => [n.id, n]));
    // Screen positions; a port placed only by country that lands on another port is nudged aside.
    const pos = new Map<string, { x: number; y: number; r: number }>();
    const ordered = [...places.values()].sort((a, b) => Number(a.approximate) - Number(b.approximate));
    for (const p of ordered) {
      let x = proj.x(p.lon);
      let y = proj.y(p.lat);
      if (p.approximate) {
        for (let k = 0; k < 6 && [...pos.values()].some((q) => Math.hypot(q.x - x, q.y - y) < 12); k++) {
          x += 13;
          y += 13;
        }
      }
      const n = nodes.get(p.id);
      pos.set(p.id, { x, y, r: n?.origin ? 9 : n?.final ? 8 : 6 });
    }
    const largest = Math.max(0, ...segments.map((s) => s.tonnage ?? 0));
    // Several voyages between the same two places bend apart instead of overlapping.
    const seen = new Map<string, number>();
    const drawn = segments
      .filter((s) => pos.has(s.from) && pos.has(s.to))
      .map((s) => {
        const key = [s.from, s.to].sort().join('|');
        const k = seen.get(key) ?? 0;
        seen.set(key, k + 1);
        const a = pos.get(s.from)!;
        const b = pos.get(s.to)!;
        const sign = s.from < s.to ? 1 : -1;
        const bend = sign * (18 + 16 * Math.ceil(k / 2)) * (k % 2 === 0 ? 1 : -1);
        return { s, c: curve(a.x, a.y, b.x, b.y, bend) };
      });
    const offMap = segments.filter((s) => !pos.has(s.from) || !pos.has(s.to));

    // Labels: ports first (origin, then final ports, then the rest; always shown), then vessel names
    // on the curves where there is room.
    const portOrder = [...places.values()].sort((a, b) => {
      const rank = (id: string) => (nodes.get(id)?.origin ? 0 : nodes.get(id)?.final ? 1 : 2);
      return rank(a.id) - rank(b.id);
    });
    const obstacles = [...pos.values()].map((q) => ({ x: q.x - q.r, y: q.y - q.r, w: 2 * q.r, h: 2 * q.r }));
    const portText = (p: MapPlace) => (p.approximate ? `≈ ${p.name}` : p.name);
    const vesselCandidates = drawn.map(({ s, c }) => {
      const w = textWidth(s.label, VESSEL_FONT);
      const h = VESSEL_FONT + 2;
      return [0.5, 0.35, 0.65, 0.25, 0.75].flatMap((t) => {
        const q = c.at(t);
        return [
          { x: q.x - w / 2, y: q.y - h - 4, w, h },
          { x: q.x - w / 2, y: q.y + 4, w, h },
        ];
      });
    });
    const boxes = placeLabels(
      [
        ...portOrder.map((p) => {
          const q = pos.get(p.id)!;
          return {
            candidates: around(q.x, q.y, q.r, textWidth(portText(p), PORT_FONT), PORT_FONT + 3),
            required: true,
          };
        }),
        ...vesselCandidates.map((candidates) => ({ candidates })),
      ],
      obstacles,
      { width: size.w, height: size.h - 16 }, // keep clear of the longitude labels at the bottom
    );
    const portLabels = new Map(portOrder.map((p, i) => [p.id, boxes[i]!]));
    const vesselLabels = vesselCandidates.map((_, i) => boxes[portOrder.length + i]);
    const land = coastlinePaths(proj);
    return { places, unplaced, transfers, proj, land, largest, drawn, offMap, pos, portLabels, vesselLabels, portText };
  }, [drawing, size]);

  if (!model)
    return (
      <div className="map-view">
        <div ref={wrap} className="map-wrap" />
      </div>
    );
  const { places, unplaced, transfers, proj, land, largest, drawn, offMap, pos, portLabels, vesselLabels, portText } =
    model;
  const faded = (routeIds: string[]) => highlightRoute != null && !routeIds.includes(highlightRoute);
  const portRoutes = new Map(drawing.nodes.map((n) => [n.id, n]));
  const selected = selection?.id ?? null;

  const portLabel = (p: MapPlace) =>
    `${p.name}${p.approximate ? ' (the sources name only the country: drawn among that country’s ports)' : ''}`;
  const segLabel = (s: MapSegment) =>
    `${s.label}: ${places.get(s.from)?.name ?? s.from} to ${places.get(s.to)?.name ?? s.to}, ${formatTonnes(s.tonnage, s.tonnage)}, confidence ${formatConfidence(s.confidence)}${s.inferred ? ', inferred link' : ''}`;

  return (
    <div className="map-view">
      <div ref={wrap} className="map-wrap">
        {places.size === 0 ? (
          <p className="empty">
            None of these ports has a position in the sources, so there is nothing to place on the map.
          </p>
        ) : (
          <svg
            ref={ref}
            className="map"
            xmlns="http://www.w3.org/2000/svg"
            width={proj.width}
            height={proj.height}
            viewBox={`0 0 ${proj.width} ${proj.height}`}
            role="group"
            aria-label="Schematic map of the routes by port coordinates, over a simplified coastline"
            fontFamily="system-ui, sans-serif"
          >
            <defs>
              <clipPath id={clipId}>
                <rect width={proj.width} height={proj.height} />
              </clipPath>
            </defs>
            <rect width={proj.width} height={proj.height} fill="#eef3f7" onClick={() => onSelect(null)} />
            {/* Land under everything; clicks fall through to the sea (which clears the selection). */}
            <g aria-hidden="true" clipPath={`url(#${clipId})`} pointerEvents="none">
              <path className="land" d={land.fill} fill="#fbfaf4" stroke="none" />
              <path
                className="coastline"
                d={land.coast}
                fill="none"
                stroke="#9fb0bf"
                strokeWidth={0.8}
                strokeLinejoin="round"
              />
            </g>
            <g aria-hidden="true">
              {proj.lons.map((lon) => (
                <g key={`lon${lon}`}>
                  <line x1={proj.x(lon)} x2={proj.x(lon)} y1={0} y2={proj.height} stroke="#c8d4df" strokeWidth={1} />
                  <text x={proj.x(lon) + 3} y={proj.height - 5} fontSize={12} fill="#7b8a97">
                    {degreeLabel(lon, 'lon')}
                  </text>
                </g>
              ))}
              {proj.lats.map((lat) => (
                <g key={`lat${lat}`}>
                  <line x1={0} x2={proj.width} y1={proj.y(lat)} y2={proj.y(lat)} stroke="#c8d4df" strokeWidth={1} />
                  <text x={4} y={proj.y(lat) - 4} fontSize={12} fill="#7b8a97">
                    {degreeLabel(lat, 'lat')}
                  </text>
                </g>
              ))}
            </g>
            <g>
              {drawn.map(({ s, c }, i) => {
                const color = confidenceColor(s.confidence);
                const width = tonnageWidth(s.tonnage, largest);
                const isSel = selected === s.id;
                const a = c.angle;
                const len = 8 + width * 1.6;
                const pt = (da: number) =>
                  `${c.arrow.x - len * Math.cos(a + da)},${c.arrow.y - len * Math.sin(a + da)}`;
                return (
                  <g
                    key={`${s.id}|${s.from}|${s.to}|${i}`}
                    className={`map-seg${isSel ? ' selected' : ''}`}
                    opacity={faded(s.routeIds) ? 0.15 : 1}
                    tabIndex={0}
                    role="button"
                    aria-label={segLabel(s)}
                    aria-pressed={isSel}
                    {...activate(() => onSelect({ id: s.id, group: 'node' }))}
                  >
                    <title>{segLabel(s)}</title>
                    {isSel && <path d={c.d} fill="none" stroke="#f1c40f" strokeWidth={width + 8} strokeOpacity={0.6} />}
                    <path d={c.d} fill="none" stroke="transparent" strokeWidth={Math.max(width, 12)} />
                    <path
                      d={c.d}
                      fill="none"
                      stroke={color}
                      strokeWidth={width}
                      strokeLinecap="round"
                      strokeDasharray={s.inferred ? '9 6' : s.alternative ? '1.5 5' : undefined}
                      strokeOpacity={s.inferred && s.alternative ? 0.55 : undefined}
                    />
                    <polygon points={`${c.arrow.x},${c.arrow.y} ${pt(0.45)} ${pt(-0.45)}`} fill={color} />
                    {vesselLabels[i] && (
                      <text
                        x={vesselLabels[i].x + vesselLabels[i].w / 2}
                        y={vesselLabels[i].y + vesselLabels[i].h - 3}
                        fontSize={VESSEL_FONT}
                        fontStyle="italic"
                        textAnchor="middle"
                        fill="#34495e"
                        stroke="#eef3f7"
                        strokeWidth={3}
                        paintOrder="stroke"
                      >
                        {s.label}
                      </text>
                    )}
                  </g>
                );
              })}
            </g>
            <g>
              {transfers
                .filter((t) => pos.has(t.at))
                .map((t) => {
                  const q = pos.get(t.at)!;
                  const x = q.x + 12;
                  const y = q.y - 12;
                  const isSel = selected === t.id;
                  return (
                    <g
                      key={t.id}
                      tabIndex={0}
                      role="button"
                      aria-label={`${t.label}, confidence ${formatConfidence(t.confidence)}`}
                      aria-pressed={isSel}
                      opacity={faded(t.routeIds) ? 0.15 : 1}
                      {...activate(() => onSelect({ id: t.id, group: 'node' }))}
                    >
                      <title>{t.label}</title>
                      <polygon
                        points={`${x},${y - 9} ${x + 9},${y} ${x},${y + 9} ${x - 9},${y}`}
                        fill="#6c3483"
                        stroke={isSel ? '#f1c40f' : '#ffffff'}
                        strokeWidth={isSel ? 4 : 1.5}
                      />
                    </g>
                  );
                })}
            </g>
            <g>
              {[...places.values()].map((p) => {
                const node = portRoutes.get(p.id);
                const isSel = selected === p.id;
                const origin = node?.origin ?? false;
                const final = node?.final ?? false;
                const { x, y, r } = pos.get(p.id)!;
                const fill = origin ? '#a93226' : final ? '#1a5276' : '#566573';
                const box = portLabels.get(p.id)!;
                return (
                  <g
                    key={p.id}
                    tabIndex={0}
                    role="button"
                    aria-label={portLabel(p)}
                    aria-pressed={isSel}
                    opacity={faded(node?.routeIds ?? []) ? 0.2 : 1}
                    {...activate(() => onSelect({ id: p.id, group: 'node' }))}
                  >
                    <title>{portLabel(p)}</title>
                    <circle
                      cx={x}
                      cy={y}
                      r={r}
                      fill={p.approximate ? '#ffffff' : fill}
                      stroke={isSel ? '#f1c40f' : p.approximate ? fill : '#ffffff'}
                      strokeWidth={isSel ? 4 : 2}
                      strokeDasharray={p.approximate && !isSel ? '3 2' : undefined}
                    />
                    <text
                      x={box.x + 1}
                      y={box.y + box.h - 4}
                      fontSize={PORT_FONT}
                      fontWeight={origin || final ? 700 : 400}
                      fill="#1c2833"
                      stroke="#eef3f7"
                      strokeWidth={3}
                      paintOrder="stroke"
                    >
                      {portText(p)}
                    </text>
                  </g>
                );
              })}
            </g>
          </svg>
        )}
      </div>
      {(unplaced.length > 0 || offMap.length > 0) && (
        <p className="map-note">
          Not on the map (the sources give no position):{' '}
          {unplaced.map((p, i) => (
            <span key={p.id}>
              {i > 0 && ', '}
              <button type="button" className="linklike" onClick={() => onSelect({ id: p.id, group: 'node' })}>
                {p.label}
              </button>
            </span>
          ))}
          {offMap.length > 0 &&
            ` — ${offMap.length} voyage${offMap.length === 1 ? '' : 's'} to or from these places not drawn.`}
        </p>
      )}
      <p className="map-note">
        ≈ marks a port the sources name only by its country, drawn among that country’s ports. Coastline: Natural Earth
        1:110m, simplified.
      </p>
    </div>
  );
});
