// A lesson as the panel runs it, from its validated file: its kind (what its
// check watches), its preset split into a page-state patch and the studio's
// URL keys, and a fresh check each time it is opened.
import { defaultState, parseHash, type PageState, type ViewId } from '../app/state';
import { TRAIN_PARAM_KEYS } from '../app/state-train';
import type { Check } from './check';
import type { LessonDef } from './format/lesson-file';
import { rulesCheck } from './format/rules';

export type LessonKind = 'train' | 'page' | 'quiz';

export interface Lesson {
  id: string;
  /** One of the fourteen (lesson-ids.ts), so lesson= links and progress know it. */
  builtIn: boolean;
  kind: LessonKind;
  def: LessonDef;
  preset: { page: Partial<PageState>; train: URLSearchParams | null } | null;
  /** A fresh check (quiz lessons make theirs from the quiz). */
  check: (() => Check) | null;
}

/** What a link with only these keys sets: the preset's view starts from its defaults. */
const VIEW_FIELDS: Record<ViewId, readonly (keyof PageState)[]> = {
  explore: ['acts', 'layout', 'params', 'xRange', 'chainN'],
  softmax: ['logits', 'temperature', 'target'],
  train: [],
};

function splitPreset(preset: URLSearchParams): NonNullable<Lesson['preset']> {
  const trainKeys: readonly string[] = TRAIN_PARAM_KEYS;
  const train = new URLSearchParams([...preset].filter(([k]) => trainKeys.includes(k)));
  const parsed = parseHash(new URLSearchParams([...preset].filter(([k]) => !trainKeys.includes(k))).toString());
  const view = parsed.view ?? 'explore';
  const defaults = defaultState('en');
  const base = Object.fromEntries(VIEW_FIELDS[view].map((k) => [k, defaults[k]])) as Partial<PageState>;
  return { page: { ...base, ...parsed, view }, train: view === 'train' ? train : null };
}

export function lessonFromDef(def: LessonDef, builtIn: boolean): Lesson {
  const preset = def.preset ? splitPreset(def.preset) : null;
  const kind: LessonKind = def.quiz ? 'quiz' : preset?.page.view === 'train' ? 'train' : 'page';
  return {
    id: def.id,
    builtIn,
    kind,
    def,
    preset,
    check: def.quiz ? null : () => rulesCheck(def.stages, def.values),
  };
}
