// The lessons bar as the shell first shows it: the toggle with the progress
// count. The lessons themselves (texts in two languages, checks, the quiz) are
// a separate chunk, loaded when the bar is opened or a lesson= link names one,
// so the first load of the explorer and the softmax lab stays within budget.
import { onLessonText } from '../app/app-events';
import { h } from '../ui/dom';
import { type Lang, t } from '../app/i18n';
import type { PageState } from '../app/state';
import type { LessonId } from './lesson-ids';
import { offeredLessonIds } from './package-lessons';
import type { LessonHost, LessonsPanel } from './panel';
import { ProgressStore } from './progress';

export class LazyLessons {
  readonly #slot: HTMLElement;
  readonly #host: LessonHost;
  readonly #text = h('span', { cls: 'lessons-toggle-text' });
  readonly #count = h('span', { cls: 'lessons-count' });
  #lang: Lang;
  #state: Readonly<PageState> | null = null;
  #real: LessonsPanel | null = null;
  #loading: Promise<LessonsPanel> | null = null;
  #ticket = 0;

  constructor(slot: HTMLElement, host: LessonHost, lang: Lang) {
    this.#slot = slot;
    this.#host = host;
    this.#lang = lang;
    const toggle = h('button', { cls: 'lessons-toggle', attrs: { type: 'button', 'aria-expanded': 'false' } }, [this.#text, this.#count]);
    toggle.addEventListener('click', () => void this.#load().then((p) => p.open()));
    slot.append(h('div', { cls: 'lessons-bar' }, [toggle]));
    this.#render();
    // A lesson file's text from the embedding element (lesson-src on the course page).
    onLessonText((text) => {
      void Promise.all([this.#load(), import('./lesson-source')]).then(([p, s]) => p.openSource(s.readSource('lesson-src', text)));
    });
  }

  /** Opens the lesson file at `src` (#lesson-src=; this origin only). */
  openSrc(src: string): void {
    void Promise.all([this.#load(), import('./lesson-source')]).then(async ([p, s]) => p.openSource(await s.fetchLesson(src)));
  }

  update(state: Readonly<PageState>): void {
    this.#state = state;
    if (this.#real) return this.#real.update(state);
    if (state.lesson) void this.#load();
    if (state.lang !== this.#lang) {
      this.#lang = state.lang;
      this.#render();
    }
  }

  select(id: LessonId, focus = true): void {
    const ticket = ++this.#ticket;
    void this.#load().then((p) => {
      if (ticket === this.#ticket) p.select(id, focus);
    });
  }

  /** Drops a select still waiting for the chunk: a newer link's state wins over that lesson's preset. */
  cancelPending(): void {
    this.#ticket += 1;
  }

  #render(): void {
    this.#text.textContent = t(this.#lang, 'lessons');
    const offered = offeredLessonIds();
    const progress = new ProgressStore();
    this.#count.textContent = t(this.#lang, 'progress', {
      done: String(offered.filter((id) => progress.has(id)).length),
      total: String(offered.length),
    });
  }

  #load(): Promise<LessonsPanel> {
    this.#loading ??= import('./panel').then(({ LessonsPanel }) => {
      this.#slot.replaceChildren();
      const panel = new LessonsPanel(this.#slot, this.#host, this.#state?.lang ?? this.#lang);
      this.#real = panel;
      if (this.#state) panel.update(this.#state);
      return panel;
    });
    return this.#loading;
  }
}
