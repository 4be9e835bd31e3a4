/**
 * From traced routes to what is drawn: pure functions, no DOM, no I/O (unit-tested in
 * test/unit/explorer/model.test.ts). Both views read the same Drawing:
 *
 * - a **port** node per port; a **voyage** node per leg (the vessel that carried the cargo on that leg,
 *   labelled with the vessel's name; its id is the leg's id, so a neighbourhood that returns the leg
 *   merges into it); a **transfer** node per documented transfer between vessels;
 * - a leg is drawn as `port → voyage` (loaded) and `voyage → port` (landed); where a documented transfer
 *   joins two legs, `voyage → transfer → voyage` replaces the landing and reloading at the transfer's
 *   place, and a thin `transfer — port` edge says where it happened;
 * - edge width grows with the leg's (or transfer's) tonnage, colour follows its confidence, the loading
 *   edge of a leg whose link from the previous leg is INFERRED is dashed, and alternative places the
 *   sources give ("Kholmsk or Vladivostok") are dotted.
 */
import type { GeoPoint, LegData, PortRef, RouteData, SubgraphData, TransferData } from './types';

export type DrawNodeKind = 'port' | 'voyage' | 'transfer' | 'entity';
export type DrawEdgeKind = 'load' | 'land' | 'transfer' | 'at' | 'link';

export interface DrawNode {
  id: string;
  kind: DrawNodeKind;
  label: string;
  /** The graph label of the entity (Port, Leg, Transfer, Vessel, Company …). */
  entityLabel: string;
  /** Voyage nodes: the vessel's id (null when the sources do not name the ship). */
  vesselId: string | null;
  confidence: number | null;
  origin: boolean;
  final: boolean;
  location: GeoPoint | null;
  /** ISO code of the port's country. */
  countryCode: string | null;
  /** Ports: PORT, STS_AREA, …, UNSPECIFIED_IN_COUNTRY ("South Korea (port not named)"). */
  portKind: string | null;
  routeIds: string[];
}

export interface DrawEdge {
  id: string;
  kind: DrawEdgeKind;
  /** FROM/TO for legs, TRANSFER, AT, or the relationship type of a neighbourhood edge. */
  type: string;
  source: string;
  target: string;
  confidence: number | null;
  /** Tonnes (the highest figure the sources give); null when not stated. */
  tonnage: number | null;
  /** The link into this leg was inferred (landed and reloaded at the same port). */
  inferred: boolean;
  /** One of several places the sources give as alternatives. */
  alternative: boolean;
  /** The leg or transfer the edge stands for (for details), or null. */
  factId: string | null;
  /** Addresses of the sources of a neighbourhood edge (route edges take theirs from the leg or transfer). */
  sourceUrls: string[];
  routeIds: string[];
}

export interface Drawing {
  nodes: DrawNode[];
  edges: DrawEdge[];
}

function vesselLabel(leg: LegData): string {
  if (leg.vessel) return leg.vessel.name;
  const d = leg.vesselDescription?.trim();
  if (!d) return 'unnamed vessel';
  return d.length > 28 ? `${d.slice(0, 27)}…` : d;
}

/** "STS transfer": where it happened is the port drawn beside it (and in its details). */
function transferLabel(t: TransferData): string {
  return t.kind === 'SHIP_TO_SHIP'
    ? 'STS transfer'
    : t.kind === 'TO_BARGES'
      ? 'transfer to barges'
      : 'transfer in port';
}

function transferTonnage(t: TransferData): number | null {
  const figures = t.tonnage.map((q) => q.max ?? q.min).filter((x): x is number => x != null);
  return figures.length ? Math.max(...figures) : null;
}

class DrawingBuilder {
  private readonly nodes = new Map<string, DrawNode>();
  private readonly edges = new Map<string, DrawEdge>();

  node(
    n: Omit<DrawNode, 'routeIds' | 'origin' | 'final'> & { origin?: boolean; final?: boolean },
    routeId: string | null,
  ): DrawNode {
    let existing = this.nodes.get(n.id);
    if (!existing) {
      existing = { origin: false, final: false, ...n, routeIds: [] };
      this.nodes.set(n.id, existing);
    }
    if (n.origin) existing.origin = true;
    if (n.final) existing.final = true;
    if (routeId && !existing.routeIds.includes(routeId)) existing.routeIds.push(routeId);
    return existing;
  }

