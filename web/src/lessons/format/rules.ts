// A lesson file's checks, validated (lesson-file.ts), and how they run: each
// stage's condition is evaluated on the latest observation; a stage passes
// at most once per observation, so the student sees each one pass. A stage
// may remember values for later ones; "atStart" and "atStage" read a fact as
// it was when the lesson opened or when the previous stage passed.
import type { Lang } from '../../app/i18n';
import { list, num, pct, type Check, type CheckView } from '../check';
import { FACTS, LAYER_FACTS, pickLayers, type FactValue, type LayerPick, type Obs } from './facts';

export type Texts = Readonly<Record<Lang, string>>;

export interface FactRef {
  fact: string;
  layer?: LayerPick;
  abs?: boolean;
  times?: number;
}
export type Operand =
  | { kind: 'literal'; value: FactValue }
  | { kind: 'fact'; ref: FactRef; at: 'now' | 'start' | 'stage' }
  | { kind: 'remembered'; name: string };

export const OPS = ['<', '<=', '>', '>=', '=', '!=', 'in', 'has', 'hasAll', 'hasAny', 'onlyOf', 'near', 'shiftOf'] as const;
export type Op = (typeof OPS)[number];

export type Cond =
  | { kind: 'all'; items: Cond[] }
  | { kind: 'any'; items: Cond[] }
  | { kind: 'not'; item: Cond }
  | { kind: 'compare'; left: FactRef; op: Op; right: Operand };

export interface StageDef {
  text: Texts;
  when: Cond;
  remember: Readonly<Record<string, FactRef>>;
}

export const FORMATS = ['number', 'percent', 'list', 'text'] as const;
export interface ValueDef {
  source: Operand;
  format: (typeof FORMATS)[number];
}

/** Reads a fact from one observation; per-layer facts reduced by their pick. */
function read(ref: FactRef, o: Obs): FactValue | number[] {
  let v: FactValue | number[];
  const layers = LAYER_FACTS[ref.fact];
  if (layers) {
    const all = layers(o);
    v = all ? pickLayers(all, ref.layer ?? 'max') : undefined;
  } else v = FACTS[ref.fact]?.(o);
  if (ref.abs) v = typeof v === 'number' ? Math.abs(v) : Array.isArray(v) ? (v as number[]).map((x) => Math.abs(x)) : v;
  if (ref.times !== undefined) v = typeof v === 'number' ? v * ref.times : Array.isArray(v) ? (v as number[]).map((x) => x * ref.times!) : v;
  return v;
}

interface Memory {
  start: Obs | null;
  stage: Obs | null;
  saved: Record<string, FactValue | number[]>;
}

function operand(x: Operand, o: Obs, mem: Memory): FactValue | number[] {
  if (x.kind === 'literal') return x.value;
  if (x.kind === 'remembered') return mem.saved[x.name];
  const at = x.at === 'now' ? o : x.at === 'start' ? mem.start : mem.stage;
  return at ? read(x.ref, at) : undefined;
}

const isNums = (v: unknown): v is number[] => Array.isArray(v) && v.every((x) => typeof x === 'number');
const asList = (v: unknown): readonly unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

function compare(a: unknown, op: Op, b: unknown): boolean {
  switch (op) {
    case '<': return typeof a === 'number' && typeof b === 'number' && a < b;
    case '<=': return typeof a === 'number' && typeof b === 'number' && a <= b;
    case '>': return typeof a === 'number' && typeof b === 'number' && a > b;
    case '>=': return typeof a === 'number' && typeof b === 'number' && a >= b;
    case '=': return a !== undefined && (Array.isArray(a) ? JSON.stringify(a) === JSON.stringify(b) : a === b);
    case '!=': return a !== undefined && b !== undefined && !compare(a, '=', b);
    case 'in': return a !== undefined && asList(b).includes(a);
    case 'has': return Array.isArray(a) && a.includes(b);
    case 'hasAll': return Array.isArray(a) && asList(b).every((x) => a.includes(x));
    case 'hasAny': return Array.isArray(a) && asList(b).some((x) => a.includes(x));
    case 'onlyOf': return Array.isArray(a) && a.length > 0 && a.every((x) => asList(b).includes(x));
    case 'near': return isNums(a) && isNums(b) && a.length === b.length && a.every((v, i) => Math.abs(v - b[i]) <= 1e-6);
    case 'shiftOf': {
      // a = b − c for one constant c ≠ 0 (to 1e-6 of b's scale).
      if (!isNums(a) || !isNums(b) || a.length !== b.length || a.length === 0) return false;
      const c = b[0] - a[0];
      const tol = 1e-6 * Math.max(...b.map(Math.abs));
      return c !== 0 && a.every((v, i) => Math.abs(b[i] - v - c) <= tol);
    }
  }
}

export function holds(c: Cond, o: Obs, mem: Memory): boolean {
  if (c.kind === 'all') return c.items.every((x) => holds(x, o, mem));
  if (c.kind === 'any') return c.items.some((x) => holds(x, o, mem));
  if (c.kind === 'not') return !holds(c.item, o, mem);
  const left = read(c.left, o);
  const right = operand(c.right, o, mem);
  // "every" and "any" layer picks quantify the comparison over the hidden layers.
  if (c.left.layer === 'every' || c.left.layer === 'any') {
    const values = asList(left);
    const test = (v: unknown) => compare(v, c.op, right);
    return c.left.layer === 'every' ? values.length > 0 && values.every(test) : values.some(test);
  }
  return compare(left, c.op, right);
}

function format(v: unknown, how: ValueDef['format']): string {
  if (v === undefined) return '—';
  if (how === 'percent') return typeof v === 'number' ? pct(v) : isNums(v) ? v.map(pct).join(', ') : '—';
  if (how === 'list' && isNums(v)) return list(v.filter((x) => Number.isFinite(x)), 3) || '—';
  if (typeof v === 'number') return num(v, 3);
  if (isNums(v)) return list(v, 3);
  if (Array.isArray(v)) return v.join(', ') || '—';
  return String(v);
}

/** A fresh check for a file lesson's stages. */
export function rulesCheck(stages: readonly StageDef[], values: Readonly<Record<string, ValueDef>>): Check & { see(o: Obs): void } {
  let stage = 0;
  let shown: Record<string, string> = {};
  const mem: Memory = { start: null, stage: null, saved: {} };
  return {
    stages: stages.length,
    see(o) {
      mem.start ??= o;
      mem.stage ??= o;
      const now = stages[stage];
      if (now && holds(now.when, o, mem)) {
        for (const [name, ref] of Object.entries(now.remember)) mem.saved[name] = read(ref, o);
        mem.stage = o;
        stage += 1;
      }
      shown = Object.fromEntries(Object.entries(values).map(([k, d]) => [k, format(operand(d.source, o, mem), d.format)]));
    },
    view: (): CheckView => ({ stage, done: stage >= stages.length, values: shown }),
  };
}
