// The shape of a lesson's text in one language. Paragraphs are plain text
// (shown with textContent); formulas are TeX, typeset by KaTeX.
import type { Lang } from '../i18n';

export interface LessonText {
  title: string;
  body: readonly string[];
  tex: readonly string[];
  task: string;
  /** One line per stage of the check, in order. */
  stages: readonly string[];
  /** The live reading, {name} filled from the check's values. */
  reading: string;
}

export type LessonTexts = Readonly<Record<Lang, LessonText>>;