  port(p: PortRef, routeId: string, flags: { origin?: boolean; final?: boolean } = {}): DrawNode {
    return this.node(
      {
        id: p.id,
        kind: 'port',
        label: p.name,
        entityLabel: 'Port',
        vesselId: null,
        confidence: null,
        location: p.location,
        countryCode: p.countryCode,
        portKind: p.kind,
        ...flags,
      },
      routeId,
    );
  }

  edge(e: Omit<DrawEdge, 'id' | 'routeIds' | 'sourceUrls'>, routeId: string | null): DrawEdge {
    const id = `${e.kind}:${e.source}->${e.target}`;
    let existing = this.edges.get(id);
    if (!existing) {
      existing = { ...e, id, sourceUrls: [], routeIds: [] };
      this.edges.set(id, existing);
    } else {
      // The same leg reached on several routes: inferred on one of them is still worth showing.
      existing.inferred = existing.inferred || e.inferred;
    }
    if (routeId && !existing.routeIds.includes(routeId)) existing.routeIds.push(routeId);
    return existing;
  }

  build(): Drawing {
    return { nodes: [...this.nodes.values()], edges: [...this.edges.values()] };
  }
}

/** The drawing of a set of routes (ports, voyages, transfers and the edges between them). */
export function drawRoutes(routes: RouteData[]): Drawing {
  const b = new DrawingBuilder();
  for (const route of routes) {
    const rid = route.id;
    b.port(route.origin, rid, { origin: true });
    b.port(route.finalPort, rid, { final: true });
    route.steps.forEach((step, i) => {
      if (step.kind === 'TRANSFER' && step.transfer) {
        const t = step.transfer;
        b.node(
          {
            id: t.id,
            kind: 'transfer',
            label: transferLabel(t),
            entityLabel: 'Transfer',
            vesselId: null,
            confidence: t.confidence,
            location: t.port?.location ?? null,
            countryCode: t.port?.countryCode ?? null,
            portKind: null,
          },
          rid,
        );
        if (t.port) {
          b.port(t.port, rid);
          b.edge(
            {
              kind: 'at',
              type: 'AT',
              source: t.id,
              target: t.port.id,
              confidence: t.confidence,
              tonnage: null,
              inferred: false,
              alternative: false,
              factId: t.id,
            },
            rid,
          );
        }
        return;
      }
      const leg = step.leg;
      if (!leg) return;
      const prev = route.steps[i - 1]?.kind === 'TRANSFER' ? route.steps[i - 1].transfer : null;
      const next = route.steps[i + 1]?.kind === 'TRANSFER' ? route.steps[i + 1].transfer : null;
      const tonnage = leg.tonnageMax ?? leg.tonnageMin;
      b.node(
        {
          id: leg.id,
          kind: 'voyage',
          label: vesselLabel(leg),
          entityLabel: 'Leg',
          vesselId: leg.vessel?.id ?? null,
          confidence: leg.confidence,
          location: null,
          countryCode: null,
          portKind: null,
        },
        rid,
      );
      const inferred = step.link?.kind === 'INFERRED';
      if (prev) {
        b.edge(
          {
            kind: 'transfer',
            type: 'TRANSFER',
            source: prev.id,
            target: leg.id,
            confidence: prev.confidence,
            tonnage: transferTonnage(prev),
            inferred: false,
            alternative: false,
            factId: prev.id,
          },
          rid,
        );
      }
      for (const p of leg.from) {
        if (prev && prev.port?.id === p.id) continue; // the transfer node stands for loading here
        b.port(p, rid);
        b.edge(
          {
            kind: 'load',
            type: 'FROM',
            source: p.id,
            target: leg.id,
            confidence: leg.confidence,
            tonnage,
            inferred,
            alternative: leg.from.length > 1,
            factId: leg.id,
          },
          rid,
        );
      }
      if (next) {
        b.edge(
          {
            kind: 'transfer',
            type: 'TRANSFER',
            source: leg.id,
            target: next.id,
            confidence: next.confidence,
            tonnage: transferTonnage(next),
            inferred: false,
            alternative: false,
            factId: next.id,
          },
          rid,
        );
      }
      for (const p of leg.to) {
        if (next && next.port?.id === p.id) continue;
        b.port(p, rid);
        b.edge(
          {
            kind: 'land',
            type: 'TO',
            source: leg.id,
            target: p.id,
            confidence: leg.confidence,
            tonnage,
            inferred: false,
            alternative: leg.to.length > 1,
            factId: leg.id,
          },
          rid,
        );
      }
    });
  }
  return b.build();
}

