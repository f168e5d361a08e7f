// The SCORM 1.2 side of the page, active only in a SCORM package (the build
// marks nnplay.html with <meta name="nnplay-scorm-lessons" content="id,id">):
// finds the LMS's API object (window.API in this window's parents, then in
// the opener's, as the SCORM 1.2 run-time environment describes), sets
// cmi.core.lesson_status to incomplete on the first launch, and on every
// lesson of the package completed reports cmi.core.score.raw (the percentage
// of the package's lessons completed, 0–100) and lesson_status completed once
// all are, committing each time and on unload. Without an LMS the page runs
// as before. The LMS API is another program's object: every call is guarded.
import { onAppEvent } from '../app/app-events';
import { isLessonId } from './lesson-ids';
import { ProgressStore } from './progress';

interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSGetValue(key: string): string;
  LMSSetValue(key: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSFinish(arg: ''): string;
}

const isApi = (v: unknown): v is Scorm12Api =>
  typeof v === 'object' && v !== null && ['LMSInitialize', 'LMSGetValue', 'LMSSetValue', 'LMSCommit', 'LMSFinish'].every((f) => typeof (v as Record<string, unknown>)[f] === 'function');

/** Looks for API in `win` and its parents (at most 500 levels, as the standard's sample does). */
function search(win: Window): Scorm12Api | null {
  let w: Window = win;
  for (let n = 0; n < 500; n++) {
    try {
      const api = (w as Window & { API?: unknown }).API;
      if (isApi(api)) return api;
    } catch {
      return null; // another origin: no API reachable there
    }
    if (w.parent === w) return null;
    w = w.parent;
  }
  return null;
}

export function findScormApi(win: Window = window): Scorm12Api | null {
  const here = win.parent !== win ? search(win.parent) : null;
  if (here) return here;
  try {
    return win.opener ? search(win.opener as Window) : null;
  } catch {
    return null;
  }
}

/** The package's lesson ids from the page's meta tag, or null outside a package. */
export function scormLessons(doc: Document = document): string[] | null {
  const meta = doc.querySelector<HTMLMetaElement>('meta[name="nnplay-scorm-lessons"]');
  if (!meta) return null;
  return meta.content.split(',').map((s) => s.trim()).filter((s) => /^[a-z0-9-]{1,40}$/.test(s));
}

export function startScorm(): void {
  const lessons = scormLessons();
  if (!lessons || lessons.length === 0) return;
  const api = findScormApi();
  if (!api) return;
  const call = <T>(f: () => T, fallback: T): T => {
    try {
      return f();
    } catch {
      return fallback;
    }
  };
  if (call(() => String(api.LMSInitialize('')), 'false') !== 'true') return;
  // Lessons done in earlier sessions of this attempt: the LMS keeps them in suspend_data.
  // Lessons done before: kept by the LMS in suspend_data, or by this browser (whose
  // lesson-complete fires only the first time).
  const stored = new ProgressStore();
  const earlier = call(() => String(api.LMSGetValue('cmi.suspend_data')), '').split(',');
  const done = new Set(lessons.filter((id) => earlier.includes(id) || (isLessonId(id) && stored.has(id))));
  const report = () => {
    const all = done.size === lessons.length;
    call(() => api.LMSSetValue('cmi.suspend_data', [...done].join(',')), '');
    call(() => api.LMSSetValue('cmi.core.score.min', '0'), '');
    call(() => api.LMSSetValue('cmi.core.score.max', '100'), '');
    call(() => api.LMSSetValue('cmi.core.score.raw', String(Math.round((100 * done.size) / lessons.length))), '');
    call(() => api.LMSSetValue('cmi.core.lesson_status', all ? 'completed' : 'incomplete'), '');
    call(() => api.LMSCommit(''), '');
  };
  const status = call(() => String(api.LMSGetValue('cmi.core.lesson_status')), '');
  if ((status !== 'completed' && status !== 'passed') || done.size > 0) report();
  onAppEvent((e) => {
    if (e.type !== 'lesson-complete' || !lessons.includes(e.lesson) || done.has(e.lesson)) return;
    done.add(e.lesson);
    report();
  });
  let finished = false;
  window.addEventListener('pagehide', () => {
    if (finished) return;
    finished = true;
    call(() => api.LMSCommit(''), '');
    call(() => api.LMSFinish(''), '');
  });
}
