// The <nn-playground> attributes and how they become the embed page's URL hash.
// Attribute values are data: they only ever travel as URLSearchParams values
// (the embed page checks them against its own allowed sets and shows a notice
// for a bad one). What the element owns itself (controls, height, params) is
// checked here; each refusal becomes a Problem shown inside the element.
import { HIDEABLE, VIEWS, type HideableId, type ViewId } from '../app/state-schema';

export const ATTRIBUTES = ['lesson', 'lesson-src', 'view', 'lang', 'theme', 'controls', 'height', 'params'] as const;
export type AttributeName = (typeof ATTRIBUTES)[number];

/** Hash keys that have an attribute of their own, so `params` may not set them. */
const OWN_KEYS = ['lesson', 'view', 'lang', 'theme', 'hide'];

/** controls="minimal": per view, what is hidden to leave only the essentials. */
export const MINIMAL: Record<ViewId, readonly HideableId[]> = {
  explore: ['tabs', 'lang', 'theme', 'layout', 'range', 'readout', 'formulas', 'chain'],
  softmax: ['tabs', 'lang', 'theme', 'presets', 'naive', 'logsoftmax', 'jacobian', 'target'],
  train: [
    'tabs', 'lang', 'theme', 'train-intro', 'train-editor', 'train-digits', 'train-confusion', 'train-compare', 'train-export',
  ],
};

export const HEIGHT = { min: 200, max: 4000, autoMin: 240, autoMax: 4000, initial: 560 } as const;
const MAX_ATTR = 2000;

export type ProblemKind = 'badAttr' | 'badItem';
export interface AttrProblem {
  key: AttributeName;
  /** The refused text, shortened (shown with textContent). */
  value: string;
  kind: ProblemKind;
  /** What is used instead, for badAttr. */
  fallback: string;
}

export interface EmbedOptions {
  hash: URLSearchParams;
  /** A fixed height in px, or null to follow the content. */
  height: number | null;
  problems: AttrProblem[];
}

function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function hideList(controls: string | null, view: ViewId, lesson: boolean, problems: AttrProblem[]): HideableId[] {
  const text = (controls ?? 'full').trim();
  if (text === 'full' || text === '') return [];
  // Without a lesson to follow, the lessons panel is not essential either.
  if (text === 'minimal') return lesson ? [...MINIMAL[view]] : [...MINIMAL[view], 'lessons'];
  if (text.length > MAX_ATTR) {
    problems.push({ key: 'controls', value: shorten(text), kind: 'badAttr', fallback: 'full' });
    return [];
  }
  const hide: HideableId[] = [];
  for (const item of text.split(',').map((s) => s.trim()).filter((s) => s !== '')) {
    const id = (HIDEABLE as readonly string[]).includes(item) ? (item as HideableId) : undefined;
    if (id && !hide.includes(id)) hide.push(id);
    else if (!id) problems.push({ key: 'controls', value: shorten(item), kind: 'badItem', fallback: '' });
  }
  if (hide.length === 0) problems.push({ key: 'controls', value: shorten(text), kind: 'badAttr', fallback: 'full' });
  return hide;
}

function parseHeight(text: string | null, problems: AttrProblem[]): number | null {
  if (text === null || text.trim() === '' || text.trim() === 'auto') return null;
  const m = /^\s*(\d{1,5})(px)?\s*$/.exec(text);
  const v = m ? Number(m[1]) : NaN;
  if (v >= HEIGHT.min && v <= HEIGHT.max) return v;
  problems.push({ key: 'height', value: shorten(text), kind: 'badAttr', fallback: 'auto' });
  return null;
}

/** Extra hash keys (the studio's, say) as a query string: "data=xor&lr=0.03". */
function extraParams(text: string | null, problems: AttrProblem[]): URLSearchParams {
  const out = new URLSearchParams();
  if (text === null || text.trim() === '') return out;
  if (text.length > MAX_ATTR) {
    problems.push({ key: 'params', value: shorten(text), kind: 'badAttr', fallback: '—' });
    return out;
  }
  for (const [key, value] of new URLSearchParams(text.trim().replace(/^[?#]/, ''))) {
    if (OWN_KEYS.includes(key) || !/^[A-Za-z][A-Za-z0-9_]{0,23}$/.test(key)) {
      problems.push({ key: 'params', value: shorten(key), kind: 'badItem', fallback: '' });
    } else out.append(key, value);
  }
  return out;
}

/**
 * The hash for the embed page from the element's attributes. view, lang, theme
 * and lesson pass through unchanged: the page knows their allowed values and
 * reports a bad one in its own notice bar.
 */
export function embedOptions(get: (name: AttributeName) => string | null): EmbedOptions {
  const problems: AttrProblem[] = [];
  const hash = new URLSearchParams();
  const view = get('view');
  const knownView = (VIEWS as readonly string[]).includes(view ?? '') ? (view as ViewId) : 'explore';
  for (const key of ['view', 'lang', 'theme', 'lesson'] as const) {
    const v = get(key);
    if (v !== null) hash.set(key, v);
  }
  const hide = hideList(get('controls'), knownView, get('lesson') !== null, problems);
  if (hide.length > 0) hash.set('hide', hide.join(','));
  for (const [k, v] of extraParams(get('params'), problems)) hash.append(k, v);
  return { hash, height: parseHeight(get('height'), problems), problems };
}

