// The SCORM side of the page, active only in a SCORM package (package-lessons.ts
// reads the build's marks): one adapter, two dialects. It finds the LMS's API
// object (SCORM 1.2: window.API; SCORM 2004: window.API_1484_11) in this
// window's parents, then in the opener's and its parents, as both run-time
// environments describe; marks the attempt incomplete on the first launch;
// on every lesson of the package completed reports the score (lessons
// completed / lessons in the package: 1.2 as raw 0–100, 2004 also as scaled
// 0–1) and, once all are done, completed (2004: completed and passed),
// committing each time; on unload it commits and finishes (1.2: LMSFinish,
// 2004: Terminate). Lessons done are kept in cmi.suspend_data for the next
// session. Without an LMS the page runs as before. The LMS API is another
// program's object: every call is guarded.
import { onAppEvent } from '../app/app-events';
import { isLessonId } from './lesson-ids';
import { scormPackage, type ScormVersion } from './package-lessons';
import { ProgressStore } from './progress';

type Method = 'init' | 'get' | 'set' | 'commit' | 'finish';
type Api = Record<string, unknown>;

interface Dialect {
  /** The API object's name in the LMS's window. */
  name: string;
  methods: Record<Method, string>;
  /** The cmi values of a report: `done` of `total` lessons completed. */
  report(done: number, total: number): [string, string][];
  /** True when the LMS already holds a finished attempt. */
  finished(get: (key: string) => string): boolean;
}

const score = (done: number, total: number) => String(Math.round((100 * done) / total));

const DIALECTS: Record<ScormVersion, Dialect> = {
  '1.2': {
    name: 'API',
    methods: { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish' },
    report: (done, total) => [
      ['cmi.core.score.min', '0'], ['cmi.core.score.max', '100'], ['cmi.core.score.raw', score(done, total)],
      ['cmi.core.lesson_status', done === total ? 'completed' : 'incomplete'],
      ['cmi.core.exit', done === total ? '' : 'suspend'],
    ],
    finished: (get) => ['completed', 'passed'].includes(get('cmi.core.lesson_status')),
  },
  '2004': {
    name: 'API_1484_11',
    methods: { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate' },
    report: (done, total) => [
      ['cmi.score.min', '0'], ['cmi.score.max', '100'], ['cmi.score.raw', score(done, total)],
      // Four decimals: scaled is a real in [−1, 1]; 1/3 need not be exact.
      ['cmi.score.scaled', String(Math.round((10000 * done) / total) / 10000)],
      ['cmi.completion_status', done === total ? 'completed' : 'incomplete'],
      ['cmi.success_status', done === total ? 'passed' : 'unknown'],
      ['cmi.exit', done === total ? 'normal' : 'suspend'],
    ],
    finished: (get) => get('cmi.completion_status') === 'completed',
  },
};

const isApi = (v: unknown, d: Dialect): v is Api =>
  typeof v === 'object' && v !== null && Object.values(d.methods).every((f) => typeof (v as Api)[f] === 'function');

/** Looks for the dialect's API in `win` and its parents (at most 500 levels, as the standards' samples do). */
function search(win: Window, d: Dialect): Api | null {
  let w: Window = win;
  for (let n = 0; n < 500; n++) {
    try {
      const api = (w as unknown as Api)[d.name];
      if (isApi(api, d)) return api;
    } catch {
      return null; // another origin: no API reachable there
    }
    if (w.parent === w) return null;
    w = w.parent;
  }
  return null;
}

/** The LMS's API for a package of `version`: the parents' chain first, then the opener's. */
export function findScormApi(version: ScormVersion, win: Window = window): Api | null {
  const d = DIALECTS[version];
  const here = win.parent !== win ? search(win.parent, d) : null;
  if (here) return here;
  try {
    return win.opener ? search(win.opener as Window, d) : null;
  } catch {
    return null;
  }
}

export function startScorm(): void {
  const pkg = scormPackage();
  if (!pkg) return;
  const d = DIALECTS[pkg.version];
  const api = findScormApi(pkg.version);
  if (!api) return;
  const call = (m: Method, ...args: string[]): string => {
    try {
      return String((api[d.methods[m]] as (...a: string[]) => unknown).apply(api, args));
    } catch {
      return '';
    }
  };
  if (call('init', '') !== 'true') return;
  const lessons = pkg.lessons;
  // Lessons done before: kept by the LMS in suspend_data, or by this browser (whose
  // lesson-complete fires only the first time).
  const stored = new ProgressStore();
  const earlier = call('get', 'cmi.suspend_data').split(',');
  const done = new Set(lessons.filter((id) => earlier.includes(id) || (isLessonId(id) && stored.has(id))));
  const report = () => {
    call('set', 'cmi.suspend_data', [...done].join(','));
    for (const [key, value] of d.report(done.size, lessons.length)) call('set', key, value);
    call('commit', '');
  };
  if (!d.finished((key) => call('get', key)) || done.size > 0) report();
  onAppEvent((e) => {
    if (e.type !== 'lesson-complete' || !isLessonId(e.lesson) || !lessons.includes(e.lesson) || done.has(e.lesson)) return;
    done.add(e.lesson);
    report();
  });
  let finished = false;
  window.addEventListener('pagehide', () => {
    if (finished) return;
    finished = true;
    call('commit', '');
    call('finish', '');
  });
}
