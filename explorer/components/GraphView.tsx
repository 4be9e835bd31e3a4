/**
 * The routes as a graph, drawn by cytoscape: ports (circles), the vessel on each leg (rounded boxes,
 * filled by the leg's confidence), transfers (diamonds), and entities a neighbourhood added (small
 * grey shapes). Edge width follows tonnage, colour follows confidence, dashed = inferred link, dotted =
 * one of several alternative places. Keyboard: arrows move the selection from node to node (left to
 * right), Home goes to the origin and End to the last node, E expands the selected node's
 * neighbourhood, + / − zoom, 0 fits, Escape clears the selection.
 */
import cytoscape, {
  type Core,
  type EdgeSingular,
  type ElementDefinition,
  type NodeSingular,
  type StylesheetJson,
} from 'cytoscape';
import { forwardRef, useEffect, useImperativeHandle, useRef } from 'react';

import {
  confidenceColor,
  layeredPositions,
  layers,
  tonnageWidth,
  type Drawing,
  type DrawEdge,
  type DrawNode,
} from '../model';
import { formatTonnes } from '../format';

export interface Selection {
  id: string;
  group: 'node' | 'edge';
}

export interface GraphHandle {
  png(): Promise<Blob>;
  svg(): string;
  fit(): void;
  /** Zoom about the centre by a factor. */
  zoom(factor: number): void;
}

interface Props {
  drawing: Drawing;
  /** Changes when the drawing is a new trace (laid out afresh) rather than an expansion of the same one. */
  generation: string;
  /** Nodes just added by an expansion, and the node they were expanded from (placed around it). */
  expansion: { anchor: string; added: string[] } | null;
  selection: Selection | null;
  highlightRoute: string | null;
  onSelect: (sel: Selection | null) => void;
  onExpand: (id: string) => void;
  describedBy?: string;
}

const ENTITY_COLORS: Record<string, string> = {
  Vessel: '#117a65',
  Company: '#7d6608',
  Person: '#935116',
  Designation: '#b03a2e',
  IdentityClaim: '#5d6d7e',
  Tactic: '#6c3483',
  Country: '#1f618d',
  Source: '#7f8c8d',
};

function nodeData(n: DrawNode) {
  const color =
    n.kind === 'port'
      ? n.origin
        ? '#a93226'
        : n.final
          ? '#1a5276'
          : '#566573'
      : n.kind === 'voyage'
        ? confidenceColor(n.confidence)
        : n.kind === 'transfer'
          ? '#6c3483'
          : (ENTITY_COLORS[n.entityLabel] ?? '#7f8c8d');
  return { id: n.id, label: n.label, kind: n.kind, entityLabel: n.entityLabel, color };
}

/**
 * Edge labels: the tonnage of a loading edge, written beside the voyage it loads (where the voyages of a
 * layer are a node gap apart) rather than at the edge's middle, where the edges fanning out of one port
 * meet and their labels would cover each other; a leg loaded at one of several alternative places is
 * labelled once.
 */
function edgeLabel(e: DrawEdge, labelled: Set<string>): string {
  if (e.kind === 'link') return e.type;
  if (e.kind !== 'load' || e.tonnage == null) return '';
  const key = e.factId ?? e.target;
  if (labelled.has(key)) return '';
  labelled.add(key);
  return formatTonnes(e.tonnage, e.tonnage);
}

function edgeData(e: DrawEdge, largest: number, labelled: Set<string>) {
  const label = edgeLabel(e, labelled);
  return {
    id: e.id,
    source: e.source,
    target: e.target,
    kind: e.kind,
    type: e.type,
    color: e.kind === 'at' ? '#a6acaf' : confidenceColor(e.confidence),
    width: e.kind === 'at' ? 1 : e.kind === 'link' ? 1.2 : tonnageWidth(e.tonnage, largest),
    label: e.kind === 'link' ? label : '',
    tonnageLabel: e.kind === 'link' ? '' : label,
  };
}

function toElements(d: Drawing): ElementDefinition[] {
  const largest = Math.max(0, ...d.edges.map((e) => e.tonnage ?? 0));
  const labelled = new Set<string>();
  return [
    ...d.nodes.map((n) => ({
      group: 'nodes' as const,
      data: nodeData(n),
      classes: [n.kind, n.origin ? 'origin' : '', n.final ? 'final' : ''].filter(Boolean).join(' '),
    })),
    ...d.edges.map((e) => ({
      group: 'edges' as const,
      data: edgeData(e, largest, labelled),
      classes: [e.kind, e.inferred ? 'inferred' : '', e.alternative ? 'alternative' : ''].filter(Boolean).join(' '),
    })),
  ];
}

