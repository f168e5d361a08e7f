// Every user-visible string in both languages (strings/*.ts). Elements carry
// data-i18n="key" (text) or data-i18n-label="key" (aria-label) and are filled
// through textContent / setAttribute, never as markup; code asks t(lang, key).
import { A11Y_STRINGS } from '../strings/a11y';
import { EMBED_STRINGS } from '../strings/embed';
import { EXPLORE_STRINGS } from '../strings/explore';
import type { LESSON_PROBLEM_STRINGS } from '../strings/lesson-problems';
import { LESSON_STRINGS } from '../strings/lessons';
import { SHELL_STRINGS } from '../strings/shell';
import { SOFTMAX_STRINGS } from '../strings/softmax';
import type { TRAIN_STRINGS } from '../strings/train';
import type { TRAIN_EXTRA_STRINGS } from '../strings/train-extras';
import type { TRAIN_PRESET_STRINGS } from '../strings/train-presets';
import type { Lang } from './lang';

export { LANGS, type Lang } from './lang';

/** The tables every view needs; the studio's arrive with its chunk (strings/studio.ts registers them). */
export const BASE_TABLES = [SHELL_STRINGS, EXPLORE_STRINGS, SOFTMAX_STRINGS, EMBED_STRINGS, A11Y_STRINGS, LESSON_STRINGS] as const;

type Entry = { readonly en: string; readonly zh: string };
type StudioKey = keyof typeof TRAIN_STRINGS | keyof typeof TRAIN_PRESET_STRINGS | keyof typeof TRAIN_EXTRA_STRINGS;
/** A lesson file's problems, registered by lessons/format/problem-text.ts. */
type LessonProblemKey = keyof typeof LESSON_PROBLEM_STRINGS;
// keyof a union is only the shared keys: distribute over the tables for all of them.
type KeysOf<T> = T extends object ? keyof T : never;
export type StringKey = KeysOf<(typeof BASE_TABLES)[number]> | StudioKey | LessonProblemKey;

// A third of all strings are the studio's: the first load of the other views does not carry them.
const STRINGS: Partial<Record<StringKey, Entry>> = Object.assign({}, ...BASE_TABLES);

/** Adds tables that arrive with a lazily loaded chunk (keys are typed from them already). */
export function addStrings(...tables: readonly Readonly<Record<string, Entry>>[]): void {
  for (const table of tables) Object.assign(STRINGS, table);
}

export function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(STRINGS, key);
}

/** The string for `key`, with {placeholders} filled from `vars` as plain text. */
export function t(lang: Lang, key: StringKey, vars: Readonly<Record<string, string>> = {}): string {
  const entry = STRINGS[key];
  // A studio key asked for before the studio's chunk registered it: the key is the honest placeholder.
  if (!entry) return key;
  return entry[lang].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}

/** 'zh' for any Chinese browser language, else 'en'. */
export function detectLang(languages: readonly string[]): Lang {
  for (const l of languages) {
    const tag = l.toLowerCase();
    if (tag.startsWith('zh')) return 'zh';
    if (tag.startsWith('en')) return 'en';
  }
  return 'en';
}

/** Fills every [data-i18n] / [data-i18n-label] element under root. */
export function applyStrings(root: ParentNode, lang: Lang): void {
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const key = el.dataset.i18n ?? '';
    if (isStringKey(key)) el.textContent = t(lang, key);
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-label]')) {
    const key = el.dataset.i18nLabel ?? '';
    if (isStringKey(key)) el.setAttribute('aria-label', t(lang, key));
  }
}