const NEIGHBOURHOOD_KIND: Record<string, DrawNodeKind> = { Port: 'port', Leg: 'voyage', Transfer: 'transfer' };

/**
 * Adds a neighbourhood (issue 4's Subgraph) to a drawing, in place of nothing already drawn: nodes
 * already present are kept as they are (a leg merges into its voyage node), and an edge is added only
 * when its two ends are not joined yet (the route drawing already says "leg FROM port" its own way).
 * Returns the new drawing and the ids of the nodes it added.
 */
export function mergeSubgraph(drawing: Drawing, sub: SubgraphData): { drawing: Drawing; added: string[] } {
  const nodes = new Map(drawing.nodes.map((n) => [n.id, n]));
  const joined = new Set(drawing.edges.flatMap((e) => [`${e.source}|${e.target}`, `${e.target}|${e.source}`]));
  const edgeIds = new Set(drawing.edges.map((e) => e.id));
  const added: string[] = [];
  for (const n of sub.nodes) {
    if (nodes.has(n.id)) continue;
    const kind = NEIGHBOURHOOD_KIND[n.label] ?? 'entity';
    nodes.set(n.id, {
      id: n.id,
      kind,
      label: n.name,
      entityLabel: n.label,
      vesselId: null,
      confidence: null,
      origin: false,
      final: false,
      location: null,
      countryCode: null,
      portKind: null,
      routeIds: [],
    });
    added.push(n.id);
  }
  const edges = [...drawing.edges];
  for (const e of sub.edges) {
    if (!nodes.has(e.source) || !nodes.has(e.target)) continue;
    if (joined.has(`${e.source}|${e.target}`)) continue;
    const id = `link:${e.id}`;
    if (edgeIds.has(id)) continue;
    edgeIds.add(id);
    joined.add(`${e.source}|${e.target}`).add(`${e.target}|${e.source}`);
    edges.push({
      id,
      kind: 'link',
      type: e.type,
      source: e.source,
      target: e.target,
      confidence: e.confidence,
      tonnage: null,
      inferred: false,
      alternative: false,
      factId: null,
      sourceUrls: [...new Set((e.sources ?? []).map((x) => x.url))],
      routeIds: [],
    });
  }
  return { drawing: { nodes: [...nodes.values()], edges }, added };
}

/** The ids of the entities behind a drawing (ports, legs, vessels, transfers, expanded entities), for export. */
export function entityIds(drawing: Drawing): string[] {
  const ids = new Set<string>();
  for (const n of drawing.nodes) {
    ids.add(n.id);
    if (n.vesselId) ids.add(n.vesselId);
  }
  return [...ids].sort();
}

/** Routes that pass the filters the API has no argument for (tactic), and the ones it has, again. */
export function filterRoutes(
  routes: RouteData[],
  f: { tactic: string | null; minConfidence: number | null; country: string | null },
): RouteData[] {
  return routes.filter(
    (r) =>
      (f.tactic == null || r.tactics.some((t) => t.code === f.tactic)) &&
      (f.minConfidence == null || r.confidence >= f.minConfidence) &&
      (f.country == null || r.finalCountry.code === f.country),
  );
}

