// The lessons panel of the shell: a bar with the progress count that opens
// the lesson list and the current lesson; runs the lesson's check on the
// studio's probes or on the page state, stores progress and announces a
// first completion (lesson-complete, relayed by the embedding bridge). A
// lesson from a file (picker, #lesson-src=, an embedding) runs the same way
// but is not one of the built-ins: no lesson= key, progress for this visit.
import { emitAppEvent, onTrainProbe } from '../app/app-events';
import { h } from '../ui/dom';
import { type Lang, t } from '../app/i18n';
import type { PageState } from '../app/state';
import { trainStateFromParams } from '../app/state-train';
import { LESSONS, OFFERED, lessonById } from './catalog';
import type { Check, Obs, TrainObs } from './check';
import type { LessonDef } from './format/lesson-file';
import { lessonFromDef, type Lesson } from './lesson';
import type { LessonId } from './lesson-ids';
import { watchControls } from './controls-used';
import { LessonFilePicker, type SourceResult } from './lesson-source';
import { LessonView } from './lesson-view';
import { ProgressStore } from './progress';
import { Quiz } from './quiz';

export interface LessonHost {
  commit(patch: Partial<PageState>): void;
  /** Applies a page-state patch and (when given) the studio's URL parameters. */
  applyPreset(page: Partial<PageState>, train: URLSearchParams | null): void;
}

/** The lesson= value of a built-in lesson; null for one from a file. */
const builtInId = (l: Lesson): LessonId | null => LESSONS.find((b) => b === l)?.id ?? null;

export class LessonsPanel {
  readonly #host: LessonHost;
  readonly #progress = new ProgressStore();
  readonly #toggle = h('button', { cls: 'lessons-toggle', attrs: { type: 'button', 'aria-expanded': 'false', 'aria-controls': 'lessons-body' } });
  readonly #toggleText = h('span', { cls: 'lessons-toggle-text' });
  readonly #count = h('span', { cls: 'lessons-count' });
  readonly #body = h('div', { cls: 'lessons-body', attrs: { id: 'lessons-body' } });
  readonly #index = h('details', { cls: 'lessons-index' });
  readonly #summary = h('summary');
  readonly #list = h('ol', { cls: 'lessons-list' });
  readonly #reset = h('button', { cls: 'lesson-link', attrs: { type: 'button', 'data-action': 'reset-progress' } });
  readonly #msg = h('p', { cls: 'lessons-msg', attrs: { role: 'status' } });
  readonly #pick = h('p', { cls: 'lessons-pick' });
  readonly #view = new LessonView();
  readonly #prev = h('button', { cls: 'lesson-btn', attrs: { type: 'button', 'data-action': 'prev' } });
  readonly #next = h('button', { cls: 'lesson-btn', attrs: { type: 'button', 'data-action': 'next' } });
  readonly #items = new Map<LessonId, { button: HTMLButtonElement; name: HTMLElement; done: HTMLElement; doneText: HTMLElement }>();
  #open = false;
  #lang: Lang;
  #lesson: Lesson | null = null;
  #check: Check | null = null;
  #idle = true;
  #quiz: Quiz | null = null;
  /** The lesson= value last seen in the page state: only a change of it opens or closes a lesson. */
  #stateLesson: LessonId | null = null;
  #page: Readonly<PageState> | null = null;
  #train: TrainObs | null = null;
  #visited: string[] = [];
  /** Controls the student changed since the lesson (or its preset) opened. */
  #controls: string[] = [];
  /** File lessons completed in this visit (they have no stored progress). */
  readonly #fileDone = new Set<string>();
  readonly #picker: LessonFilePicker;

  readonly #slot: HTMLElement;

