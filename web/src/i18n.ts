// Every user-visible string in both languages (strings/*.ts). Elements carry
// data-i18n="key" (text) or data-i18n-label="key" (aria-label) and are filled
// through textContent / setAttribute, never as markup; code asks t(lang, key).
import { A11Y_STRINGS } from './strings/a11y';
import { EMBED_STRINGS } from './strings/embed';
import { EXPLORE_STRINGS } from './strings/explore';
import { SHELL_STRINGS } from './strings/shell';
import { SOFTMAX_STRINGS } from './strings/softmax';
import { TRAIN_STRINGS } from './strings/train';
import { TRAIN_EXTRA_STRINGS } from './strings/train-extras';
import { TRAIN_PRESET_STRINGS } from './strings/train-presets';
import type { Lang } from './lang';

export { LANGS, type Lang } from './lang';

/** Every table, in one list so a test can check no key is defined twice (a spread would silently keep the last). */
export const STRING_TABLES = [
  SHELL_STRINGS, EXPLORE_STRINGS, SOFTMAX_STRINGS, EMBED_STRINGS, TRAIN_STRINGS, TRAIN_PRESET_STRINGS, TRAIN_EXTRA_STRINGS, A11Y_STRINGS,
] as const;

const STRINGS = {
  ...SHELL_STRINGS, ...EXPLORE_STRINGS, ...SOFTMAX_STRINGS, ...EMBED_STRINGS, ...TRAIN_STRINGS, ...TRAIN_PRESET_STRINGS, ...TRAIN_EXTRA_STRINGS, ...A11Y_STRINGS,
} as const;

export type StringKey = keyof typeof STRINGS;
export const STRING_KEYS = Object.keys(STRINGS) as StringKey[];

export function isStringKey(key: string): key is StringKey {
  return Object.hasOwn(STRINGS, key);
}

/** The string for `key`, with {placeholders} filled from `vars` as plain text. */
export function t(lang: Lang, key: StringKey, vars: Readonly<Record<string, string>> = {}): string {
  return STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
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
