// A lesson file (JSON, lesson.schema.json) read and checked: every problem
// names its line, its field and what is wrong; a file with any problem gives
// no lesson at all. Text fields stay text (markdown.ts renders them without
// markup); the preset may only hold the URL keys of the page and the studio.
import { isHashKey } from '../../app/state';
import type { LessonProblemKey } from '../../strings/lesson-problems';
import { TRAIN_PARAM_KEYS } from '../../app/state-train';
import { CONTROL_NAMES, FACTS, LAYER_FACTS, LAYER_PICKS, type LayerPick } from './facts';
import { readJson, JsonError, type Json } from './json-lines';
import { FORMATS, OPS, type Cond, type FactRef, type Op, type Operand, type StageDef, type Texts, type ValueDef } from './rules';

export const FORMAT_VERSION = 1;
export const LESSON_LIMITS = { title: 120, text: 8000, task: 2000, stage: 400, reading: 500, preset: 2000, stages: 8, condDepth: 8, condItems: 20, values: 20, list: 50 } as const;

export interface LessonDef {
  id: string;
  title: Texts;
  text: Texts;
  task: Texts;
  /** URL keys (page and studio) the "Load preset" button applies, or null. */
  preset: URLSearchParams | null;
  stages: StageDef[];
  reading: Texts | null;
  values: Record<string, ValueDef>;
  /** A built-in quiz instead of stages. */
  quiz: 'interview' | null;
}

/** A problem of a lesson file: its line, its field, and what is wrong (a key of strings/lesson-problems.ts, worded by problem-text.ts). */
export interface LessonProblem {
  line: number;
  field: string;
  key: LessonProblemKey;
  vars: Readonly<Record<string, string>>;
}

export type LessonResult = { ok: true; lesson: LessonDef } | { ok: false; problems: LessonProblem[] };

const TOP = ['nnplayLesson', '$schema', 'id', 'title', 'text', 'task', 'preset', 'stages', 'reading', 'values', 'quiz'];
const NOT_IN_PRESET = ['lesson', 'lang', 'theme'];
const isObj = (v: Json | undefined): v is { [k: string]: Json } => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: string) => (v.length > 40 ? `${v.slice(0, 40)}…` : v);

class Reader {
  readonly problems: LessonProblem[] = [];
  constructor(readonly lines: Map<string, number>) {}

  fail(field: string, key: LessonProblemKey, vars: Record<string, string> = {}): undefined {
    // The line of the field, or of the nearest enclosing one that exists.
    let path = field;
    while (path && !this.lines.has(path)) path = path.replace(/(\.[^.[\]]+|\[\d+\])$/, '') === path ? '' : path.replace(/(\.[^.[\]]+|\[\d+\])$/, '');
    if (this.problems.length < 30) this.problems.push({ line: this.lines.get(path) ?? 1, field: field || '(file)', key, vars });
    return undefined;
  }

  texts(v: Json | undefined, field: string, max: number, required = true): Texts | undefined {
    if (v === undefined && !required) return undefined;
    if (!isObj(v)) return this.fail(field, v === undefined ? 'lpTextsMissing' : 'lpTexts');
    for (const k of Object.keys(v)) if (k !== 'en' && k !== 'zh') this.fail(`${field}.${k}`, 'lpUnknownLang');
    const out: Partial<Record<'en' | 'zh', string>> = {};
    for (const lang of ['en', 'zh'] as const) {
      const t = v[lang];
      if (typeof t !== 'string' || t.trim() === '') this.fail(`${field}.${lang}`, 'lpTextEmpty');
      else if (t.length > max) this.fail(`${field}.${lang}`, 'lpTooLong', { n: String(t.length), max: String(max) });
      else out[lang] = t;
    }
    return out.en !== undefined && out.zh !== undefined ? { en: out.en, zh: out.zh } : undefined;
  }

  factRef(v: Json | undefined, field: string, extra: readonly string[] = []): FactRef | undefined {
    if (!isObj(v) || typeof v.fact !== 'string') return this.fail(field, 'lpFactRef');
    const name = v.fact;
    const perLayer = name in LAYER_FACTS;
    if (!(name in FACTS) && !perLayer) return this.fail(`${field}.fact`, 'lpUnknownFact', { name: show(name) });
    for (const k of Object.keys(v)) {
      if (!['fact', 'layer', 'abs', 'times', ...extra].includes(k)) this.fail(`${field}.${k}`, 'lpUnknownKey');
    }
    const ref: FactRef = { fact: name };
    if (v.layer !== undefined) {
      const pick = v.layer;
      const ok = (typeof pick === 'number' && Number.isInteger(pick) && pick >= 0 && pick < 64) || (LAYER_PICKS as readonly Json[]).includes(pick);
      if (!perLayer) this.fail(`${field}.layer`, 'lpNotPerLayer', { name });
      else if (!ok) this.fail(`${field}.layer`, 'lpLayerPick', { list: LAYER_PICKS.join(', ') });
      else ref.layer = pick as LayerPick;
    }
    if (v.abs !== undefined) {
      if (typeof v.abs !== 'boolean') this.fail(`${field}.abs`, 'lpBoolean');
      else ref.abs = v.abs;
    }
    if (v.times !== undefined) {
      if (typeof v.times !== 'number') this.fail(`${field}.times`, 'lpNumber');
      else ref.times = v.times;
    }
    return ref;
  }

