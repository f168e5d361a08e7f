// One lesson on screen: its title, text and formulas (the file's Markdown,
// rendered as text and KaTeX only), the task with the check's stages, a live
// status line, a polite announcement when a stage passes, and the quiz for
// the interview lesson.
import { h } from '../ui/dom';
import { type Lang, t } from '../app/i18n';
import type { CheckView } from './check';
import { inline, renderMarkdown } from './format/markdown';
import type { Lesson } from './lesson';

export class LessonView {
  readonly root: HTMLElement;
  readonly #kicker = h('p', { cls: 'lesson-kicker' });
  readonly #title = h('h2', { cls: 'lesson-title', attrs: { tabindex: '-1' } });
  readonly #badge = h('span', { cls: 'lesson-badge' });
  readonly #text = h('div', { cls: 'lesson-text' });
  readonly #taskTitle = h('h3', { cls: 'lesson-task-title' });
  readonly #task = h('div', { cls: 'lesson-task-text' });
  readonly #checkTitle = h('h3', { cls: 'lesson-task-title' });
  readonly #stages = h('ol', { cls: 'lesson-stages' });
  readonly #status = h('p', { cls: 'lesson-status', attrs: { role: 'status', 'aria-live': 'polite' } });
  readonly #reading = h('p', { cls: 'lesson-reading' });
  /** "Stage n passed", said once per stage (the status line above changes on every probe). */
  readonly #announce = h('p', { cls: 'visually-hidden lesson-announce', attrs: { role: 'status', 'aria-live': 'polite' } });
  #announced = 0;
  readonly preset = h('button', { cls: 'lesson-btn', attrs: { type: 'button', 'data-action': 'preset' } });
  readonly extra = h('div', { cls: 'lesson-extra' });
  #lesson: Lesson | null = null;
  #lang: Lang = 'en';
  #view: CheckView | null = null;
  #idle = true;

  constructor() {
    const taskCard = h('div', { cls: 'lesson-task' }, [
      this.#taskTitle, this.#task, this.#checkTitle, this.#stages, this.#status, this.#reading, this.#announce,
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
    this.#kicker.textContent = index < 0 ? t(lang, 'fileLesson') : t(lang, 'lessonOf', { n: String(index + 1), total: String(total) });
    this.#badge.textContent = completed ? `✓ ${t(lang, 'completed')}` : '';
    this.#badge.hidden = !completed;
    this.preset.textContent = t(lang, 'loadPreset');
    this.preset.hidden = lesson.preset === null;
    if (!changed) return;
    const d = lesson.def;
    if (lesson !== this.#lesson || this.#view === null) this.#announced = 0;
    this.#title.textContent = d.title[lang];
    this.#taskTitle.textContent = t(lang, 'tryThis');
    this.#checkTitle.textContent = t(lang, 'check');
    this.#task.replaceChildren(...renderMarkdown(d.task[lang]));
    this.#text.replaceChildren(...renderMarkdown(d.text[lang]));
    const stages = d.quiz ? [t(lang, 'quizStage')] : d.stages.map((st) => st.text[lang]);
    this.#stages.replaceChildren(...stages.map((s) => h('li', {}, [h('span', { cls: 'lesson-mark', attrs: { 'aria-hidden': 'true' } }), h('span', {}, inline(s)), h('span', { cls: 'visually-hidden lesson-state' })])));
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
    const L = this.#lang;
    const stageTexts = lesson.def.quiz ? [t(L, 'quizStage')] : lesson.def.stages.map((st) => st.text[L]);
    const stage = view?.stage ?? 0;
    const done = view?.done ?? false;
    [...this.#stages.children].forEach((li, i) => {
      const state = i < stage ? 'done' : i === stage ? 'now' : 'later';
      (li as HTMLElement).dataset.state = state;
      const mark = li.querySelector('.lesson-mark');
      if (mark) mark.textContent = state === 'done' ? '✓' : String(i + 1);
      const label = li.querySelector('.lesson-state');
      if (label) label.textContent = ` (${t(L, state === 'done' ? 'stageDone' : state === 'now' ? 'stageNow' : 'stageLater')})`;
    });
    this.root.dataset.check = done ? 'done' : 'pending';
    this.root.dataset.stage = String(stage);
    const text = done
      ? t(L, 'checkDone')
      : idle && lesson.kind === 'train'
        ? t(L, 'checkIdle')
        : `${t(L, 'stageOf', { n: String(stage + 1), total: String(stageTexts.length) })}${L === 'zh' ? '：' : ': '}${stageTexts[stage] ?? ''}`;
    if (this.#status.textContent !== text) this.#status.textContent = text;
    if (stage > this.#announced) {
      this.#announce.textContent = t(L, done ? 'announceDone' : 'announceStage', { n: String(stage), total: String(stageTexts.length) });
      this.#announced = stage;
    }
    const values = view?.values ?? {};
    const reading = idle ? '' : (lesson.def.reading?.[L] ?? '').replace(/\{(\w+)\}/g, (_m, k: string) => values[k] ?? '—');
    if (this.#reading.textContent !== reading) this.#reading.textContent = reading;
    this.#reading.hidden = reading === '';
  }
}
