// The page state as typed plain data: its shape, limits and defaults. No DOM.
// state.ts reads and writes it through the URL hash.
import type { Lang } from './i18n';
import type { LessonId } from '../lessons/lesson-ids';

export const VIEWS = ['explore', 'softmax', 'train'] as const;
export type ViewId = (typeof VIEWS)[number];

/** 'figure' is the preset that shows the article's six-panel figure. */
export const LAYOUTS = ['overlay', 'figure'] as const;
export type Layout = (typeof LAYOUTS)[number];

export const THEMES = ['auto', 'light', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const PARAM_NAMES = ['alpha', 'lower', 'upper'] as const;
export type ParamName = (typeof PARAM_NAMES)[number];
export type ParamValues = Partial<Record<ParamName, number>>;

/** Controls that hide=a,b,c removes (each element carries data-control="id"). */
export const HIDEABLE = [
  'tabs', 'lang', 'theme', 'layout', 'picker', 'range', 'params', 'readout', 'formulas', 'chain',
  'presets', 'logits', 'temperature', 'percentages', 'naive', 'logsoftmax', 'jacobian', 'target',
  // The training studio's panels (web/src/views/train/).
  'train-intro', 'train-presets', 'train-transport', 'train-data', 'train-network', 'train-diagram', 'train-editor',
  'train-output', 'train-units', 'train-digits', 'train-hyper', 'train-curves', 'train-layers', 'train-confusion',
  'train-compare', 'train-export',
  // The lessons panel (web/src/lessons/).
  'lessons',
] as const;
export type HideableId = (typeof HIDEABLE)[number];

export interface PageState {
  view: ViewId;
  lang: Lang;
  theme: Theme;
  /** Explorer: selected activations in draw order (colour and dash follow the order). */
  acts: string[];
  layout: Layout;
  /** Parameter overrides by activation name; missing ones take the core's defaults. */
  params: Record<string, ParamValues>;
  xRange: [number, number];
  /** Layers in the chain view. */
  chainN: number;
  /** Softmax lab. */
  logits: number[];
  temperature: number;
  target: number;
  hide: HideableId[];
  /** The open lesson (lessons/lesson-ids.ts), or null. */
  lesson: LessonId | null;
}

export const LIMITS = {
  maxActs: 6,
  xAbs: 100,
  minSpan: 0.1,
  chainMin: 1,
  chainMax: 20,
  minLogits: 2,
  maxLogits: 10,
  logitAbs: 10000,
  tMin: 0.1,
  tMax: 10,
  /** Longest URL value read at all; longer ones are refused unread. */
  valueChars: 400,
} as const;

/** The index of the largest logit (the first one on ties). */
export function argmax(values: readonly number[]): number {
  let best = 0;
  for (let i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
  return best;
}

export function defaultState(lang: Lang): PageState {
  const logits = [2, 3, 5];
  return {
    view: 'explore',
    lang,
    theme: 'auto',
    acts: ['sigmoid', 'tanh', 'relu'],
    layout: 'overlay',
    params: {},
    xRange: [-6, 6],
    chainN: 5,
    logits,
    temperature: 1,
    target: argmax(logits),
    hide: [],
    lesson: null,
  };
}

/** Keeps cross-field invariants after any change: the target is a valid class. */
export function normalize(state: PageState): PageState {
  const inRange = Number.isInteger(state.target) && state.target >= 0 && state.target < state.logits.length;
  return inRange ? state : { ...state, target: argmax(state.logits) };
}
