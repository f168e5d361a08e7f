// The interview quiz: one fieldset per question (radio buttons or a number),
// a "check" button, and feedback that explains the answer either way with a
// link to the live demo. Answers live in memory for this visit.
import './quiz.css';
import { h, uniqueId } from '../ui/dom';
import { type Lang, t } from '../app/i18n';
import type { Check } from './check';
import { QUESTIONS, type Question } from './quiz-questions';

interface Row {
  q: Question;
  root: HTMLFieldSetElement;
  legend: HTMLElement;
  prompt: HTMLElement;
  labels: HTMLElement[];
  inputs: HTMLInputElement[];
  numberLabel: HTMLElement | null;
  button: HTMLButtonElement;
  feedback: HTMLElement;
  verdict: HTMLElement;
  explain: HTMLElement;
  link: HTMLAnchorElement;
  /** null: not answered; 'empty': checked with no answer. */
  result: boolean | 'empty' | null;
}

export class Quiz {
  readonly root: HTMLElement;
  readonly #rows: Row[];
  readonly #changed: () => void;
  #lang: Lang;

  constructor(lang: Lang, changed: () => void) {
    this.#lang = lang;
    this.#changed = changed;
    this.#rows = QUESTIONS.map((q, i) => this.#row(q, i));
    this.root = h('div', { cls: 'quiz' }, this.#rows.map((r) => r.root));
    this.setLang(lang);
  }

  get correct(): number {
    return this.#rows.filter((r) => r.result === true).length;
  }

  get total(): number {
    return this.#rows.length;
  }

  check(): Check {
    return {
      stages: 1,
      view: () => {
        const done = this.correct === this.total;
        return { stage: done ? 1 : 0, done, values: { correct: String(this.correct), total: String(this.total) } };
      },
    };
  }

  #row(q: Question, i: number): Row {
    const name = uniqueId('quiz');
    const legend = h('legend', { cls: 'quiz-n' });
    const prompt = h('p', { cls: 'quiz-prompt' });
    const inputs: HTMLInputElement[] = [];
    const labels: HTMLElement[] = [];
    const answers = h('div', { cls: 'quiz-answers' });
    let numberLabel: HTMLElement | null = null;
    if (q.choices) {
      q.choices.forEach((_, k) => {
        const input = h('input', { attrs: { type: 'radio', name, value: String(k) } });
        const text = h('span');
        inputs.push(input);
        labels.push(text);
        answers.append(h('label', { cls: 'quiz-choice' }, [input, text]));
      });
    } else {
      const input = h('input', { cls: 'quiz-number', attrs: { type: 'text', inputmode: 'decimal', autocomplete: 'off', spellcheck: 'false' } });
      numberLabel = h('span');
      inputs.push(input);
      answers.append(h('label', { cls: 'quiz-choice quiz-number-row' }, [numberLabel, input]));
      input.addEventListener('keydown', (e) => {
        if (e.key === 'Enter') this.#answer(row);
      });
    }
    const button = h('button', { cls: 'lesson-btn', attrs: { type: 'button' } });
    const verdict = h('strong', { cls: 'quiz-verdict' });
    const explain = h('span', { cls: 'quiz-explain' });
    const link = h('a', { cls: 'quiz-demo', attrs: { href: q.demo } });
    const feedback = h('p', { cls: 'quiz-feedback', attrs: { 'aria-live': 'polite' } }, [verdict, ' ', explain, ' ', link]);
    feedback.hidden = true;
    const root = h('fieldset', { cls: 'quiz-q', attrs: { 'data-question': q.id, 'data-index': String(i) } }, [
      legend, prompt, answers, h('div', { cls: 'quiz-actions' }, [button]), feedback,
    ]);
    const row: Row = { q, root, legend, prompt, labels, inputs, numberLabel, button, feedback, verdict, explain, link, result: null };
    button.addEventListener('click', () => this.#answer(row));
    return row;
  }

  #answer(r: Row): void {
    let result: boolean | 'empty';
    if (r.q.choices) {
      const picked = r.inputs.findIndex((x) => x.checked);
      result = picked < 0 ? 'empty' : picked === r.q.correct;
    } else {
      const text = r.inputs[0].value.trim().replace(',', '.').replace('−', '-');
      const v = Number(text);
      result = text === '' || !Number.isFinite(v) ? 'empty' : Math.abs(v - (r.q.value ?? NaN)) <= (r.q.tolerance ?? 0);
    }
    // A correct answer stays counted; a later wrong try shows why, but the question stays answered.
    if (r.result !== true || result === true) r.result = result;
    r.root.dataset.result = result === 'empty' ? 'empty' : result ? 'correct' : 'wrong';
    this.#feedback(r, result);
    this.#changed();
  }

  #feedback(r: Row, result: boolean | 'empty' | null): void {
    const L = this.#lang;
    r.feedback.hidden = result === null;
    if (result === null) return;
    if (result === 'empty') {
      r.verdict.textContent = t(L, r.q.choices ? 'quizChoose' : 'quizNumber');
      r.explain.textContent = '';
      r.link.hidden = true;
      return;
    }
    r.verdict.textContent = t(L, result ? 'quizCorrect' : 'quizWrong');
    r.explain.textContent = r.q.explain[L];
    r.link.hidden = false;
    r.link.textContent = t(L, 'quizDemo');
  }

  setLang(lang: Lang): void {
    this.#lang = lang;
    for (const [i, r] of this.#rows.entries()) {
      r.legend.textContent = t(lang, 'question', { n: String(i + 1) });
      r.prompt.textContent = r.q.prompt[lang];
      r.q.choices?.forEach((c, k) => (r.labels[k].textContent = c[lang]));
      if (r.numberLabel) r.numberLabel.textContent = t(lang, 'quizAnswer');
      r.button.textContent = t(lang, 'quizCheck');
      const shown = r.root.dataset.result;
      if (shown) this.#feedback(r, shown === 'empty' ? 'empty' : shown === 'correct');
    }
  }
}