  operand(v: Json | undefined, field: string): Operand | undefined {
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return { kind: 'literal', value: v };
    if (Array.isArray(v)) {
      if (v.length > LESSON_LIMITS.list) return this.fail(field, 'lpListItems', { max: String(LESSON_LIMITS.list) });
      if (v.every((x) => typeof x === 'number')) return { kind: 'literal', value: v as number[] };
      if (v.every((x) => typeof x === 'string')) return { kind: 'literal', value: v as string[] };
      return this.fail(field, 'lpListMixed');
    }
    if (!isObj(v)) return this.fail(field, 'lpOperand');
    if ('remembered' in v) {
      if (typeof v.remembered !== 'string' || Object.keys(v).length !== 1) return this.fail(field, 'lpRemembered');
      return { kind: 'remembered', name: v.remembered };
    }
    for (const [key, at] of [['atStart', 'start'], ['atStage', 'stage']] as const) {
      if (key in v) {
        if (Object.keys(v).length !== 1) return this.fail(field, 'lpAtOne', { key });
        const ref = this.factRef(v[key], `${field}.${key}`);
        return ref && { kind: 'fact', ref, at };
      }
    }
    const ref = this.factRef(v, field);
    return ref && { kind: 'fact', ref, at: 'now' };
  }

  cond(v: Json | undefined, field: string, depth: number): Cond | undefined {
    if (depth > LESSON_LIMITS.condDepth) return this.fail(field, 'lpCondDepth', { max: String(LESSON_LIMITS.condDepth) });
    if (!isObj(v)) return this.fail(field, 'lpCondObject');
    for (const kind of ['all', 'any'] as const) {
      if (kind in v) {
        const items = v[kind];
        if (Object.keys(v).length !== 1) return this.fail(field, 'lpStandsAlone', { kind });
        if (!Array.isArray(items) || items.length === 0 || items.length > LESSON_LIMITS.condItems) {
          return this.fail(`${field}.${kind}`, 'lpCondItems', { max: String(LESSON_LIMITS.condItems) });
        }
        const out = items.map((c, i) => this.cond(c, `${field}.${kind}[${i}]`, depth + 1));
        return out.every((c) => c !== undefined) ? ({ kind, items: out as Cond[] } as Cond) : undefined;
      }
    }
    if ('not' in v) {
      if (Object.keys(v).length !== 1) return this.fail(field, 'lpStandsAlone', { kind: 'not' });
      const item = this.cond(v.not, `${field}.not`, depth + 1);
      return item && { kind: 'not', item };
    }
    if ('changed' in v) {
      // Sugar: the fact differs from its value when the lesson opened.
      const ref = Object.keys(v).length === 1 && typeof v.changed === 'string' ? this.factRef({ fact: v.changed }, `${field}.changed`) : this.fail(field, 'lpChanged');
      return ref && { kind: 'compare', left: ref, op: '!=', right: { kind: 'fact', ref, at: 'start' } };
    }
    const ops = Object.keys(v).filter((k) => (OPS as readonly string[]).includes(k));
    if (ops.length !== 1) return this.fail(field, 'lpOneComparison', { ops: OPS.join(' ') });
    const left = this.factRef(Object.fromEntries(Object.entries(v).filter(([k]) => k !== ops[0])), field);
    const right = this.operand(v[ops[0]], `${field}.${ops[0]}`);
    if (left?.fact === 'controlsUsed' && right?.kind === 'literal') {
      // A misspelt control would never be used: the check could never pass.
      for (const name of Array.isArray(right.value) ? right.value : [right.value]) {
        if (!CONTROL_NAMES.includes(String(name))) return this.fail(`${field}.${ops[0]}`, 'lpControlName', { name: show(String(name)) });
      }
    }
    return left && right && { kind: 'compare', left, op: ops[0] as Op, right };
  }