/** Every tactic seen on the routes, by code, sorted by name. */
export function tacticsOf(routes: RouteData[]): { code: string; name: string }[] {
  const byCode = new Map<string, string>();
  for (const r of routes) for (const t of r.tactics) byCode.set(t.code, t.name);
  return [...byCode].map(([code, name]) => ({ code, name })).sort((a, b) => a.name.localeCompare(b.name));
}

// ---------------------------------------------------------------------------------------------------
// Scales shared by the graph, the map and the legend.

/** Confidence 0..1 → a colour from red (weak) through amber to teal (strong); grey when unknown. */
export function confidenceColor(c: number | null): string {
  if (c == null || Number.isNaN(c)) return '#8a8f98';
  const stops: [number, [number, number, number]][] = [
    [0.3, [192, 57, 43]],
    [0.55, [214, 137, 16]],
    [0.8, [22, 120, 130]],
  ];
  const x = Math.min(Math.max(c, stops[0][0]), stops[stops.length - 1][0]);
  for (let i = 1; i < stops.length; i++) {
    const [x1, c1] = stops[i];
    const [x0, c0] = stops[i - 1];
    if (x <= x1) {
      const t = (x - x0) / (x1 - x0);
      const mix = c0.map((v, k) => Math.round(v + (c1[k] - v) * t));
      return `#${mix.map((v) => v.toString(16).padStart(2, '0')).join('')}`;
    }
  }
  return '#167882';
}

/** Tonnage → edge width in pixels: 1.5 when not stated, up to 9 for the largest cargo drawn. */
export function tonnageWidth(tonnes: number | null, largest: number): number {
  if (tonnes == null || !(tonnes > 0) || !(largest > 0)) return 1.5;
  return Math.round((2 + 7 * Math.sqrt(Math.min(tonnes, largest) / largest)) * 10) / 10;
}

// ---------------------------------------------------------------------------------------------------
// The schematic map: ports placed by latitude and longitude (equirectangular, x scaled by the cosine of
// the middle latitude so shapes are not stretched), with a graticule; no coastline.

export interface MapPlace {
  id: string;
  name: string;
  lat: number;
  lon: number;
  /** True for a port the sources name only by country, drawn at the mean of that country's placed ports. */
  approximate: boolean;
}

/**
 * Where each port goes on the map. A port the sources name only by its country ("South Korea (port not
 * named)", kind UNSPECIFIED_IN_COUNTRY) is put at the mean position of that country's placed ports and
 * marked approximate; any other port without a position is returned as `unplaced` rather than guessed.
 */
export function placePorts(nodes: DrawNode[]): { places: Map<string, MapPlace>; unplaced: DrawNode[] } {
  const ports = nodes.filter((n) => n.kind === 'port');
  const places = new Map<string, MapPlace>();
  const byCountry = new Map<string, GeoPoint[]>();
  for (const p of ports) {
    if (!p.location) continue;
    places.set(p.id, { id: p.id, name: p.label, lat: p.location.lat, lon: p.location.lon, approximate: false });
    if (p.countryCode) byCountry.set(p.countryCode, [...(byCountry.get(p.countryCode) ?? []), p.location]);
  }
  const unplaced: DrawNode[] = [];
  for (const p of ports) {
    if (p.location) continue;
    const peers = p.countryCode && p.portKind === 'UNSPECIFIED_IN_COUNTRY' ? byCountry.get(p.countryCode) : undefined;
    if (!peers?.length) {
      unplaced.push(p);
      continue;
    }
    const lat = peers.reduce((s, q) => s + q.lat, 0) / peers.length;
    const lon = peers.reduce((s, q) => s + q.lon, 0) / peers.length;
    places.set(p.id, { id: p.id, name: p.label, lat, lon, approximate: true });
  }
  return { places, unplaced };
}

export interface Projection {
  width: number;
  height: number;
  /** Degrees → SVG user units (pixels). */
  x(lon: number): number;
  y(lat: number): number;
  /** Graticule lines: every `step` degrees within the box. */
  lons: number[];
  lats: number[];
  step: number;
}

const GRATICULE_STEPS = [1, 2, 5, 10, 15, 20, 30];

