// <nn-playground>: the playground in a course page. A Shadow DOM holds an
// iframe of embed.html (next to this script) whose URL hash carries the
// attributes; the element sizes itself to the height the page reports, pauses
// training while scrolled out of view, and re-fires the page's events (ready,
// diverged, lesson-complete) as bubbling, composed DOM events. Its styles live
// in a constructable stylesheet: no <style> element, no style attribute, so a
// strict CSP (style-src 'self') is satisfied, and nothing leaks in or out.
// A frame that has not reported ready a few seconds after the element came
// into view (blocked by the host page, a wrong URL, no network) gets a visible
// fallback with a link that opens the playground in a new tab. lesson-src is
// fetched here, by the course page's own origin, and its text handed to the
// frame (which checks it like any lesson file).
import css from '../styles/embed-element.css?inline';
import { EMBED_STRINGS } from '../strings/embed';
import type { Lang } from '../app/i18n';
import { hashText } from '../app/hash-text';
import { ATTRIBUTES, HEIGHT, embedOptions, type AttrProblem, type AttributeName } from './embed-options';
import { MAX_LESSON_TEXT, readToParent, type ToEmbed } from './messages';

/** Where this script was loaded from: embed.html sits beside it. */
function scriptUrl(): string {
  const current = document.currentScript;
  if (current instanceof HTMLScriptElement && current.src) return current.src;
  // As a module script there is no currentScript: find the tag by its file name.
  const tags = [...document.querySelectorAll<HTMLScriptElement>('script[src]')];
  const tag = tags.reverse().find((s) => /\/nn-playground(\.[\w-]+)?\.js(\?|#|$)/.test(s.src));
  return tag ? tag.src : new URL('nn-playground.js', document.baseURI).href;
}
const EMBED_URL = new URL('embed.html', scriptUrl());

let sheet: CSSStyleSheet | null = null;
function styles(): CSSStyleSheet {
  if (!sheet) {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(css);
  }
  return sheet;
}

type Key = keyof typeof EMBED_STRINGS;
function say(lang: Lang, key: Key, vars: Record<string, string> = {}): string {
  return EMBED_STRINGS[key][lang].replace(/\{(\w+)\}/g, (m, name: string) => vars[name] ?? m);
}

/** How long a visible element waits for its frame's ready before showing the fallback. */
export const READY_TIMEOUT_MS = 8000;

export class NnPlayground extends HTMLElement {
  static get observedAttributes(): readonly string[] {
    return ATTRIBUTES;
  }

  readonly #root: ShadowRoot;
  readonly #frame: HTMLIFrameElement;
  readonly #notice: HTMLElement;
  readonly #fallback: HTMLElement;
  readonly #fallbackText = document.createElement('p');
  readonly #fallbackLink = document.createElement('a');
  #ready = false;
  #lessonSrc: string | null = null;
  #lessonText: string | null = null;
  #lessonProblem: AttrProblem | null = null;
  #readyTimer = 0;
  #loaded = false;
  #visible = true;
  #fixedHeight: number | null = null;
  #queued = false;
  #url = '';
  #observer: IntersectionObserver | null = null;
  readonly #onMessage = (e: MessageEvent) => this.#message(e);

  constructor() {
    super();
    this.#root = this.attachShadow({ mode: 'open' });
    this.#root.adoptedStyleSheets = [styles()];
    this.#notice = document.createElement('div');
    this.#notice.className = 'notice';
    this.#notice.setAttribute('role', 'status');
    this.#notice.hidden = true;
    this.#fallback = document.createElement('div');
    this.#fallback.className = 'fallback';
    this.#fallback.setAttribute('role', 'status');
    this.#fallback.hidden = true;
    this.#fallbackLink.target = '_blank';
    this.#fallbackLink.rel = 'noopener';
    this.#fallback.append(this.#fallbackText, this.#fallbackLink);
    this.#frame = document.createElement('iframe');
    this.#frame.setAttribute('loading', 'lazy');
    this.#frame.setAttribute('part', 'frame');
    // The first load may be the empty initial document, before any src.
    this.#frame.addEventListener('load', () => {
      this.#loaded = this.#url !== '';
      // Lazy loading only matters the first time; Chromium's lazy path would
      // also reload a moved frame from a stale URL.
      if (this.#loaded) this.#frame.removeAttribute('loading');
    });
    this.#frame.style.height = `${HEIGHT.initial}px`;
    // The border sits on a wrapper, so the iframe's viewport is exactly the height set.
    const box = document.createElement('div');
    box.className = 'box';
    box.setAttribute('part', 'box');
    box.append(this.#frame);
    this.#root.append(this.#notice, this.#fallback, box);
  }

  connectedCallback(): void {
    window.addEventListener('message', this.#onMessage);
    this.#observer = new IntersectionObserver((entries) => {
      const visible = entries.some((entry) => entry.isIntersecting);
      if (visible && !this.#ready && this.#readyTimer === 0) {
        this.#readyTimer = window.setTimeout(() => this.#showFallback(), READY_TIMEOUT_MS);
      }
      if (visible !== this.#visible) {
        this.#visible = visible;
        this.#send(visible ? 'resume' : 'pause');
      }
    });
    this.#observer.observe(this);
    this.#update();
  }

  disconnectedCallback(): void {
    window.removeEventListener('message', this.#onMessage);
    this.#observer?.disconnect();
    this.#observer = null;
    clearTimeout(this.#readyTimer);
    this.#readyTimer = 0;
    // A moved iframe reloads from its src attribute, which hash-only updates
    // left behind: bring it up to date now, while it has no document to navigate.
    if (this.#url && this.#frame.getAttribute('src') !== this.#url) this.#frame.src = this.#url;
    this.#loaded = false;
  }

  attributeChangedCallback(): void {
    // Several attributes set in a row become one navigation.
    if (this.#queued || !this.isConnected) return;
    this.#queued = true;
    queueMicrotask(() => {
      this.#queued = false;
      this.#update();
    });
  }

  /** Pauses training in the embed (as scrolling it out of view does). */
  pause(): void {
    this.#send('pause');
  }

  /** Trains on if the last pause stopped a run. */
  resume(): void {
    this.#send('resume');
  }

  #lang(): Lang {
    const own = this.getAttribute('lang') ?? this.closest('[lang]')?.getAttribute('lang') ?? navigator.language;
    return own.toLowerCase().startsWith('zh') ? 'zh' : 'en';
  }

  #update(): void {
    const options = embedOptions((name: AttributeName) => this.getAttribute(name));
    const lang = this.#lang();
    this.#fixedHeight = options.height;
    if (options.height !== null) this.#frame.style.height = `${options.height}px`;
    this.#frame.title = say(lang, 'embedFrameTitle');
    this.#loadLessonSrc(this.getAttribute('lesson-src'));
    this.#showProblems(this.#lessonProblem ? [...options.problems, this.#lessonProblem] : options.problems, lang);
    const url = new URL(EMBED_URL);
    url.hash = hashText(options.hash);
    const target = url.href;
    const full = new URL('index.html', EMBED_URL);
    full.hash = url.hash;
    this.#fallbackLink.href = full.href;
    this.#fallbackLink.textContent = say(lang, 'embedFallbackLink');
    this.#fallbackText.textContent = say(lang, 'embedNotReady');
    if (this.#url === target) return;
    this.#url = target;
    const win = this.#frame.contentWindow;
    // Once loaded, change only the hash (the page reads hashchange), without a
    // reload and without a history entry in the course page.
    if (this.#loaded && win) win.location.replace(target);
    else this.#frame.src = target;
  }

  #showProblems(problems: readonly AttrProblem[], lang: Lang): void {
    this.#notice.hidden = problems.length === 0;
    const head = document.createElement('p');
    head.textContent = say(lang, 'embedNoticeHead');
    const list = document.createElement('ul');
    for (const p of problems) {
      const li = document.createElement('li');
      li.textContent = say(lang, p.key === 'lesson-src' ? 'embedLessonSrcFailed' : p.kind === 'badAttr' ? 'embedBadAttr' : 'embedBadItem', {
        reason: p.fallback,
        key: p.key,
        value: p.value,
        fallback: p.fallback,
      });
      list.append(li);
    }
    this.#notice.replaceChildren(head, list);
  }

  #send(type: 'pause' | 'resume' | 'lesson'): void {
    const win = this.#frame.contentWindow;
    if (!this.#loaded || !win) return;
    const text = this.#lessonText;
    if (type === 'lesson' && text === null) return;
    const message: ToEmbed = type === 'lesson' ? { nnplay: 1, kind: 'command', type, text: text ?? '' } : { nnplay: 1, kind: 'command', type };
    win.postMessage(message, EMBED_URL.origin);
  }

  /** Fetches a new lesson-src (relative to the course page) and sends it once the frame is ready. */
  #loadLessonSrc(src: string | null): void {
    if (src === this.#lessonSrc) return;
    this.#lessonSrc = src;
    this.#lessonText = null;
    this.#lessonProblem = null;
    if (!src) return;
    const fail = (reason: string) => {
      if (this.#lessonSrc !== src) return;
      this.#lessonProblem = { key: 'lesson-src', value: src.slice(0, 40), kind: 'badAttr', fallback: reason };
      queueMicrotask(() => this.#update());
    };
    // Only a .json file of the course page's own site is fetched; anything else is refused unrequested.
    let url: URL | null = null;
    try {
      url = src.length <= 2000 ? new URL(src, document.baseURI) : null;
    } catch {
      url = null;
    }
    if (!url || url.origin !== location.origin || !/\.json$/i.test(url.pathname)) return fail(say(this.#lang(), 'embedLessonSrcRule'));
    fetch(url)
      .then(async (res) => {
        if (!res.ok) return fail(`HTTP ${res.status}`);
        const text = await res.text();
        if (this.#lessonSrc !== src) return;
        if (text.length > MAX_LESSON_TEXT) return fail(`> ${MAX_LESSON_TEXT}`);
        this.#lessonText = text;
        if (this.#ready) this.#send('lesson');
      })
      .catch((err: unknown) => fail(err instanceof Error ? err.message : String(err)));
  }

  #message(e: MessageEvent): void {
    if (e.source !== this.#frame.contentWindow || e.origin !== EMBED_URL.origin) return;
    const message = readToParent(e.data);
    if (!message) return;
    if (message.kind === 'height') {
      if (this.#fixedHeight === null) {
        const h = Math.min(HEIGHT.autoMax, Math.max(HEIGHT.autoMin, message.height));
        this.#frame.style.height = `${h}px`;
      }
      return;
    }
    if (message.type === 'ready') {
      this.#loaded = true;
      this.#ready = true;
      clearTimeout(this.#readyTimer);
      this.#fallback.hidden = true;
      if (!this.#visible) this.#send('pause');
      this.#send('lesson');
    }
    this.dispatchEvent(new CustomEvent(message.type, { detail: message.detail, bubbles: true, composed: true }));
  }

  #showFallback(): void {
    if (!this.#ready) this.#fallback.hidden = false;
  }
}

export function defineNnPlayground(): void {
  if (!customElements.get('nn-playground')) customElements.define('nn-playground', NnPlayground);
}