  preset(v: Json | undefined): URLSearchParams | null | undefined {
    if (v === undefined) return null;
    if (typeof v !== 'string') return this.fail('preset', 'lpPresetText');
    if (v.length > LESSON_LIMITS.preset) return this.fail('preset', 'lpMoreChars', { max: String(LESSON_LIMITS.preset) });
    const params = new URLSearchParams(v.replace(/^[#?]/, ''));
    let ok = true;
    for (const key of params.keys()) {
      if (NOT_IN_PRESET.includes(key)) ok = !!this.fail('preset', 'lpPresetNotSet', { key });
      else if (!isHashKey(key) && !(TRAIN_PARAM_KEYS as readonly string[]).includes(key)) ok = !!this.fail('preset', 'lpPresetKey', { key: show(key) });
    }
    if (!params.has('view')) ok = !!this.fail('preset', 'lpPresetView');
    return ok ? params : undefined;
  }
}

/** Reads a lesson file's text; the lesson, or every problem found. */
export function readLessonFile(text: string): LessonResult {
  let json: ReturnType<typeof readJson>;
  try {
    json = readJson(text);
  } catch (err) {
    if (err instanceof JsonError) return { ok: false, problems: [{ line: err.line, field: '(file)', key: err.key, vars: err.vars }] };
    throw err;
  }
  const r = new Reader(json.lines);
  const v = json.value;
  if (!isObj(v)) return { ok: false, problems: [{ line: 1, field: '(file)', key: 'lpOneObject', vars: {} }] };
  for (const k of Object.keys(v)) if (!TOP.includes(k)) r.fail(k, 'lpUnknownKey');
  if (v.nnplayLesson !== FORMAT_VERSION) r.fail('nnplayLesson', 'lpVersion', { version: String(FORMAT_VERSION) });
  const id = typeof v.id === 'string' && /^[a-z0-9][a-z0-9-]{0,39}$/.test(v.id) ? v.id : r.fail('id', 'lpId');
  const title = r.texts(v.title, 'title', LESSON_LIMITS.title);
  const body = r.texts(v.text, 'text', LESSON_LIMITS.text);
  const task = r.texts(v.task, 'task', LESSON_LIMITS.task);
  const preset = r.preset(v.preset);
  const reading = r.texts(v.reading, 'reading', LESSON_LIMITS.reading, false) ?? null;
  const quiz = v.quiz === undefined ? null : v.quiz === 'interview' ? 'interview' : r.fail('quiz', 'lpQuiz');
  const stages: StageDef[] = [];
  if (quiz === null) {
    if (!Array.isArray(v.stages) || v.stages.length === 0 || v.stages.length > LESSON_LIMITS.stages) {
      r.fail('stages', 'lpStages', { max: String(LESSON_LIMITS.stages) });
    } else {
      v.stages.forEach((st, i) => {
        const f = `stages[${i}]`;
        if (!isObj(st)) return r.fail(f, 'lpStage');
        for (const k of Object.keys(st)) if (!['text', 'when', 'remember'].includes(k)) r.fail(`${f}.${k}`, 'lpUnknownKey');
        const t = r.texts(st.text, `${f}.text`, LESSON_LIMITS.stage);
        const when = r.cond(st.when, `${f}.when`, 0);
        const remember: Record<string, FactRef> = {};
        if (st.remember !== undefined) {
          if (!isObj(st.remember)) r.fail(`${f}.remember`, 'lpRemember');
          else for (const [name, ref] of Object.entries(st.remember)) {
            const got = /^\w{1,24}$/.test(name) ? r.factRef(ref, `${f}.remember.${name}`) : r.fail(`${f}.remember.${name}`, 'lpName');
            if (got) remember[name] = got;
          }
        }
        if (t && when) stages.push({ text: t, when, remember });
      });
    }
  } else if (v.stages !== undefined) r.fail('stages', 'lpQuizStages');
  const values: Record<string, ValueDef> = {};
  if (v.values !== undefined) {
    if (!isObj(v.values) || Object.keys(v.values).length > LESSON_LIMITS.values) r.fail('values', 'lpValues', { max: String(LESSON_LIMITS.values) });
    else for (const [name, d] of Object.entries(v.values)) {
      const f = `values.${name}`;
      if (!/^\w{1,24}$/.test(name)) {
        r.fail(f, 'lpName');
        continue;
      }
      const fmt = isObj(d) ? d.format ?? 'number' : 'number';
      if (!(FORMATS as readonly Json[]).includes(fmt)) r.fail(`${f}.format`, 'lpOneOf', { list: FORMATS.join(', ') });
      const source = isObj(d) ? r.operand(Object.fromEntries(Object.entries(d).filter(([k]) => k !== 'format')), f) : r.fail(f, 'lpFactRefOnly');
      if (source && source.kind !== 'literal') values[name] = { source, format: fmt as ValueDef['format'] };
      else if (source) r.fail(f, 'lpValueFixed');
    }
  }
  if (reading && quiz === null) {
    for (const lang of ['en', 'zh'] as const) {
      for (const [, name] of reading[lang].matchAll(/\{(\w+)\}/g)) {
        if (!(name in values)) r.fail(`reading.${lang}`, 'lpReadingName', { name });
      }
    }
  }
  if (r.problems.length > 0 || !id || !title || !body || !task || preset === undefined) {
    return { ok: false, problems: r.problems.length ? r.problems : [{ line: 1, field: '(file)', key: 'lpIncomplete', vars: {} }] };
  }
  return { ok: true, lesson: { id, title, text: body, task, preset, stages, reading, values, quiz: quiz ?? null } };
}