const STYLE: StylesheetJson = [
  {
    selector: 'node',
    style: {
      label: 'data(label)',
      'font-size': 12,
      'font-family': 'system-ui, sans-serif',
      color: '#1c2833',
      'text-valign': 'bottom',
      'text-margin-y': 4,
      'text-wrap': 'wrap',
      'text-max-width': '100px',
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.75,
      'text-background-padding': '1px',
      'background-color': 'data(color)',
      'border-width': 1,
      'border-color': '#ffffff',
    },
  },
  { selector: 'node.port', style: { shape: 'ellipse', width: 20, height: 20 } },
  {
    selector: 'node.origin',
    style: { width: 30, height: 30, 'border-width': 3, 'border-color': '#641e16', 'font-weight': 'bold' },
  },
  {
    selector: 'node.final',
    style: { width: 26, height: 26, 'border-width': 3, 'border-color': '#154360', 'font-weight': 'bold' },
  },
  { selector: 'node.voyage', style: { shape: 'round-rectangle', width: 34, height: 16, 'font-style': 'italic' } },
  { selector: 'node.transfer', style: { shape: 'diamond', width: 24, height: 24 } },
  { selector: 'node.entity', style: { shape: 'round-octagon', width: 14, height: 14, 'font-size': 9 } },
  {
    selector: 'edge',
    style: {
      width: 'data(width)',
      'line-color': 'data(color)',
      'target-arrow-color': 'data(color)',
      'target-arrow-shape': 'triangle',
      'arrow-scale': 0.9,
      'curve-style': 'bezier',
      label: 'data(label)',
      'font-size': 10,
      'font-family': 'system-ui, sans-serif',
      color: '#34495e',
      'text-rotation': 'autorotate',
      'text-margin-y': -8,
      'text-background-color': '#ffffff',
      'text-background-opacity': 0.7,
    },
  },
  {
    selector: 'edge.load',
    style: {
      'target-label': 'data(tonnageLabel)',
      'target-text-offset': 34,
      'target-text-margin-y': -7,
      'target-text-rotation': 'none',
    },
  },
  { selector: 'edge.alternative', style: { 'line-style': 'dotted' } },
  // Inferred wins over alternative: dashed, and paler when the place is one of several as well.
  { selector: 'edge.inferred', style: { 'line-style': 'dashed', 'line-dash-pattern': [7, 4] } },
  { selector: 'edge.inferred.alternative', style: { 'line-opacity': 0.55 } },
  { selector: 'edge.at', style: { 'target-arrow-shape': 'none', 'line-style': 'solid' } },
  { selector: 'edge.link', style: { 'arrow-scale': 0.6, 'font-size': 8 } },
  {
    selector: 'node:selected',
    style: {
      'border-width': 4,
      'border-color': '#f1c40f',
      'underlay-color': '#f1c40f',
      'underlay-opacity': 0.35,
      'underlay-padding': 6,
    },
  },
  { selector: 'edge:selected', style: { 'underlay-color': '#f1c40f', 'underlay-opacity': 0.6, 'underlay-padding': 5 } },
  { selector: '.faded', style: { opacity: 0.15 } },
];

/** Nodes in reading order (left to right, then top to bottom), for keyboard navigation. */
function readingOrder(cy: Core): NodeSingular[] {
  return cy
    .nodes()
    .toArray()
    .sort((a, b) => a.position('x') - b.position('x') || a.position('y') - b.position('y'));
}

function layout(cy: Core, container: HTMLElement, drawing: Drawing): void {
  const w = Math.max(container.clientWidth, 200);
  const h = Math.max(container.clientHeight, 200);
  const wide = w >= h * 0.9;
  // Layers run left to right on a wide screen, top to bottom on a narrow one; the gaps follow the box.
  const depth = Math.max(1, ...layers(drawing).values());
  const positions = wide
    ? layeredPositions(drawing, { wide, layerGap: Math.max(95, Math.min(150, (w - 60) / depth)), nodeGap: 62 })
    : layeredPositions(drawing, { wide, layerGap: Math.max(70, Math.min(110, (h - 60) / depth)), nodeGap: 96 });
  cy.layout({
    name: 'preset',
    positions: (node: NodeSingular) => positions.get(node.id()) ?? { x: 0, y: 0 },
    fit: true,
    padding: 28,
    animate: false,
  } as cytoscape.LayoutOptions).run();
  // Keep very small graphs from being blown up to fill the whole box.
  if (cy.zoom() > 1.4) {
    cy.zoom(1.4);
    cy.center();
  }
}