/**
 * A projection that fits the points into a `width` × `height` box with `pad` pixels to spare on every
 * side, at one scale for both axes (x shrunk by the cosine of the middle latitude); the box is then
 * filled out with degrees on the roomier axis, so the graticule covers it all.
 */
export function fitProjection(
  points: GeoPoint[],
  width: number,
  height: number,
  opts: { pad?: number; minSpanDeg?: number } = {},
): Projection {
  const pad = opts.pad ?? 40;
  const minSpan = opts.minSpanDeg ?? 6;
  const lats = points.map((p) => p.lat);
  const lons = points.map((p) => p.lon);
  let south = points.length ? Math.min(...lats) : -10;
  let north = points.length ? Math.max(...lats) : 50;
  let west = points.length ? Math.min(...lons) : 90;
  let east = points.length ? Math.max(...lons) : 150;
  if (north - south < minSpan) [south, north] = [(south + north) / 2 - minSpan / 2, (south + north) / 2 + minSpan / 2];
  if (east - west < minSpan) [west, east] = [(west + east) / 2 - minSpan / 2, (west + east) / 2 + minSpan / 2];
  const kx = Math.cos((((south + north) / 2) * Math.PI) / 180);
  const innerW = Math.max(width - 2 * pad, 10);
  const innerH = Math.max(height - 2 * pad, 10);
  const scale = Math.min(innerW / ((east - west) * kx), innerH / (north - south));
  // Centre the points, then read the box's edges back in degrees.
  const midLon = (west + east) / 2;
  const midLat = (south + north) / 2;
  const x = (lon: number) => width / 2 + (lon - midLon) * kx * scale;
  const y = (lat: number) => height / 2 - (lat - midLat) * scale;
  const lonAt = (px: number) => midLon + (px - width / 2) / (kx * scale);
  const latAt = (py: number) => midLat - (py - height / 2) / scale;
  const boxWest = lonAt(0);
  const boxEast = lonAt(width);
  const boxNorth = latAt(0);
  const boxSouth = latAt(height);
  const largest = Math.max(boxEast - boxWest, boxNorth - boxSouth);
  const step = GRATICULE_STEPS.find((s) => largest / s <= 10) ?? 30;
  const range = (lo: number, hi: number) => {
    const out: number[] = [];
    for (let v = Math.ceil(lo / step) * step; v <= hi; v += step) out.push(v);
    return out;
  };
  return {
    width,
    height,
    x,
    y,
    lons: range(boxWest, boxEast),
    lats: range(Math.max(boxSouth, -89), Math.min(boxNorth, 89)),
    step,
  };
}

export interface LabelBox {
  x: number;
  y: number;
  w: number;
  h: number;
}

/**
 * Greedy label placement: each label (in order, most important first) takes the first of its candidate
 * boxes that lies inside `bounds` and overlaps nothing placed so far (nor any obstacle). A label with no
 * free candidate gets null (the caller hides it; its text stays in the element's title and accessible
 * name) unless it is required, when it takes its first candidate inside the bounds (or its first).
 */
export function placeLabels(
  labels: { candidates: LabelBox[]; required?: boolean }[],
  obstacles: LabelBox[] = [],
  bounds?: { width: number; height: number },
): (LabelBox | null)[] {
  const placed: LabelBox[] = [...obstacles];
  const hit = (a: LabelBox, b: LabelBox) => a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h;
  const inside = (c: LabelBox) =>
    !bounds || (c.x >= 0 && c.y >= 0 && c.x + c.w <= bounds.width && c.y + c.h <= bounds.height);
  return labels.map(({ candidates, required }) => {
    const fits = candidates.filter(inside);
    const free = fits.find((c) => !placed.some((p) => hit(c, p)));
    const chosen = free ?? (required ? (fits[0] ?? candidates[0]) : null);
    if (chosen) placed.push(chosen);
    return chosen ?? null;
  });
}

/** Rough width of a label in pixels (system sans-serif, average glyph ≈ 0.56 em). */
export function textWidth(text: string, fontSize: number): number {
  return Math.ceil(text.length * fontSize * 0.56) + 2;
}