  constructor(slot: HTMLElement, host: LessonHost, lang: Lang) {
    this.#lang = lang;
    this.#host = host;
    this.#slot = slot;
    this.#toggle.append(this.#toggleText, this.#count);
    this.#toggle.addEventListener('click', () => this.#setOpen(!this.#open));
    for (const [i, l] of OFFERED.entries()) {
      const name = h('span', { cls: 'lessons-name' });
      const done = h('span', { cls: 'lessons-done', attrs: { 'aria-hidden': 'true' } });
      const doneText = h('span', { cls: 'visually-hidden' });
      const button = h('button', { cls: 'lessons-item', attrs: { type: 'button', 'data-lesson': l.id } }, [
        h('span', { cls: 'lessons-num', text: String(i + 1) }), name, done, doneText,
      ]);
      button.addEventListener('click', () => this.select(l.id));
      this.#items.set(l.id, { button, name, done, doneText });
      this.#list.append(h('li', {}, [button]));
    }
    this.#reset.addEventListener('click', () => {
      this.#progress.reset();
      this.#msg.textContent = t(this.#lang, 'progressCleared');
    });
    this.#picker = new LessonFilePicker(lang, (def) => this.openFile(def));
    this.#index.append(this.#summary, this.#list, h('div', { cls: 'lessons-index-foot' }, [this.#reset, this.#msg]));
    this.#prev.addEventListener('click', () => this.#step(-1));
    this.#next.addEventListener('click', () => this.#step(1));
    this.#view.preset.addEventListener('click', () => this.#applyPreset());
    this.#view.root.append(h('nav', { cls: 'lesson-nav' }, [this.#prev, this.#next]));
    this.#body.append(this.#index, this.#picker.root, this.#pick, this.#view.root);
    this.#body.hidden = true;
    slot.append(h('div', { cls: 'lessons-bar' }, [this.#toggle]), this.#body);
    this.#progress.onChange(() => this.#renderProgress());
    this.#index.open = true;
    this.#renderStatic();
    watchControls(document, slot, (name) => {
      if (this.#controls.includes(name)) return;
      this.#controls.push(name);
      // Seen at once: a control may change nothing the page state or the studio's next probe shows (a group opened).
      const kind = this.#lesson?.kind;
      if (!this.#check || !(kind === 'page' ? this.#page : kind === 'train' && this.#train?.m)) return;
      this.#check.see?.(this.#obs());
      this.#refresh();
    });
    onTrainProbe((p) => {
      this.#train = { s: trainStateFromParams(p.params, { schema: p.schema }).state, m: p.metrics, running: p.running, activity: p.activity };
      if (this.#lesson?.kind !== 'train' || !this.#check || !p.metrics) return;
      this.#check.see?.(this.#obs());
      // A fresh network (step 0) has nothing to read yet: keep asking for Train.
      if (p.metrics && p.metrics.step > 0) this.#idle = false;
      this.#refresh();
    });
  }

  /** Renders the page state: language, the selected lesson, page checks. */
  update(state: Readonly<PageState>): void {
    if (state.lang !== this.#lang) {
      this.#lang = state.lang;
      this.#quiz?.setLang(state.lang);
      this.#picker.setLang(state.lang);
      this.#renderStatic();
    }
    this.#page = state;
    if (!this.#visited.includes(state.view)) this.#visited.push(state.view);
    const lesson = state.lesson ?? null;
    if (lesson !== this.#stateLesson) {
      this.#stateLesson = lesson;
      if (lesson !== (this.#lesson?.id ?? null) || !this.#lesson?.builtIn) this.#show(lesson ? lessonById(lesson) : null);
    }
    if (this.#lesson?.kind === 'page' && this.#check) {
      this.#check.see?.(this.#obs());
      this.#idle = false;
      this.#refresh();
    }
  }

  /** Opens the panel (the lazy bar's first click). */
  open(): void {
    this.#setOpen(true);
    this.#toggle.focus();
  }

  /** Opens a lesson and sets up its preset (from the list, prev/next, or a bare lesson= link). */
  select(id: LessonId, focus = true): void {
    this.#run(lessonById(id), focus);
  }

  /** Opens a lesson read from a file (already checked) and applies its preset. */
  openFile(def: LessonDef, focus = true): void {
    this.#run(lessonFromDef(def, false), focus);
  }

  /** A lesson source's result: the lesson opens, or the picker's box lists the problems. */
  openSource(r: SourceResult): void {
    this.#setOpen(true, false);
    this.#picker.show(r, (def) => this.openFile(def, false));
  }

  #run(lesson: Lesson, focus: boolean): void {
    this.#show(lesson);
    if (lesson.preset) this.#applyPreset();
    else this.#host.commit({ lesson: builtInId(lesson) });
    if (focus) this.#view.focusTitle();
  }

  #obs(): Obs {
    return { page: this.#page, train: this.#train, visited: [...this.#visited], controls: [...this.#controls] };
  }

  #show(lesson: Lesson | null): void {
    this.#lesson = lesson;
    this.#visited = this.#page ? [this.#page.view] : [];
    if (this.#lesson) this.#setOpen(true, false);
    this.#index.open = !this.#lesson;
    this.#newCheck();
    this.#renderStatic();
  }

  #newCheck(): void {
    const l = this.#lesson;
    this.#idle = true;
    this.#controls = [];
    if (l?.kind === 'quiz') {
      this.#quiz ??= new Quiz(this.#lang, () => this.#refresh());
      this.#check = this.#quiz.check();
      this.#idle = false;
    } else this.#check = l?.check?.() ?? null;
    this.#view.extra.replaceChildren(...(l?.kind === 'quiz' && this.#quiz ? [this.#quiz.root] : []));
    this.#refresh();
  }

  #applyPreset(): void {
    const l = this.#lesson;
    if (!l?.preset) return;
    this.#newCheck();
    const id = builtInId(l);
    this.#stateLesson = id;
    this.#host.applyPreset({ ...l.preset.page, lesson: id }, l.preset.train);
  }

  #step(delta: number): void {
    const i = OFFERED.findIndex((l) => l.id === this.#lesson?.id);
    const next = OFFERED[i + delta];
    if (next) this.select(next.id);
  }

  #setOpen(open: boolean, commit = true): void {
    this.#open = open;
    this.#body.hidden = !open;
    this.#toggle.setAttribute('aria-expanded', String(open));
    this.#toggle.title = t(this.#lang, open ? 'closeLessons' : 'openLessons');
    // Closing leaves the lesson (and the lesson= key) behind.
    if (!open && commit && this.#lesson) {
      if (!this.#lesson.builtIn) this.#show(null);
      this.#host.commit({ lesson: null });
    }
  }

  #refresh(): void {
    const l = this.#lesson;
    const view = this.#check?.view() ?? null;
    this.#view.status(view, this.#idle);
    if (!l || !view?.done) return;
    const builtIn = LESSONS.find((b) => b === l);
    const first = builtIn ? this.#progress.complete(builtIn.id) : !this.#fileDone.has(l.id) && !!this.#fileDone.add(l.id);
    if (first) emitAppEvent({ type: 'lesson-complete', lesson: l.id });
  }

  #renderStatic(): void {
    const L = this.#lang;
    this.#toggleText.textContent = t(L, 'lessons');
    this.#slot.setAttribute('aria-label', t(L, 'lessons'));
    this.#summary.textContent = t(L, 'allLessons');
    this.#reset.textContent = t(L, 'resetProgress');
    this.#msg.textContent = '';
    this.#pick.textContent = t(L, 'pick');
    this.#pick.hidden = this.#lesson !== null;
    this.#prev.textContent = `← ${t(L, 'prev')}`;
    this.#next.textContent = `${t(L, 'next')} →`;
    for (const l of OFFERED) {
      const item = this.#items.get(l.id);
      if (item) item.name.textContent = l.def.title[L];
    }
    this.#setOpen(this.#open, false);
    this.#renderProgress();
  }

  #renderProgress(): void {
    const L = this.#lang;
    this.#count.textContent = t(L, 'progress', { done: String(OFFERED.filter((o) => this.#progress.has(o.id)).length), total: String(OFFERED.length) });
    for (const l of OFFERED) {
      const item = this.#items.get(l.id);
      if (!item) continue;
      const done = this.#progress.has(l.id);
      item.button.dataset.done = String(done);
      item.done.textContent = done ? '✓' : '';
      item.doneText.textContent = done ? ` (${t(L, 'doneMark')})` : '';
      if (this.#lesson?.id === l.id) item.button.setAttribute('aria-current', 'step');
      else item.button.removeAttribute('aria-current');
    }
    const l = this.#lesson;
    this.#view.root.hidden = !l;
    if (!l) return;
    // A file lesson is outside the sequence: index −1, no previous or next.
    const i = OFFERED.findIndex((b) => b === l);
    this.#prev.disabled = i <= 0;
    this.#next.disabled = i < 0 || i >= OFFERED.length - 1;
    this.#view.show(l, i, OFFERED.length, L, i >= 0 ? this.#progress.has(OFFERED[i].id) : this.#fileDone.has(l.id));
  }
}
