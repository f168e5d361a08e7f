// Geometry of the network diagram, apart from its drawing: where each unit
// sits (a column per layer, at most MAX_SHOWN units each), what is under a
// point (a unit, or a link: the drawn bezier is close to a smoothstep between
// its ends), what a unit or link reports when hovered or focused, and how the
// arrow keys move the focus.
import type { NetworkView } from '../../../engine/engine';
import { weightOf } from './thumbs';

export const MAX_SHOWN = 10;

export type DiagramHover =
  | { kind: 'unit'; layer: number; unit: number; bias: number; value: number }
  | { kind: 'link'; layer: number; from: number; to: number; weight: number }
  | null;

export interface Node { x: number; y: number; s: number; col: number; unit: number }

/** The unit picked with the arrow keys (column ≥ 1); `from` ≥ 0: its link from that unit (Shift+↑/↓). */
export interface Focus { col: number; unit: number; from?: number }

/** Nodes for columns of `cols` units over a w × h box (each column centred, units as large as fit). */
export function layoutColumns(cols: readonly number[], w: number, h: number): Node[][] {
  const colW = w / Math.max(1, cols.length);
  const maxN = Math.max(1, ...cols);
  const s = Math.max(10, Math.min(34, colW * 0.5, ((h - 24) / maxN) * 0.78));
  return cols.map((n, c) => {
    const gap = Math.min((h - 24) / Math.max(1, n), s * 1.6);
    const y0 = h / 2 - ((n - 1) * gap) / 2 - 6;
    return Array.from({ length: n }, (_, u) => ({ x: colW * (c + 0.5), y: y0 + u * gap, s, col: c, unit: u }));
  });
}

/** A unit's report: its bias and its value (activation, or the network's output in the last column). */
export function unitHover(v: NetworkView | null, nodes: Node[][], col: number, unit: number): DiagramHover {
  if (!v) return null;
  const layer = v.layers[col - 1];
  const last = col === nodes.length - 1;
  const value = last ? (v.output[unit] ?? NaN) : (layer?.a[unit] ?? NaN);
  return { kind: 'unit', layer: col - 1, unit, bias: layer?.b[unit] ?? NaN, value };
}

/** The focused unit's report, or its focused link's. */
export function focusHover(v: NetworkView | null, nodes: Node[][], f: Focus | null): DiagramHover {
  const layer = f && v?.layers[f.col - 1];
  if (!f || !layer) return null;
  const from = nodes[f.col - 1]?.[f.from ?? -1];
  if (!from) return unitHover(v, nodes, f.col, f.unit);
  return { kind: 'link', layer: f.col - 1, from: from.unit, to: f.unit, weight: weightOf(layer, from.unit, f.unit) };
}

/** The unit or link at (x, y) (units win: they sit on the links' ends). */
export function hitAt(v: NetworkView | null, nodes: Node[][], x: number, y: number): DiagramHover {
  if (!v) return null;
  for (const col of nodes) {
    for (const n of col) {
      if (Math.abs(x - n.x) <= n.s / 2 + 2 && Math.abs(y - n.y) <= n.s / 2 + 2 && n.col > 0) return unitHover(v, nodes, n.col, n.unit);
    }
  }
  for (let l = 0; l < v.layers.length; l++) {
    for (const a of nodes[l] ?? []) {
      for (const b of nodes[l + 1] ?? []) {
        if (x < a.x || x > b.x) continue;
        const t = (x - a.x) / (b.x - a.x);
        const yy = a.y + (b.y - a.y) * t * t * (3 - 2 * t);
        if (Math.abs(y - yy) < 3) return { kind: 'link', layer: l, from: a.unit, to: b.unit, weight: weightOf(v.layers[l], a.unit, b.unit) };
      }
    }
  }
  return null;
}

/**
 * The focus after a key: arrows walk the units (left/right: layers, up/down:
 * units); Shift+↑/↓ walks the links into the focused unit, past either end
 * back to the unit. undefined: the key does not move the focus.
 */
export function moveFocus(nodes: Node[][], f: Focus | null, key: string, shift: boolean): Focus | undefined {
  if (shift && (key === 'ArrowUp' || key === 'ArrowDown') && f) {
    const n = nodes[f.col - 1]?.length ?? 0;
    const k = (f.from ?? -1) + (key === 'ArrowDown' ? 1 : -1);
    const next = k < -1 ? n - 1 : k >= n ? -1 : k;
    return { col: f.col, unit: f.unit, from: next >= 0 ? next : undefined };
  }
  const moves: Record<string, [number, number]> = { ArrowLeft: [-1, 0], ArrowRight: [1, 0], ArrowUp: [0, -1], ArrowDown: [0, 1] };
  const mv = moves[key];
  if (!mv || nodes.length < 2) return undefined;
  const at = f ?? { col: 1, unit: 0 };
  const col = Math.max(1, Math.min(nodes.length - 1, at.col + mv[0]));
  const size = nodes[col]?.length ?? 1;
  const unit = Math.max(0, Math.min(size - 1, mv[0] !== 0 ? Math.min(at.unit, size - 1) : at.unit + mv[1]));
  return { col, unit };
}
