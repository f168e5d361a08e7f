// Page state <-> URL hash, so a link reproduces the view. Values from the URL
// are data: each is checked against its allowed set or range; anything else is
// reported as a Problem (for a visible notice) and left to the default. No DOM.
import { hashPair } from './hash-text';
import { NAME, num, numText, shorten, type Problem } from './url-values';
import { LANGS, type Lang } from './i18n';
import { isLessonId } from '../lessons/lesson-ids';
import {
  HIDEABLE, LAYOUTS, LIMITS, PARAM_NAMES, THEMES, VIEWS,
  type HideableId, type PageState, type ParamName, type ParamValues,
} from './state-schema';

export * from './state-schema';

/** What the page knows about activations, to check names and parameter ranges. */
export interface Catalog {
  has(name: string): boolean;
  paramRange(name: string, param: ParamName): readonly [number, number] | undefined;
}

export { shorten, type Problem, type ProblemReason } from './url-values';

const KEYS = ['view', 'lang', 'theme', 'layout', 'acts', 'p', 'x', 'n', 'z', 'T', 'target', 'hide', 'lesson'] as const;
type HashKey = (typeof KEYS)[number];

function oneOf<T extends string>(allowed: readonly T[], text: string): T | undefined {
  return (allowed as readonly string[]).includes(text) ? (text as T) : undefined;
}

function list(text: string): string[] {
  return text === '' ? [] : text.split(',');
}

/** A parsed value, or undefined to reject it; `dropped` lists refused items of a list value. */
type Parsed = { value?: Partial<PageState>; dropped?: string[] };

function parseActs(text: string, catalog?: Catalog): Parsed {
  const acts: string[] = [];
  const dropped: string[] = [];
  for (const item of list(text)) {
    const known = NAME.test(item) && (catalog ? catalog.has(item) : true);
    if (known && !acts.includes(item) && acts.length < LIMITS.maxActs) acts.push(item);
    else dropped.push(item);
  }
  return { value: acts.length > 0 ? { acts } : undefined, dropped };
}

function parseParams(text: string, catalog?: Catalog): Parsed {
  const params: Record<string, ParamValues> = {};
  const dropped: string[] = [];
  for (const item of list(text)) {
    const m = /^([a-z][a-z0-9_]{0,31})\.([a-z]+):(.+)$/.exec(item);
    const param = m ? oneOf(PARAM_NAMES, m[2]) : undefined;
    const v = m ? num(m[3]) : undefined;
    const range = m && param ? (catalog ? catalog.paramRange(m[1], param) : [-Infinity, Infinity]) : undefined;
    if (!m || !param || v === undefined || !range || v < range[0] || v > range[1]) {
      dropped.push(item);
      continue;
    }
    params[m[1]] = { ...params[m[1]], [param]: v };
  }
  // RReLU draws its slope from [lower, upper]: an inverted pair is refused.
  for (const [name, p] of Object.entries(params)) {
    if (p.lower !== undefined && p.upper !== undefined && p.lower > p.upper) {
      dropped.push(`${name}.lower:${p.lower}`, `${name}.upper:${p.upper}`);
      delete params[name];
    }
  }
  return { value: Object.keys(params).length > 0 ? { params } : undefined, dropped };
}

function parseKey(key: HashKey, text: string, catalog?: Catalog): Parsed {
  const wrap = (value: Partial<PageState> | undefined): Parsed => ({ value });
  switch (key) {
    case 'view': {
      const view = oneOf(VIEWS, text);
      return wrap(view && { view });
    }
    case 'lang': {
      const lang = oneOf(LANGS as readonly Lang[], text);
      return wrap(lang && { lang });
    }
    case 'theme': {
      const theme = oneOf(THEMES, text);
      return wrap(theme && { theme });
    }
    case 'layout': {
      const layout = oneOf(LAYOUTS, text);
      return wrap(layout && { layout });
    }
    case 'acts':
      return parseActs(text, catalog);
    case 'p':
      return parseParams(text, catalog);
    case 'x': {
      const [a, b, extra] = list(text).map(num);
      const ok = a !== undefined && b !== undefined && extra === undefined && text.split(',').length === 2
        && a >= -LIMITS.xAbs && b <= LIMITS.xAbs && b - a >= LIMITS.minSpan;
      return wrap(ok ? { xRange: [a, b] } : undefined);
    }
    case 'n': {
      const n = num(text);
      const ok = n !== undefined && Number.isInteger(n) && n >= LIMITS.chainMin && n <= LIMITS.chainMax;
      return wrap(ok ? { chainN: n } : undefined);
    }
    case 'z': {
      const zs = list(text).map(num);
      const ok = zs.length >= LIMITS.minLogits && zs.length <= LIMITS.maxLogits
        && zs.every((z) => z !== undefined && Math.abs(z) <= LIMITS.logitAbs);
      return wrap(ok ? { logits: zs as number[] } : undefined);
    }
    case 'T': {
      const tv = num(text);
      const ok = tv !== undefined && tv >= LIMITS.tMin && tv <= LIMITS.tMax;
      return wrap(ok ? { temperature: tv } : undefined);
    }
    case 'target': {
      const target = num(text);
      const ok = target !== undefined && Number.isInteger(target) && target >= 0 && target < LIMITS.maxLogits;
      return wrap(ok ? { target } : undefined);
    }
    case 'hide': {
      const hide: HideableId[] = [];
      const dropped: string[] = [];
      for (const item of list(text)) {
        const id = oneOf(HIDEABLE, item);
        if (id && !hide.includes(id)) hide.push(id);
        else if (!id) dropped.push(item);
      }
      return { value: { hide }, dropped };
    }
    case 'lesson':
      return wrap(isLessonId(text) ? { lesson: text } : undefined);
  }
}

