// The built-in lessons: one JSON file each in files/ (the format teachers
// use, lesson.schema.json), in the order of lesson-ids.ts. Adding a lesson is
// its file plus its id in that list.
import { LESSON_IDS, type LessonId } from './lesson-ids';
import { readLessonFile } from './format/lesson-file';
import { lessonFromDef, type Lesson } from './lesson';
import { offeredLessonIds } from './package-lessons';

const FILES = import.meta.glob<string>('./files/*.json', { query: '?raw', import: 'default', eager: true });

export type BuiltInLesson = Lesson & { id: LessonId };

function builtIn(id: LessonId): BuiltInLesson {
  const text = FILES[`./files/${id}.json`];
  const read = text === undefined ? null : readLessonFile(text);
  // A broken built-in file is a build error (tests/wasm/lesson-files.test.ts), never a page state.
  if (!read?.ok || read.lesson.id !== id) {
    throw new Error(`lessons/files/${id}.json: ${read && !read.ok ? JSON.stringify(read.problems) : 'missing or wrong id'}`);
  }
  return { ...lessonFromDef(read.lesson, true), id };
}

export const LESSONS: readonly BuiltInLesson[] = LESSON_IDS.map(builtIn);

/** The lessons the panel lists, steps through and counts: all, or a SCORM package's. */
export const OFFERED: readonly BuiltInLesson[] = LESSONS.filter((l) => offeredLessonIds().includes(l.id));

export function lessonById(id: LessonId): BuiltInLesson {
  return LESSONS.find((l) => l.id === id) ?? LESSONS[0];
}