/** "38°N", "125°E", "0°". */
export function degreeLabel(v: number, axis: 'lat' | 'lon'): string {
  if (v === 0) return '0°';
  const hemi = axis === 'lat' ? (v > 0 ? 'N' : 'S') : v > 0 ? 'E' : 'W';
  return `${Math.abs(Math.round(v * 100) / 100)}°${hemi}`;
}

export interface MapSegment {
  /** The voyage (leg) node the segment stands for. */
  id: string;
  label: string;
  from: string;
  to: string;
  confidence: number | null;
  tonnage: number | null;
  inferred: boolean;
  alternative: boolean;
  routeIds: string[];
}

export interface MapTransfer {
  id: string;
  label: string;
  at: string;
  confidence: number | null;
  routeIds: string[];
}

/**
 * What the map draws: one curve per voyage from where it loaded to where it landed (a transfer counts
 * as the place it happened), and the transfers at their places. Entities added by a neighbourhood are
 * not places and stay off the map.
 */
export function mapSegments(drawing: Drawing): { segments: MapSegment[]; transfers: MapTransfer[] } {
  const placeOfTransfer = new Map<string, string>();
  for (const e of drawing.edges) if (e.kind === 'at') placeOfTransfer.set(e.source, e.target);
  const ends = (e: DrawEdge, side: 'source' | 'target'): string | null => {
    const id = e[side];
    return e.kind === 'transfer' ? (placeOfTransfer.get(id) ?? null) : id;
  };
  const segments: MapSegment[] = [];
  for (const v of drawing.nodes) {
    if (v.kind !== 'voyage') continue;
    const ins = drawing.edges.filter((e) => e.target === v.id && (e.kind === 'load' || e.kind === 'transfer'));
    const outs = drawing.edges.filter((e) => e.source === v.id && (e.kind === 'land' || e.kind === 'transfer'));
    const legEdge = [...ins, ...outs].find((e) => e.kind !== 'transfer');
    for (const a of ins) {
      for (const b of outs) {
        const from = ends(a, 'source');
        const to = ends(b, 'target');
        if (!from || !to || from === to) continue;
        segments.push({
          id: v.id,
          label: v.label,
          from,
          to,
          confidence: v.confidence,
          tonnage: legEdge?.tonnage ?? null,
          inferred: a.inferred,
          alternative: a.alternative || b.alternative,
          routeIds: v.routeIds,
        });
      }
    }
  }
  const transfers = drawing.nodes
    .filter((n) => n.kind === 'transfer' && placeOfTransfer.has(n.id))
    .map((n) => ({
      id: n.id,
      label: n.label,
      at: placeOfTransfer.get(n.id)!,
      confidence: n.confidence,
      routeIds: n.routeIds,
    }));
  return { segments, transfers };
}

// ---------------------------------------------------------------------------------------------------
// Layout of the graph: layers by the direction the cargo moved, so that every route reads from the
// origin (left, or top on a narrow screen) to its final port.

/**
 * Each node's layer: the longest chain of edges leading to it from a node with none coming in, so that
 * edges point forwards. A place where a leg might also have started ("Kholmsk or Vladivostok") has no
 * edge coming in: it moves up to just before the first node it leads to, instead of sitting beside the
 * origin. Nodes on a cycle (a port left and later reached again) take one more than their deepest
 * placed predecessor. Neighbourhood edges (`link`) do not count: an expansion is placed around its node.
 */
