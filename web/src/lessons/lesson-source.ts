// Lesson files from outside the build: the panel's "Open a lesson file…"
// picker (a local file, read in the page, so it works offline and in the
// single file), a same-origin #lesson-src= address, and the text an
// embedding element sends. Each is checked by readLessonFile; a file with
// problems shows them (line, field, problem) as text and opens nothing.
import { h } from '../ui/dom';
import type { Lang } from '../app/i18n';
import { lt } from '../strings/lessons';
import { readLessonFile, type LessonDef, type LessonProblem } from './format/lesson-file';
import { JSON_LIMITS } from './format/json-lines';

export type SourceResult = { ok: true; lesson: LessonDef } | { ok: false; name: string; problems: LessonProblem[] } | { ok: false; name: string; reason: string };

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
    return { ok: false, name: src.slice(0, 60), reason: 'not a URL' };
  }
  const name = url.pathname.split('/').pop() || url.href;
  if (url.origin !== location.origin || !/^https?:$/.test(url.protocol)) return { ok: false, name, reason: `lesson-src must be on ${location.origin}` };
  try {
    const res = await fetch(url, { credentials: 'same-origin' });
    if (!res.ok) return { ok: false, name, reason: `HTTP ${res.status}` };
    const text = await res.text();
    return readSource(name, text.length > JSON_LIMITS.chars ? text.slice(0, JSON_LIMITS.chars + 1) : text);
  } catch (err) {
    return { ok: false, name, reason: err instanceof Error ? err.message : String(err) };
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
        ? Promise.resolve<SourceResult>({ ok: false, name: file.name, reason: `${file.size} bytes, more than ${JSON_LIMITS.chars}` })
        : file.text().then((text) => readSource(file.name, text), (err: unknown) => ({ ok: false as const, name: file.name, reason: String(err) }));
      void read.then((r) => this.show(r, onLesson));
    });
    this.setLang(lang);
  }

  setLang(lang: Lang): void {
    this.#lang = lang;
    this.#button.textContent = lt(lang, 'openFile');
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
      this.#errors.replaceChildren(h('p', { text: lt(L, 'fileUnreadable', { name: r.name, reason: r.reason }) }));
      return;
    }
    this.#errors.replaceChildren(
      h('p', { text: lt(L, 'fileProblems', { name: r.name, count: String(r.problems.length) }) }),
      h('ul', {}, r.problems.map((p) => h('li', { text: lt(L, 'fileProblem', { line: String(p.line), field: p.field, problem: p.problem }) }))),
    );
  }
}