export interface ParsedHash {
  state: Partial<PageState>;
  problems: Problem[];
  /** Values of keys a view owns (ViewEntry.hashKeys), passed on unchecked. */
  owned: URLSearchParams;
}

/** Every valid value in the hash, and a Problem for each one that was not. */
export function parseHashDetailed(hash: string, catalog?: Catalog, ownedKeys?: ReadonlySet<string>): ParsedHash {
  const state: Partial<PageState> = {};
  const problems: Problem[] = [];
  const owned = new URLSearchParams();
  let params: URLSearchParams;
  try {
    params = new URLSearchParams(hash.replace(/^#/, ''));
  } catch {
    return { state, problems: [{ key: '#', value: shorten(hash), reason: 'badValue' }], owned };
  }
  for (const [key, text] of params) {
    const known = oneOf(KEYS, key);
    if (!known && ownedKeys?.has(key)) {
      owned.append(key, text);
    } else if (!known) {
      problems.push({ key: shorten(key, 24), value: shorten(text), reason: 'unknownKey' });
    } else if (text.length > LIMITS.valueChars) {
      problems.push({ key, value: shorten(text), reason: 'tooLong' });
    } else {
      const { value, dropped = [] } = parseKey(known, text, catalog);
      if (value) Object.assign(state, value);
      else problems.push({ key, value: shorten(text), reason: 'badValue' });
      if (value) for (const item of dropped) problems.push({ key, value: shorten(item), reason: 'droppedItem' });
    }
  }
  return { state, problems, owned };
}

/** The valid values in a hash (no catalog: activation names are only checked for shape). */
export function parseHash(hash: string): Partial<PageState> {
  return parseHashDetailed(hash).state;
}

/** One value as it appears in the hash, or undefined when the field is absent or at its quiet default. */
export function hashValue(key: HashKey, s: Partial<PageState>): string | undefined {
  switch (key) {
    case 'view': return s.view;
    case 'lang': return s.lang;
    case 'theme': return s.theme === 'auto' ? undefined : s.theme;
    case 'layout': return s.layout;
    case 'acts': return s.acts?.join(',');
    case 'p': {
      const names = s.acts ?? Object.keys(s.params ?? {});
      const items = names.flatMap((name) =>
        Object.entries(s.params?.[name] ?? {}).map(([p, v]) => `${name}.${p}:${numText(v)}`));
      return items.length > 0 ? items.join(',') : undefined;
    }
    case 'x': return s.xRange?.map(numText).join(',');
    case 'n': return s.chainN === undefined ? undefined : String(s.chainN);
    case 'z': return s.logits?.map(numText).join(',');
    case 'T': return s.temperature === undefined ? undefined : numText(s.temperature);
    case 'target': return s.target === undefined ? undefined : String(s.target);
    case 'hide': return s.hide && s.hide.length > 0 ? s.hide.join(',') : undefined;
    case 'lesson': return s.lesson ?? undefined;
  }
}

export function isHashKey(key: string): key is HashKey {
  return (KEYS as readonly string[]).includes(key);
}


/** Keys every link keeps; the others belong to one view, and a link for another view leaves them out. */
const GLOBAL_KEYS: readonly HashKey[] = ['view', 'lang', 'theme', 'hide', 'lesson'];
const VIEW_KEYS: Readonly<Record<string, readonly HashKey[]>> = {
  explore: ['acts', 'p', 'layout', 'x', 'n'],
  softmax: ['z', 'T', 'target'],
};

/**
 * The hash for the given fields in a fixed key order, then any view-owned
 * values. With a view, only its own keys and the global ones are written
 * (a studio link carries no explorer keys).
 */
export function toHash(s: Partial<PageState>, owned?: URLSearchParams): string {
  const parts: string[] = [];
  const mine = s.view === undefined ? null : (VIEW_KEYS[s.view] ?? []);
  for (const key of KEYS) {
    if (mine && !GLOBAL_KEYS.includes(key) && !mine.includes(key)) continue;
    const v = hashValue(key, s);
    if (v !== undefined) parts.push(hashPair(key, v));
  }
  for (const [key, v] of owned ?? []) if (!isHashKey(key)) parts.push(hashPair(key, v));
  return `#${parts.join('&')}`;
}
