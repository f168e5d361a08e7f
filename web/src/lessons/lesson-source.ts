// Lesson files from outside the build: the panel's "Open a lesson file…"
// picker (a local file, read in the page, so it works offline and in the
// single file), a same-origin #lesson-src= address, and the text an
// embedding element sends. Each is checked by readLessonFile; a file with
// problems shows them (line, field, problem) as text and opens nothing.
import { h } from '../ui/dom';
import { type Lang, t } from '../app/i18n';
import { readLessonFile, type LessonDef, type LessonProblem } from './format/lesson-file';
import { JSON_LIMITS } from './format/json-lines';
import { problemList } from './format/problem-text';

/** Why a file could not be read at all: a key of strings/lesson-problems.ts and its values. */
export interface Unreadable {
  key: 'lpSrcNotUrl' | 'lpSrcOrigin' | 'lpSrcHttp' | 'lpSrcFailed' | 'lpSrcSize';
  vars: Readonly<Record<string, string>>;
}
export type SourceResult = { ok: true; lesson: LessonDef } | { ok: false; name: string; problems: LessonProblem[] } | { ok: false; name: string; reason: Unreadable };
const why = (key: Unreadable['key'], vars: Record<string, string> = {}): Unreadable => ({ key, vars });

export function readSource(name: string, text: string): SourceResult {
  const r = readLessonFile(text);
  return r.ok ? r : { ok: false, name, problems: r.problems };
}

/** Fetches a lesson file from this page's own origin (another origin is refused before any request). */
export async function fetchLesson(src: string, base = location.href): Promise<SourceResult> {
  let url: URL;
  try {
    url = new URL(src, base);
  } catch {
    return { ok: false, name: src.slice(0, 60), reason: why('lpSrcNotUrl') };
  }
  const name = url.pathname.split('/').pop() || url.href;
  if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return { ok: false, name, reason: why('lpSrcOrigin', { origin: location.origin }) };
  try {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) return { ok: false, name, reason: why('lpSrcHttp', { status: String(res.status) }) };
    const text = await res.text();
    return readSource(name, text.length > JSON_LIMITS.chars ? text.slice(0, JSON_LIMITS.chars + 1) : text);
  } catch (err) {
    return { ok: false, name, reason: why('lpSrcFailed', { detail: err instanceof Error ? err.message : String(err) }) };
  }
}

/** The picker button, its hidden file input, and the problems of the last refused file. */
export class LessonFilePicker {
  readonly root: HTMLElement;
  readonly #button = h('button', { cls: 'lesson-link', attrs: { type: 'button', 'data-action': 'open-file' } });
  readonly #input = h('input', { attrs: { type: 'file', accept: '.json,application/json', hidden: '', 'data-lesson-file': '' } });
  readonly #errors = h('div', { cls: 'lesson-file-errors', attrs: { role: 'alert' } });
  #lang: Lang;
  #last: SourceResult | null = null;

  constructor(lang: Lang, onLesson: (lesson: LessonDef) => void) {
    this.#lang = lang;
    this.root = h('div', { cls: 'lesson-file' }, [this.#button, this.#input, this.#errors]);
    this.#button.addEventListener('click', () => this.#input.click());
    this.#input.addEventListener('change', () => {
      const file = this.#input.files?.[0];
      this.#input.value = '';
      if (!file) return;
      const read = file.size > JSON_LIMITS.chars * 4
        ? Promise.resolve<SourceResult>({ ok: false, name: file.name, reason: why('lpSrcSize', { n: String(file.size), max: String(JSON_LIMITS.chars) }) })
        : file.text().then((text) => readSource(file.name, text), (err: unknown) => ({ ok: false as const, name: file.name, reason: why('lpSrcFailed', { detail: String(err) }) }));
      void read.then((r) => this.show(r, onLesson));
    });
    this.setLang(lang);
  }

  setLang(lang: Lang): void {
    this.#lang = lang;
    this.#button.textContent = t(lang, 'openFile');
    if (this.#last) this.#render(this.#last);
  }

  /** Shows a result: problems in the box, or clears it and hands the lesson on. */
  show(r: SourceResult, onLesson: (lesson: LessonDef) => void): void {
    this.#last = r;
    this.#render(r);
    if (r.ok) onLesson(r.lesson);
  }

  #render(r: SourceResult): void {
    const L = this.#lang;
    this.#errors.hidden = r.ok;
    if (r.ok) return this.#errors.replaceChildren();
    if ('reason' in r) {
      this.#errors.replaceChildren(h('p', { text: t(L, 'fileUnreadable', { name: r.name, reason: t(L, r.reason.key, r.reason.vars) }) }));
      return;
    }
    this.#errors.replaceChildren(...problemList(L, r.name, r.problems));
  }
}