/**
 * Puts the nodes an expansion added near the node it was expanded from, each in the first free spot on
 * rings of growing radius around it (starting above), so they do not land on the drawing already there.
 */
function placeAround(cy: Core, anchorId: string, added: string[]): void {
  const anchor = cy.getElementById(anchorId);
  if (anchor.empty() || added.length === 0) return;
  const { x, y } = anchor.position();
  const fresh = new Set(added);
  const taken = cy
    .nodes()
    .filter((n) => !fresh.has(n.id()))
    .map((n) => (n as NodeSingular).position());
  const clearance = 58;
  for (const id of added) {
    let spot = { x, y: y - 90 };
    search: for (let r = 90; r <= 600; r += 45) {
      const steps = Math.max(8, Math.round((2 * Math.PI * r) / clearance));
      for (let k = 0; k < steps; k++) {
        const a = -Math.PI / 2 + (k % 2 === 0 ? 1 : -1) * Math.ceil(k / 2) * ((2 * Math.PI) / steps);
        const c = { x: x + r * Math.cos(a), y: y + r * Math.sin(a) };
        if (taken.every((p) => Math.hypot(p.x - c.x, p.y - c.y) >= clearance)) {
          spot = c;
          break search;
        }
      }
    }
    cy.getElementById(id).position(spot);
    taken.push(spot);
  }
  cy.animate({ fit: { eles: cy.elements(), padding: 28 } }, { duration: 250 });
}

function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

/** The drawing as a stand-alone SVG: straight edges with arrowheads, the node shapes, the labels. */
function toSvg(cy: Core): string {
  const bb = cy.elements().boundingBox({ includeLabels: true });
  const pad = 20;
  const w = Math.ceil(bb.w + 2 * pad);
  const h = Math.ceil(bb.h + 2 * pad);
  const tx = (x: number) => (x - bb.x1 + pad).toFixed(1);
  const ty = (y: number) => (y - bb.y1 + pad).toFixed(1);
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}" font-family="system-ui, sans-serif">`,
    `<rect width="${w}" height="${h}" fill="#ffffff"/>`,
  ];
  cy.edges().forEach((e) => {
    const s = e.sourceEndpoint();
    const t = e.targetEndpoint();
    const color = String(e.data('color'));
    const width = Number(e.data('width'));
    const dash = e.hasClass('inferred')
      ? ' stroke-dasharray="7 4"'
      : e.hasClass('alternative')
        ? ' stroke-dasharray="1.5 3"'
        : '';
    const faint = e.hasClass('inferred') && e.hasClass('alternative') ? ' stroke-opacity="0.55"' : '';
    out.push(
      `<line x1="${tx(s.x)}" y1="${ty(s.y)}" x2="${tx(t.x)}" y2="${ty(t.y)}" stroke="${color}" stroke-width="${width}"${dash}${faint}/>`,
    );
    if (!e.hasClass('at')) {
      const ang = Math.atan2(t.y - s.y, t.x - s.x);
      const len = 6 + width * 1.5;
      const p = (da: number) => `${tx(t.x - len * Math.cos(ang + da))},${ty(t.y - len * Math.sin(ang + da))}`;
      out.push(`<polygon points="${tx(t.x)},${ty(t.y)} ${p(0.45)} ${p(-0.45)}" fill="${color}"/>`);
    }
    const label = String(e.data('label') ?? '');
    if (label) {
      out.push(
        `<text x="${tx((s.x + t.x) / 2)}" y="${ty((s.y + t.y) / 2 - 5)}" font-size="9" text-anchor="middle" fill="#34495e">${escapeXml(label)}</text>`,
      );
    }
    // The tonnage beside the voyage, as on screen.
    const tonnage = String(e.data('tonnageLabel') ?? '');
    if (tonnage) {
      const len = Math.hypot(t.x - s.x, t.y - s.y) || 1;
      const at = Math.min(34, len / 2);
      const lx = t.x - ((t.x - s.x) / len) * at;
      const ly = t.y - ((t.y - s.y) / len) * at - 7;
      out.push(
        `<text x="${tx(lx)}" y="${ty(ly)}" font-size="9" text-anchor="middle" fill="#34495e">${escapeXml(tonnage)}</text>`,
      );
    }
  });
  cy.nodes().forEach((n) => {
    const { x, y } = n.position();
    const w2 = n.width() / 2;
    const h2 = n.height() / 2;
    const fill = String(n.data('color'));
    const stroke = n.hasClass('origin') ? '#641e16' : n.hasClass('final') ? '#154360' : '#ffffff';
    const sw = n.hasClass('origin') || n.hasClass('final') ? 3 : 1;
    if (n.hasClass('voyage')) {
      out.push(
        `<rect x="${tx(x - w2)}" y="${ty(y - h2)}" width="${2 * w2}" height="${2 * h2}" rx="4" fill="${fill}" stroke="${stroke}" stroke-width="${sw}"/>`,
      );
    } else if (n.hasClass('transfer')) {
      out.push(
        `<polygon points="${tx(x)},${ty(y - h2)} ${tx(x + w2)},${ty(y)} ${tx(x)},${ty(y + h2)} ${tx(x - w2)},${ty(y)}" fill="${fill}" stroke="${stroke}" stroke-width="${sw}"/>`,
      );
    } else {
      out.push(
        `<circle cx="${tx(x)}" cy="${ty(y)}" r="${w2}" fill="${fill}" stroke="${stroke}" stroke-width="${sw}"/>`,
      );
    }
    const size = n.hasClass('entity') ? 9 : 11;
    const weight = n.hasClass('origin') || n.hasClass('final') ? ' font-weight="bold"' : '';
    const italic = n.hasClass('voyage') ? ' font-style="italic"' : '';
    out.push(
      `<text x="${tx(x)}" y="${ty(y + h2 + 4 + size)}" font-size="${size}" text-anchor="middle" fill="#1c2833"${weight}${italic}>${escapeXml(String(n.data('label')))}</text>`,
    );
  });
  out.push('</svg>');
  return out.join('\n');
}