export function layers(drawing: Drawing): Map<string, number> {
  const ids = drawing.nodes.map((n) => n.id);
  const flow = drawing.edges.filter((e) => e.kind !== 'link' && e.source !== e.target);
  const succ = new Map<string, string[]>(ids.map((id) => [id, []]));
  const pred = new Map<string, string[]>(ids.map((id) => [id, []]));
  for (const e of flow) {
    if (!succ.has(e.source) || !succ.has(e.target)) continue;
    succ.get(e.source)!.push(e.target);
    pred.get(e.target)!.push(e.source);
  }
  const depth = new Map<string, number>();
  const indegree = new Map(ids.map((id) => [id, pred.get(id)!.length]));
  const queue = ids.filter((id) => indegree.get(id) === 0);
  for (const id of queue) depth.set(id, 0);
  while (queue.length) {
    const id = queue.shift()!;
    for (const next of succ.get(id)!) {
      depth.set(next, Math.max(depth.get(next) ?? 0, depth.get(id)! + 1));
      indegree.set(next, indegree.get(next)! - 1);
      if (indegree.get(next) === 0) queue.push(next);
    }
  }
  // Cycles: whatever Kahn's walk could not order, in a few relaxation passes.
  for (let pass = 0; pass < ids.length && depth.size < ids.length; pass++) {
    for (const id of ids) {
      if (depth.has(id)) continue;
      const placed = pred.get(id)!.filter((p) => depth.has(p));
      if (placed.length) depth.set(id, Math.max(...placed.map((p) => depth.get(p)!)) + 1);
    }
  }
  for (const id of ids) if (!depth.has(id)) depth.set(id, 0);
  const origins = new Set(drawing.nodes.filter((n) => n.origin).map((n) => n.id));
  for (const id of ids) {
    if (origins.has(id) || pred.get(id)!.length > 0 || succ.get(id)!.length === 0) continue;
    depth.set(id, Math.max(0, Math.min(...succ.get(id)!.map((s) => depth.get(s)!)) - 1));
  }
  return depth;
}

/**
 * Positions for a layered drawing: layers `layerGap` apart along the main axis (x when `wide`, else y),
 * nodes within a layer `nodeGap` apart and centred, ordered to keep edges from crossing (two sweeps of
 * the barycentre heuristic, starting from the order in which the routes list them).
 */
export function layeredPositions(
  drawing: Drawing,
  opts: { wide: boolean; layerGap?: number; nodeGap?: number },
): Map<string, { x: number; y: number }> {
  const layerGap = opts.layerGap ?? 130;
  const nodeGap = opts.nodeGap ?? 64;
  const depth = layers(drawing);
  const byLayer = new Map<number, string[]>();
  for (const n of drawing.nodes) {
    const d = depth.get(n.id)!;
    byLayer.set(d, [...(byLayer.get(d) ?? []), n.id]);
  }
  const neighbours = new Map<string, string[]>(drawing.nodes.map((n) => [n.id, []]));
  for (const e of drawing.edges) {
    if (e.kind === 'link' || !neighbours.has(e.source) || !neighbours.has(e.target)) continue;
    neighbours.get(e.source)!.push(e.target);
    neighbours.get(e.target)!.push(e.source);
  }
  const index = new Map<string, number>();
  const levels = [...byLayer.keys()].sort((a, b) => a - b);
  const reindex = () => levels.forEach((l) => byLayer.get(l)!.forEach((id, i) => index.set(id, i)));
  reindex();
  // Downwards, a node follows the mean position of its neighbours in earlier layers; upwards, in later ones.
  const sweep = (order: number[]) => {
    const down = order.length < 2 || order[0] < order[1];
    for (const l of order) {
      const row = byLayer.get(l)!;
      const centre = (id: string) => {
        const ns = neighbours.get(id)!.filter((m) => (down ? depth.get(m)! < l : depth.get(m)! > l));
        return ns.length ? ns.reduce((s, m) => s + index.get(m)!, 0) / ns.length : index.get(id)!;
      };
      const keyed = row.map((id) => ({ id, key: centre(id) }));
      keyed.sort((a, b) => a.key - b.key || index.get(a.id)! - index.get(b.id)!);
      byLayer.set(
        l,
        keyed.map((k) => k.id),
      );
      reindex();
    }
  };
  sweep(levels.slice(1));
  sweep(levels.slice(0, -1).reverse());
  sweep(levels.slice(1));
  const out = new Map<string, { x: number; y: number }>();
  for (const l of levels) {
    const row = byLayer.get(l)!;
    row.forEach((id, i) => {
      const along = l * layerGap;
      const across = (i - (row.length - 1) / 2) * nodeGap;
      out.set(id, opts.wide ? { x: along, y: across } : { x: across, y: along });
    });
  }
  return out;
}
