// The lessons in order: each one's texts, preset and check, from the files
// that hold them (train-lessons, page-lessons, the quiz, texts-*).
import type { PageState } from '../state';
import type { Check } from './check';
import { LESSON_IDS, type LessonId } from './lesson-ids';
import { PAGE_LESSONS } from './page-lessons';
import type { LessonTexts } from './text-types';
import { TEXTS_BASICS } from './texts-basics';
import { TEXTS_FAMILY } from './texts-family';
import { TEXTS_PRACTICE } from './texts-practice';
import { TRAIN_LESSONS } from './train-lessons';

export type LessonKind = 'train' | 'page' | 'quiz';

export interface Lesson {
  id: LessonId;
  kind: LessonKind;
  texts: LessonTexts;
  /** What "load preset" applies: a page-state patch and, for the studio, its URL parameters. */
  preset: { page: Partial<PageState>; train: URLSearchParams | null } | null;
  /** A fresh check (quiz lessons make theirs from the quiz). */
  check: (() => Check) | null;
}

const TEXTS: Record<LessonId, LessonTexts> = { ...TEXTS_BASICS, ...TEXTS_FAMILY, ...TEXTS_PRACTICE };

function lesson(id: LessonId): Lesson {
  const t = TRAIN_LESSONS[id];
  if (t) {
    return { id, kind: 'train', texts: TEXTS[id], preset: { page: { view: 'train' }, train: new URLSearchParams(t.train) }, check: t.check };
  }
  const p = PAGE_LESSONS[id];
  if (p) return { id, kind: 'page', texts: TEXTS[id], preset: { page: p.page, train: null }, check: p.check };
  return { id, kind: 'quiz', texts: TEXTS[id], preset: null, check: null };
}

export const LESSONS: readonly Lesson[] = LESSON_IDS.map(lesson);

export function lessonById(id: LessonId): Lesson {
  return LESSONS.find((l) => l.id === id) ?? LESSONS[0];
}
