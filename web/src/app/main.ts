// Wires the page: URL state, language and theme, engine loading with its
// status, the tab bar and the views, notices. The only module that holds
// mutable page state; views and controls change it through commit().
import './page-styles';
import { NoticeBar } from '../controls/notice-bar';
import { TabBar } from '../controls/tab-bar';
import { onSchemeChange } from '../charts/theme';
import { debugSnapshot, type DebugSnapshot } from './debug';
import { loadEngine, type Engine } from '../engine/engine';
import { applyStrings, detectLang, t, type Lang } from './i18n';
import { bareLesson, engineCatalog, noticeList, pickEarly, renderChromeLang, renderStatus, type LoadStatus } from './shell-parts';
import {
  defaultState, normalize, parseHash, parseHashDetailed, toHash, VIEWS,
  type Catalog, type PageState, type Problem, type ViewId,
} from './state';
import { ExploreView } from '../views/explore/explore-view';
import { SoftmaxView } from '../views/softmax/softmax-view';
import { lazyTrainViewEntry, prefetchTrainView } from '../views/train/lazy-train-entry';
import { emitAppEvent } from './app-events';
import { HashWriter, windowAddress } from './hash-writer';
import { LazyLessons } from '../lessons/lazy-lessons';
import { setupEmbedding } from '../embed/page-hook';
import type { View, ViewContext, ViewEntry } from '../views/view';

declare global {
  interface Window {
    readonly __nnplayDebug?: DebugSnapshot;
  }
}

// The tabs of this build, in order. The training studio registers 'train' here.
const VIEW_ENTRIES: Partial<Record<ViewId, ViewEntry>> = {
  explore: { tab: 'tabExplore', create: (parent, ctx) => new ExploreView(parent, ctx) },
  softmax: { tab: 'tabSoftmax', create: (parent, ctx) => new SoftmaxView(parent, ctx) },
  train: lazyTrainViewEntry,
};

const byId = (id: string): HTMLElement => {
  const node = document.getElementById(id);
  if (!node) throw new Error(`#${id} missing from index.html`);
  return node;
};
const darkQuery = matchMedia('(prefers-color-scheme: dark)');

const early = parseHash(location.hash);
let state: PageState = { ...defaultState(early.lang ?? detectLang(navigator.languages)), ...pickEarly(early) };
let engine: Engine | null = null;
let catalog: Catalog | undefined;
let problems: Problem[] = [];
/** URL values of keys the views own (ViewEntry.hashKeys), kept verbatim. */
let owned = new URLSearchParams();
const viewNotices = new Map<ViewId, readonly string[]>();
// lesson-src= (a lesson file's address) is the lessons panel's, kept verbatim like a view's keys.
const ownedKeys = new Set([...Object.values(VIEW_ENTRIES).flatMap((entry) => entry?.hashKeys ?? []), 'lesson-src']);
let scalarDismissed = false;
let status: LoadStatus = 'loading';
let loadError = '';
let tabs: TabBar | null = null;
let notices: NoticeBar | null = null;
let lessons: LazyLessons | null = null;
const views = new Map<ViewId, View>();
let shownLang: Lang | null = null;
let shownDark: boolean | null = null;
let frame = 0;
let urlTimer = 0;
const address = new HashWriter(windowAddress);

function commit(patch: Partial<PageState>): void {
  state = normalize({ ...state, ...patch });
  scheduleRender();
  clearTimeout(urlTimer);
  // Debounced: Chromium warns (and throttles) past ~100 history calls in 10 s.
  urlTimer = window.setTimeout(writeUrl, 250);
}

function writeUrl(): void {
  // A link carries the keys of the view it shows (and the global ones).
  const own = new Set(VIEW_ENTRIES[state.view]?.hashKeys ?? []);
  const hash = toHash(state, new URLSearchParams([...owned].filter(([k]) => own.has(k))));
  address.write(hash);
}

/** Reads the whole hash against the engine's catalog; bad values become notices. */
function readHash(): void {
  const parsed = parseHashDetailed(location.hash, catalog, ownedKeys);
  owned = parsed.owned;
  const found = [...parsed.problems];
  const next = normalize({ ...defaultState(parsed.state.lang ?? state.lang), ...parsed.state });
  if (parsed.state.target !== undefined && next.target !== parsed.state.target) {
    found.push({ key: 'target', value: String(parsed.state.target), reason: 'badValue' });
  }
  if (!VIEW_ENTRIES[next.view]) {
    found.push({ key: 'view', value: next.view, reason: 'unavailable' });
    next.view = 'explore';
  }
  state = next;
  problems = found;
  address.adopt();
}

function scheduleRender(): void {
  if (frame === 0) frame = requestAnimationFrame(() => {
    frame = 0;
    render();
  });
}

function render(): void {
  renderLang();
  renderTheme();
  if (engine) {
    tabs?.update(state.view, state.lang);
    for (const id of VIEWS) {
      const entry = VIEW_ENTRIES[id];
      if (!entry || (id !== state.view && !views.has(id))) continue;
      const view = views.get(id) ?? createView(id, entry, engine);
      view.element.hidden = id !== state.view;
      if (id === state.view) view.update(state);
    }
    lessons?.update(state);
  }
  for (const el of document.querySelectorAll<HTMLElement>('[data-control]')) {
    el.hidden = (state.hide as readonly string[]).includes(el.dataset.control ?? '');
  }
}

/** The URL values view `id` owns (its ViewEntry.hashKeys). */
function ownedFor(id: ViewId): URLSearchParams {
  const keys = VIEW_ENTRIES[id]?.hashKeys ?? [];
  return new URLSearchParams([...owned].filter(([k]) => keys.includes(k)));
}

