/**
 * The coastline under the schematic map: Natural Earth's 1:110m land (the `world-atlas` package's
 * `land-110m.json`, ~55 KB of TopoJSON), bundled with the page at build time — nothing is fetched to draw
 * it, as the page's CSP allows only the service itself. It is decoded once, on first use, into polygons
 * in longitude/latitude, and drawn through the map's own projection, so ports and land line up exactly.
 */
import type { Position } from 'geojson';
import { feature } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import land110m from 'world-atlas/land-110m.json';

/** The two SVG path strings of the land in view: `fill` (closed rings) and `coast` (the shore lines). */
export interface CoastlinePaths {
  fill: string;
  coast: string;
}

/** The part of a projection the coastline needs: the viewport and the degree → pixel mapping. */
export interface CoastlineProjection {
  width: number;
  height: number;
  x(lon: number): number;
  y(lat: number): number;
}

interface LandPolygon {
  rings: Position[][];
  west: number;
  east: number;
  south: number;
  north: number;
}

let decoded: LandPolygon[] | null = null;

/** Every land polygon with its bounding box in degrees (decoded from the TopoJSON once). */
function landPolygons(): LandPolygon[] {
  if (decoded) return decoded;
  const topology = land110m as unknown as Topology<{ land: GeometryCollection }>;
  const land = feature(topology, topology.objects.land);
  const out: LandPolygon[] = [];
  for (const f of land.features) {
    const g = f.geometry;
    const polygons = g.type === 'Polygon' ? [g.coordinates] : g.type === 'MultiPolygon' ? g.coordinates : [];
    for (const rings of polygons) {
      let west = Infinity;
      let east = -Infinity;
      let south = Infinity;
      let north = -Infinity;
      for (const [lon, lat] of rings[0] ?? []) {
        west = Math.min(west, lon);
        east = Math.max(east, lon);
        south = Math.min(south, lat);
        north = Math.max(north, lat);
      }
      out.push({ rings, west, east, south, north });
    }
  }
  decoded = out;
  return out;
}

/**
 * Natural Earth cuts land at the antimeridian (and closes Antarctica along the pole): such an edge is
 * part of the polygon's outline but not a shore, so it is filled but not stroked.
 */
function artificialEdge(a: Position, b: Position): boolean {
  const cut = (p: Position) => Math.abs(p[0]) >= 179.9999;
  return (cut(a) && cut(b) && Math.sign(a[0]) === Math.sign(b[0])) || (a[1] <= -89.9999 && b[1] <= -89.9999);
}

const f1 = (v: number) => (Math.round(v * 10) / 10).toString();

/**
 * The land within the projection's viewport as SVG paths. Polygons whose box lies outside the view are
 * left out (the caller also clips to the viewport); when the view reaches past ±180° the land is drawn
 * again shifted by 360°. Points closer than half a pixel to the previous one are dropped.
 */
export function coastlinePaths(proj: CoastlineProjection): CoastlinePaths {
  // The projection is linear in each axis: read the viewport's edges back in degrees.
  const x0 = proj.x(0);
  const kx = proj.x(1) - x0;
  const y0 = proj.y(0);
  const ky = proj.y(1) - y0;
  const lonAt = (px: number) => (px - x0) / kx;
  const latAt = (py: number) => (py - y0) / ky;
  const [west, east] = [lonAt(0), lonAt(proj.width)].sort((a, b) => a - b) as [number, number];
  const [south, north] = [latAt(0), latAt(proj.height)].sort((a, b) => a - b) as [number, number];

  const fill: string[] = [];
  const coast: string[] = [];
  for (const shift of [-360, 0, 360]) {
    if (west > 180 + shift || east < -180 + shift) continue;
    for (const p of landPolygons()) {
      if (p.east + shift < west || p.west + shift > east || p.north < south || p.south > north) continue;
      for (const ring of p.rings) {
        let lastX = NaN;
        let lastY = NaN;
        let drawing = false; // whether the shore line is currently open (after an M)
        let prev: Position | null = null;
        ring.forEach((pt, i) => {
          const x = proj.x(pt[0] + shift);
          const y = proj.y(pt[1]);
          const last = i === ring.length - 1;
          const shore = prev != null && !artificialEdge(prev, pt);
          prev = pt;
          if (i > 0 && !last && shore && drawing && Math.hypot(x - lastX, y - lastY) < 0.5) return;
          const at = `${f1(x)},${f1(y)}`;
          fill.push(`${i === 0 ? 'M' : 'L'}${at}`);
          coast.push(`${shore && drawing ? 'L' : 'M'}${at}`);
          drawing = true;
          lastX = x;
          lastY = y;
        });
        fill.push('Z');
      }
    }
  }
  return { fill: fill.join(''), coast: coast.join('').replace(/M[^ML]*(?=M|$)/g, '') };
}
