// The shell's pieces that hold no state (main.ts passes them what they need):
// which hash keys apply before the engine loads, whether a link only opens a
// lesson, the engine as the URL parser's catalog, the status line, and the
// notices to show, the page's texts in a language.
import type { Notice } from '../controls/notice-bar';
import type { Engine } from '../engine/engine';
import { applyStrings, t, type Lang } from './i18n';
import { problemLines } from './notice-text';
import type { Catalog, PageState, Problem, ViewId } from './state';

export type LoadStatus = 'loading' | 'simd' | 'scalar' | 'error';

/** Before the engine loads only these apply (the loading screen needs them). */
export function pickEarly(p: Partial<PageState>): Partial<PageState> {
  return { ...(p.theme && { theme: p.theme }), ...(p.hide && { hide: p.hide }) };
}

/**
 * A link with lesson= and nothing that sets up a view's state (view, lang,
 * theme and hide only pick a tab and the chrome, as <nn-playground> adds
 * them): the lesson's preset applies.
 */
export function bareLesson(hash: string): boolean {
  const keys = [...new URLSearchParams(hash.replace(/^#/, '')).keys()];
  return keys.includes('lesson') && keys.every((k) => ['lesson', 'view', 'lang', 'theme', 'hide'].includes(k));
}

/** The engine's activations and their parameter ranges, as the URL parser checks them. */
export function engineCatalog(e: Engine): Catalog {
  const names = new Set(e.activationNames());
  return {
    has: (name) => names.has(name),
    paramRange: (name, param) => {
      const p = names.has(name) ? e.activationInfo(name).params.find((q) => q.name === param) : undefined;
      return p ? [p.min, p.max] : undefined;
    },
  };
}

/** Every text of the page in `lang`: the document's language and title, the [data-i18n] texts, the switch, the footer. */
export function renderChromeLang(byId: (id: string) => HTMLElement, lang: Lang, engine: Engine | null): void {
  document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
  document.title = t(lang, 'pageTitle');
  applyStrings(document, lang);
  byId('lang-switch').setAttribute('aria-label', t(lang, 'langLabel'));
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
  if (engine) byId('footer-text').textContent = t(lang, 'footer', { version: engine.version, build: t(lang, engine.simd ? 'buildSimd' : 'buildScalar') });
}

/** The masthead's build badge and the load error, if any. */
export function renderStatus(byId: (id: string) => HTMLElement, status: LoadStatus, lang: Lang, loadError: string): void {
  const key = { loading: 'loading', simd: 'statusSimd', scalar: 'statusScalar', error: 'loadFailed' } as const;
  byId('status').dataset.build = status;
  byId('status-text').textContent = t(lang, key[status]);
  const hint = status === 'simd' ? 'statusSimdHint' : status === 'scalar' ? 'statusScalarHint' : null;
  byId('status-hint').textContent = hint ? t(lang, hint) : '';
  byId('status').title = hint ? t(lang, hint) : '';
  byId('load-error').textContent = status === 'error' ? `${t(lang, 'loadFailed')} ${loadError}` : '';
}

/** The notice bar's lines: the URL's problems, each view's own, and the scalar build's note. */
export function noticeList(
  lang: Lang, problems: readonly Problem[], viewNotices: ReadonlyMap<ViewId, readonly string[]>, scalarNote: boolean,
): Notice[] {
  const list: Notice[] = [];
  if (problems.length > 0) list.push({ id: 'url', tone: 'warn', lines: problemLines(problems, lang) });
  for (const [id, lines] of viewNotices) if (lines.length > 0) list.push({ id: `view-${id}`, tone: 'warn', lines: [...lines] });
  if (scalarNote) list.push({ id: 'scalar', tone: 'info', lines: [t(lang, 'noticeScalar')] });
  return list;
}
