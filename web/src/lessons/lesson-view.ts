// One lesson on screen: its title, text and formulas, the task with the
// check's stages, a live status line, and the quiz for the interview lesson.
import { h } from '../dom';
import { renderTex } from '../formulas';
import type { Lang } from '../i18n';
import { lt } from '../strings/lessons';
import type { Lesson } from './catalog';
import type { CheckView } from './check';

export class LessonView {
  readonly root: HTMLElement;
  readonly #kicker = h('p', { cls: 'lesson-kicker' });
  readonly #title = h('h2', { cls: 'lesson-title', attrs: { tabindex: '-1' } });
  readonly #badge = h('span', { cls: 'lesson-badge' });
  readonly #text = h('div', { cls: 'lesson-text' });
  readonly #taskTitle = h('h3', { cls: 'lesson-task-title' });
  readonly #task = h('p', { cls: 'lesson-task-text' });
  readonly #checkTitle = h('h3', { cls: 'lesson-task-title' });
  readonly #stages = h('ol', { cls: 'lesson-stages' });
  readonly #status = h('p', { cls: 'lesson-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  readonly #reading = h('p', { cls: 'lesson-reading' });
  readonly preset = h('button', { cls: 'lesson-btn', attrs: { type: 'button', 'data-action': 'preset' } });
  readonly extra = h('div', { cls: 'lesson-extra' });
  #lesson: Lesson | null = null;
  #lang: Lang = 'en';
  #view: CheckView | null = null;
  #idle = true;

  constructor() {
    const taskCard = h('div', { cls: 'lesson-task' }, [
      this.#taskTitle, this.#task, this.#checkTitle, this.#stages, this.#status, this.#reading,
      h('div', { cls: 'lesson-actions' }, [this.preset]),
    ]);
    this.root = h('article', { cls: 'lesson' }, [
      h('header', { cls: 'lesson-head' }, [this.#kicker, h('div', { cls: 'lesson-title-row' }, [this.#title, this.#badge])]),
      h('div', { cls: 'lesson-grid' }, [this.#text, taskCard]),
      this.extra,
    ]);
  }

  show(lesson: Lesson, index: number, total: number, lang: Lang, completed: boolean): void {
    const changed = lesson !== this.#lesson || lang !== this.#lang;
    this.#lesson = lesson;
    this.#lang = lang;
    this.root.dataset.lesson = lesson.id;
    this.#kicker.textContent = lt(lang, 'lessonOf', { n: String(index + 1), total: String(total) });
    this.#badge.textContent = completed ? `✓ ${lt(lang, 'completed')}` : '';
    this.#badge.hidden = !completed;
    this.preset.textContent = lt(lang, 'loadPreset');
    this.preset.hidden = lesson.preset === null;
    if (!changed) return;
    const t = lesson.texts[lang];
    this.#title.textContent = t.title;
    this.#taskTitle.textContent = lt(lang, 'tryThis');
    this.#checkTitle.textContent = lt(lang, 'check');
    this.#task.textContent = t.task;
    this.#text.replaceChildren(
      ...t.body.map((p) => h('p', { text: p })),
      ...t.tex.map((tex) => {
        const el = h('div', { cls: 'lesson-tex' });
        renderTex(el, tex);
        return el;
      }),
    );
    this.#stages.replaceChildren(...t.stages.map((s) => h('li', {}, [h('span', { cls: 'lesson-mark', attrs: { 'aria-hidden': 'true' } }), h('span', { text: s }), h('span', { cls: 'visually-hidden lesson-state' })])));
    this.status(this.#view, this.#idle);
  }

  focusTitle(): void {
    this.#title.focus();
  }

  /** The check's state; `idle` before any observation (the studio has not reported yet). */
  status(view: CheckView | null, idle: boolean): void {
    this.#view = view;
    this.#idle = idle;
    const lesson = this.#lesson;
    if (!lesson) return;
    const t = lesson.texts[this.#lang];
    const L = this.#lang;
    const stage = view?.stage ?? 0;
    const done = view?.done ?? false;
    [...this.#stages.children].forEach((li, i) => {
      const state = i < stage ? 'done' : i === stage ? 'now' : 'later';
      (li as HTMLElement).dataset.state = state;
      const mark = li.querySelector('.lesson-mark');
      if (mark) mark.textContent = state === 'done' ? '✓' : String(i + 1);
      const label = li.querySelector('.lesson-state');
      if (label) label.textContent = ` (${lt(L, state === 'done' ? 'stageDone' : state === 'now' ? 'stageNow' : 'stageLater')})`;
    });
    this.root.dataset.check = done ? 'done' : 'pending';
    this.root.dataset.stage = String(stage);
    const text = done
      ? lt(L, 'checkDone')
      : idle && lesson.kind === 'train'
        ? lt(L, 'checkIdle')
        : `${lt(L, 'stageOf', { n: String(stage + 1), total: String(t.stages.length) })}${L === 'zh' ? '：' : ': '}${t.stages[stage] ?? ''}`;
    if (this.#status.textContent !== text) this.#status.textContent = text;
    const values = view?.values ?? {};
    const reading = idle ? '' : t.reading.replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '—');
    if (this.#reading.textContent !== reading) this.#reading.textContent = reading;
    this.#reading.hidden = reading === '';
  }
}
