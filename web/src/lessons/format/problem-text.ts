// A lesson file's problems in words, in the page's language, through the
// page's one translation system (i18n.ts): the problems' table arrives with
// this module (the lessons chunk, the authoring page, lesson:check).
import { h } from '../../ui/dom';
import { addStrings, t, type Lang } from '../../app/i18n';
import { LESSON_PROBLEM_STRINGS } from '../../strings/lesson-problems';
import type { LessonProblem } from './lesson-file';

addStrings(LESSON_PROBLEM_STRINGS);

/** "line 12, stages[0].when.fact: "testAcuracy" is not a known fact" (or 第 12 行…). */
export function problemText(lang: Lang, p: LessonProblem): string {
  return t(lang, 'fileProblem', { line: String(p.line), field: p.field, problem: t(lang, p.key, p.vars) });
}

/** The heading and the list of a refused file's problems, as text; name null: the text being edited (author.html). */
export function problemList(lang: Lang, name: string | null, problems: readonly LessonProblem[]): HTMLElement[] {
  const count = String(problems.length);
  return [
    h('p', { text: name === null ? t(lang, 'textProblems', { count }) : t(lang, 'fileProblems', { name, count }) }),
    h('ul', {}, problems.map((p) => h('li', { text: problemText(lang, p) }))),
  ];
}