export const GraphView = forwardRef<GraphHandle, Props>(function GraphView(props, ref) {
  const { drawing, generation, expansion, selection, highlightRoute, onSelect, onExpand, describedBy } = props;
  const box = useRef<HTMLDivElement>(null);
  const cyRef = useRef<Core | null>(null);
  const shownGeneration = useRef<string | null>(null);
  const callbacks = useRef({ onSelect, onExpand });
  callbacks.current = { onSelect, onExpand };

  // Create cytoscape once.
  useEffect(() => {
    const cy = cytoscape({
      container: box.current!,
      style: STYLE,
      minZoom: 0.2,
      maxZoom: 4,
      boxSelectionEnabled: false,
      selectionType: 'single',
    });
    cy.on('tap', 'node, edge', (evt) => {
      const ele = evt.target as NodeSingular | EdgeSingular; // the selector matched a node or an edge
      callbacks.current.onSelect({ id: ele.id(), group: ele.isNode() ? 'node' : 'edge' });
    });
    cy.on('tap', (evt) => {
      if (evt.target === cy) callbacks.current.onSelect(null);
    });
    cyRef.current = cy;
    shownGeneration.current = null; // a fresh instance shows nothing yet
    // Tests and curious analysts can reach the instance from the console.
    (window as unknown as { collierExplorerGraph?: Core }).collierExplorerGraph = cy;
    const resize = new ResizeObserver(() => cy.resize());
    resize.observe(box.current!);
    // Cytoscape caches where its container sits on the page and refreshes that only when the container
    // is resized or scrolled; content appearing above it (the destinations, a message) moves it without
    // either, and clicks would land beside their nodes. Refresh before every pointer gesture.
    const renderer = (
      cy as unknown as { renderer(): { invalidateContainerClientCoordsCache?: () => void } }
    ).renderer();
    const refresh = () => renderer.invalidateContainerClientCoordsCache?.();
    const gestures = ['mousedown', 'touchstart', 'wheel', 'pointerdown'] as const;
    for (const g of gestures) box.current!.addEventListener(g, refresh, { capture: true, passive: true });
    const container = box.current!;
    return () => {
      for (const g of gestures) container.removeEventListener(g, refresh, { capture: true });
      resize.disconnect();
      cy.destroy();
      cyRef.current = null;
    };
  }, []);

  // The drawing: afresh for a new trace, additions only for an expansion.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    const elements = toElements(drawing);
    if (shownGeneration.current !== generation) {
      shownGeneration.current = generation;
      cy.batch(() => {
        cy.elements().remove();
        cy.add(elements);
      });
      if (elements.length) layout(cy, box.current!, drawing);
      return;
    }
    const fresh = elements.filter((el) => cy.getElementById(String(el.data.id)).empty());
    if (fresh.length === 0) return;
    cy.batch(() => {
      cy.add(fresh.filter((el) => el.group === 'nodes'));
      cy.add(fresh.filter((el) => el.group === 'edges'));
    });
    if (expansion) placeAround(cy, expansion.anchor, expansion.added);
  }, [drawing, generation, expansion]);

  // Selection made elsewhere (the table, the map, the keyboard): mark it, and bring it into view when
  // the selection (not the drawing) changed.
  const shownSelection = useRef<Selection | null>(null);
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.elements(':selected').unselect();
    const moved = shownSelection.current !== selection;
    shownSelection.current = selection;
    if (!selection) return;
    const ele = cy.getElementById(selection.id);
    if (ele.empty()) return;
    ele.select();
    if (!moved) return;
    const ext = cy.extent();
    const bb = ele.boundingBox();
    if (bb.x1 < ext.x1 || bb.x2 > ext.x2 || bb.y1 < ext.y1 || bb.y2 > ext.y2) {
      cy.animate({ center: { eles: ele } }, { duration: 200 });
    }
  }, [selection, drawing]);

  // One route highlighted: the rest fades.
  useEffect(() => {
    const cy = cyRef.current;
    if (!cy) return;
    cy.batch(() => {
      cy.elements().removeClass('faded');
      if (!highlightRoute) return;
      const keep = new Set<string>();
      for (const n of drawing.nodes) if (n.routeIds.includes(highlightRoute)) keep.add(n.id);
      for (const e of drawing.edges) if (e.routeIds.includes(highlightRoute)) keep.add(e.id);
      cy.elements().forEach((ele) => {
        if (!keep.has(ele.id())) ele.addClass('faded');
      });
    });
  }, [highlightRoute, drawing]);

  useImperativeHandle(
    ref,
    () => ({
      png: () => cyRef.current!.png({ output: 'blob-promise', full: true, scale: 2, bg: '#ffffff' }),
      svg: () => toSvg(cyRef.current!),
      fit: () => cyRef.current?.animate({ fit: { eles: cyRef.current.elements(), padding: 24 } }, { duration: 200 }),
      zoom: (factor: number) => {
        const cy = cyRef.current;
        if (cy) cy.zoom({ level: cy.zoom() * factor, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
      },
    }),
    [],
  );

  function onKeyDown(ev: React.KeyboardEvent<HTMLDivElement>) {
    const cy = cyRef.current;
    if (!cy || cy.nodes().empty()) return;
    const order = readingOrder(cy);
    const current = selection?.group === 'node' ? order.findIndex((n) => n.id() === selection.id) : -1;
    const move = (delta: number) => {
      const next = current < 0 ? (delta > 0 ? 0 : order.length - 1) : (current + delta + order.length) % order.length;
      onSelect({ id: order[next].id(), group: 'node' });
    };
    switch (ev.key) {
      case 'ArrowRight':
      case 'ArrowDown':
        move(1);
        break;
      case 'ArrowLeft':
      case 'ArrowUp':
        move(-1);
        break;
      case 'Home': {
        const origin = cy.nodes('.origin').first();
        onSelect({ id: origin.nonempty() ? origin.id() : order[0].id(), group: 'node' });
        break;
      }
      case 'End':
        onSelect({ id: order[order.length - 1].id(), group: 'node' });
        break;
      case 'Enter':
      case ' ':
        if (current < 0) move(1);
        else onSelect({ ...selection! });
        break;
      case 'e':
      case 'E':
        if (selection) onExpand(selection.id);
        break;
      case '+':
      case '=':
        cy.zoom({ level: cy.zoom() * 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        break;
      case '-':
        cy.zoom({ level: cy.zoom() / 1.25, renderedPosition: { x: cy.width() / 2, y: cy.height() / 2 } });
        break;
      case '0':
        cy.fit(undefined, 24);
        break;
      case 'Escape':
        onSelect(null);
        break;
      default:
        return;
    }
    ev.preventDefault();
  }

  return (
    <div
      ref={box}
      className="graph-canvas"
      tabIndex={0}
      role="application"
      aria-roledescription="route graph"
      aria-label="Route graph. Arrow keys move between nodes, Home goes to the origin, E expands the selected node's neighbourhood, plus and minus zoom, 0 fits the drawing."
      aria-describedby={describedBy}
      onKeyDown={onKeyDown}
    />
  );
});
