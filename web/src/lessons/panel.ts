// The lessons panel of the shell: a bar with the progress count that opens
// the lesson list and the current lesson; runs the lesson's check on the
// studio's probes or on the page state, stores progress and announces a
// first completion (lesson-complete, relayed by the embedding bridge).
import { emitAppEvent, onTrainProbe } from '../app-events';
import { h } from '../dom';
import type { Lang } from '../i18n';
import type { PageState } from '../state';
import { lt } from '../strings/lessons';
import { trainStateFromParams } from '../state-train';
import { LESSONS, lessonById, type Lesson } from './catalog';
import type { Check } from './check';
import type { LessonId } from './lesson-ids';
import { LessonView } from './lesson-view';
import { ProgressStore } from './progress';
import { Quiz } from './quiz';

export interface LessonHost {
  commit(patch: Partial<PageState>): void;
  /** Applies a page-state patch and (when given) the studio's URL parameters. */
  applyPreset(page: Partial<PageState>, train: URLSearchParams | null): void;
}

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

  readonly #slot: HTMLElement;

  constructor(slot: HTMLElement, host: LessonHost, lang: Lang) {
    this.#lang = lang;
    this.#host = host;
    this.#slot = slot;
    this.#toggle.append(this.#toggleText, this.#count);
    this.#toggle.addEventListener('click', () => this.#setOpen(!this.#open));
    for (const [i, l] of LESSONS.entries()) {
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
      this.#msg.textContent = lt(this.#lang, 'progressCleared');
    });
    this.#index.append(this.#summary, this.#list, h('div', { cls: 'lessons-index-foot' }, [this.#reset, this.#msg]));
    this.#prev.addEventListener('click', () => this.#step(-1));
    this.#next.addEventListener('click', () => this.#step(1));
    this.#view.preset.addEventListener('click', () => this.#applyPreset());
    this.#view.root.append(h('nav', { cls: 'lesson-nav' }, [this.#prev, this.#next]));
    this.#body.append(this.#index, this.#pick, this.#view.root);
    this.#body.hidden = true;
    slot.append(h('div', { cls: 'lessons-bar' }, [this.#toggle]), this.#body);
    this.#progress.onChange(() => this.#renderProgress());
    this.#index.open = true;
    this.#renderStatic();
    onTrainProbe((p) => {
      if (this.#lesson?.kind !== 'train' || !this.#check) return;
      this.#check.train?.({ s: trainStateFromParams(p.params).state, m: p.metrics, running: p.running, activity: p.activity });
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
      this.#renderStatic();
    }
    if ((state.lesson ?? null) !== (this.#lesson?.id ?? null)) this.#show(state.lesson);
    if (this.#lesson?.kind === 'page' && this.#check) {
      this.#check.page?.(state);
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
    const lesson = lessonById(id);
    this.#show(id);
    if (lesson.preset) this.#applyPreset();
    else this.#host.commit({ lesson: id });
    if (focus) this.#view.focusTitle();
  }

  #show(id: LessonId | null): void {
    this.#lesson = id ? lessonById(id) : null;
    if (this.#lesson) this.#setOpen(true, false);
    this.#index.open = !this.#lesson;
    this.#newCheck();
    this.#renderStatic();
  }

  #newCheck(): void {
    const l = this.#lesson;
    this.#idle = true;
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
    this.#host.applyPreset({ ...l.preset.page, lesson: l.id }, l.preset.train);
  }

  #step(delta: number): void {
    const i = LESSONS.findIndex((l) => l.id === this.#lesson?.id);
    const next = LESSONS[i + delta];
    if (next) this.select(next.id);
  }

  #setOpen(open: boolean, commit = true): void {
    this.#open = open;
    this.#body.hidden = !open;
    this.#toggle.setAttribute('aria-expanded', String(open));
    this.#toggle.title = lt(this.#lang, open ? 'closeLessons' : 'openLessons');
    // Closing leaves the lesson (and the lesson= key) behind.
    if (!open && commit && this.#lesson) this.#host.commit({ lesson: null });
  }

  #refresh(): void {
    const l = this.#lesson;
    const view = this.#check?.view() ?? null;
    this.#view.status(view, this.#idle);
    if (l && view?.done && this.#progress.complete(l.id)) emitAppEvent({ type: 'lesson-complete', lesson: l.id });
  }

  #renderStatic(): void {
    const L = this.#lang;
    this.#toggleText.textContent = lt(L, 'lessons');
    this.#slot.setAttribute('aria-label', lt(L, 'lessons'));
    this.#summary.textContent = lt(L, 'allLessons');
    this.#reset.textContent = lt(L, 'resetProgress');
    this.#msg.textContent = '';
    this.#pick.textContent = lt(L, 'pick');
    this.#pick.hidden = this.#lesson !== null;
    this.#prev.textContent = `← ${lt(L, 'prev')}`;
    this.#next.textContent = `${lt(L, 'next')} →`;
    for (const l of LESSONS) {
      const item = this.#items.get(l.id);
      if (item) item.name.textContent = l.texts[L].title;
    }
    this.#setOpen(this.#open, false);
    this.#renderProgress();
  }

  #renderProgress(): void {
    const L = this.#lang;
    this.#count.textContent = lt(L, 'progress', { done: String(this.#progress.count), total: String(LESSONS.length) });
    for (const l of LESSONS) {
      const item = this.#items.get(l.id);
      if (!item) continue;
      const done = this.#progress.has(l.id);
      item.button.dataset.done = String(done);
      item.done.textContent = done ? '✓' : '';
      item.doneText.textContent = done ? ` (${lt(L, 'doneMark')})` : '';
      if (this.#lesson?.id === l.id) item.button.setAttribute('aria-current', 'step');
      else item.button.removeAttribute('aria-current');
    }
    const l = this.#lesson;
    this.#view.root.hidden = !l;
    if (!l) return;
    const i = LESSONS.indexOf(l);
    this.#prev.disabled = i <= 0;
    this.#next.disabled = i >= LESSONS.length - 1;
    this.#view.show(l, i, LESSONS.length, L, this.#progress.has(l.id));
  }
}