/** Hands each view its own URL values after they changed outside it; `fresh` asks for a new start. */
function tellViewsHashChanged(fresh: boolean): void {
  for (const [id, view] of views) view.hashChanged?.(ownedFor(id), fresh);
}

/**
 * A lesson's preset: a page-state patch and, for the training studio, its
 * URL keys (replacing the studio's current ones); the views hear of it as of
 * a pasted link.
 */
function applyLessonPreset(patch: Partial<PageState>, train: URLSearchParams | null): void {
  if (train) {
    owned = new URLSearchParams([...owned].filter(([k]) => !ownedKeys.has(k)));
    for (const [k, v] of train) if (ownedKeys.has(k)) owned.append(k, v);
    tellViewsHashChanged(true);
  }
  commit(patch);
}

function createView(id: ViewId, entry: ViewEntry, e: Engine): View {
  const keys = entry.hashKeys ?? [];
  const context: ViewContext = {
    engine: e,
    info: (name) => e.activationInfo(name),
    commit,
    hashParams: () => ownedFor(id),
    setHashParams: (params) => {
      owned = new URLSearchParams([...[...owned].filter(([k]) => !keys.includes(k)), ...[...params].filter(([k]) => keys.includes(k))]);
      commit({});
    },
    refresh: scheduleRender,
    notify: (lines) => {
      viewNotices.set(id, lines);
      renderNotices();
    },
  };
  const view = entry.create(byId('views'), context);
  view.element.id = `view-${id}`;
  view.element.setAttribute('role', 'tabpanel');
  view.element.setAttribute('aria-labelledby', `tab-${id}`);
  applyStrings(view.element, state.lang);
  views.set(id, view);
  return view;
}

function renderLang(): void {
  if (state.lang === shownLang) return;
  const lang = (shownLang = state.lang);
  renderChromeLang(byId, lang, engine);
  renderStatus(byId, status, lang, loadError);
  renderNotices();
}

function renderTheme(): void {
  const root = document.documentElement;
  if (state.theme === 'auto') delete root.dataset.theme;
  else root.dataset.theme = state.theme;
  const dark = state.theme === 'dark' || (state.theme === 'auto' && darkQuery.matches);
  byId('theme-toggle').setAttribute('aria-pressed', String(dark));
  if (dark !== shownDark) {
    shownDark = dark;
    for (const v of views.values()) v.refreshTheme();
  }
}

function renderNotices(): void {
  notices?.show(noticeList(state.lang, problems, viewNotices, Boolean(engine && !engine.simd && !scalarDismissed)), t(state.lang, 'noticeDismiss'));
}

function dismiss(id: string): void {
  if (id === 'url') problems = [];
  if (id === 'scalar') scalarDismissed = true;
  for (const view of viewNotices.keys()) if (id === `view-${view}`) viewNotices.set(view, []);
  renderNotices();
}

function wireShell(): void {
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    b.addEventListener('click', () => commit({ lang: b.dataset.lang === 'zh' ? 'zh' : 'en' }));
  }
  byId('theme-toggle').addEventListener('click', () => {
    const dark = byId('theme-toggle').getAttribute('aria-pressed') === 'true';
    commit({ theme: dark ? 'light' : 'dark' });
  });
  onSchemeChange(() => render());
  // A hand-edited URL or a pasted link: our own replaceState calls fire no hashchange.
  window.addEventListener('hashchange', () => {
    if (engine) {
      const before = state.lesson;
      readHash();
      // Another lesson by a bare link (or a changed lesson attribute): its preset, as on first load.
      if (state.lesson && state.lesson !== before && bareLesson(location.hash)) lessons?.select(state.lesson, false);
      else {
        lessons?.cancelPending();
        tellViewsHashChanged(false);
      }
    } else {
      state = { ...state, ...pickEarly(parseHash(location.hash)) };
      address.adopt();
    }
    renderNotices();
    render();
  });
}

async function start(): Promise<void> {
  // The studio's chunk and worker (for a link to it) and the engine first: the shell's own setup does not wait for them.
  prefetchTrainView(location.hash);
  const loading = loadEngine();
  setupEmbedding();
  wireShell();
  render();
  try {
    engine = await loading;
  } catch (err) {
    status = 'error';
    loadError = err instanceof Error ? err.message : String(err);
    byId('loading').remove();
    renderStatus(byId, status, state.lang, loadError);
    return;
  }
  const e = engine;
  status = e.simd ? 'simd' : 'scalar';
  catalog = engineCatalog(e);
  readHash();
  const tabList = VIEWS.flatMap((id) => {
    const entry = VIEW_ENTRIES[id];
    return entry ? [{ id, label: entry.tab }] : [];
  });
  tabs = new TabBar(byId('tabs-slot'), tabList, (view) => commit({ view }));
  notices = new NoticeBar(byId('notices-slot'), dismiss);
  lessons = new LazyLessons(byId('lessons-slot'), { commit, applyPreset: applyLessonPreset }, state.lang);
  if (state.lesson && bareLesson(location.hash)) lessons.select(state.lesson, false);
  const lessonSrc = owned.get('lesson-src');
  if (lessonSrc) lessons.openSrc(lessonSrc);
  byId('loading').remove();
  shownLang = null;
  render();
  writeUrl();
  // Made when a test first reads it: the figure it samples costs ~10 ms, before any view's first frame otherwise.
  let debug: DebugSnapshot | null = null;
  Object.defineProperty(window, '__nnplayDebug', { get: () => (debug ??= debugSnapshot(e)), enumerable: false });
  document.body.dataset.ready = 'true';
  emitAppEvent({ type: 'ready', simd: e.simd });
}

void start();
