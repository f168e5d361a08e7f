// The lessons a SCORM package offers. The build marks the package's page
// (scripts/lib/scorm.mjs) with <meta name="nnplay-scorm-lessons"
// content="id,id"> and <meta name="nnplay-scorm" content="1.2|2004">; the
// panel then lists only these lessons and counts progress over them, and
// scorm.ts reports them to the LMS. Outside a package: null (every lesson).
import { LESSON_IDS, type LessonId } from './lesson-ids';

export type ScormVersion = '1.2' | '2004';

export interface ScormPackage {
  version: ScormVersion;
  /** The package's lessons, in the order of the built-in list. */
  lessons: LessonId[];
}

// Tests and the lesson:check command load the lessons without a document.
const page = (): Document | null => (typeof document === 'undefined' ? null : document);

export function scormPackage(doc: Document | null = page()): ScormPackage | null {
  const ids = doc?.querySelector<HTMLMetaElement>('meta[name="nnplay-scorm-lessons"]')?.content.split(',').map((s) => s.trim());
  if (!ids) return null;
  const lessons = LESSON_IDS.filter((id) => ids.includes(id));
  const version = doc?.querySelector<HTMLMetaElement>('meta[name="nnplay-scorm"]')?.content === '2004' ? '2004' : '1.2';
  return lessons.length > 0 ? { version, lessons } : null;
}

/** The lesson ids the panel offers: the package's, or all. */
export function offeredLessonIds(doc: Document | null = page()): readonly LessonId[] {
  return scormPackage(doc)?.lessons ?? LESSON_IDS;
}
