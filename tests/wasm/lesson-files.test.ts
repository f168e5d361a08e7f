// Lesson files: the built-in fourteen and the two examples are valid, the
// schema file names the same vocabulary as the code, bad files get problems
// that name the line, the field and what is wrong (and give no lesson), and
// hostile files (huge, deeply nested, markup, prototype keys) are refused or
// stay plain data. The example lessons' checks run on real training.
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../web/src/lessons/catalog';
import { LESSON_IDS } from '../../web/src/lessons/lesson-ids';
import { CONTROL_NAMES, FACTS, LAYER_FACTS } from '../../web/src/lessons/format/facts';
import { readLessonFile, type LessonDef, type LessonProblem } from '../../web/src/lessons/format/lesson-file';
import { problemText } from '../../web/src/lessons/format/problem-text';
import { t } from '../../web/src/app/i18n';
import { OPS, rulesCheck } from '../../web/src/lessons/format/rules';
import { lessonFromDef } from '../../web/src/lessons/lesson';
import { defaultState, type PageState } from '../../web/src/app/state';
import { trainStateFromParams } from '../../web/src/app/state-train';
import { trainerConfig } from '../../web/src/views/train/model/train-state';
import { trainRules } from '../../web/src/views/train/model/train-rules';
import { engineFor } from './load';

const root = new URL('../../', import.meta.url);
const read = (p: string) => readFileSync(new URL(p, root), 'utf8');
const schema = JSON.parse(read('web/src/lessons/lesson.schema.json'));
const good = (extra: Record<string, unknown> = {}) => JSON.stringify({
  nnplayLesson: 1, id: 'mine', title: { en: 'T', zh: '题' }, text: { en: 'x', zh: '文' }, task: { en: 'do', zh: '做' },
  preset: 'view=softmax&z=1,2', stages: [{ text: { en: 's', zh: '步' }, when: { fact: 'temperature', '>=': 2 } }], ...extra,
}, null, 2);
/** The problems of a bad file, each with its English wording as `problem`. */
const problems = (text: string) => {
  const r = readLessonFile(text);
  expect(r.ok).toBe(false);
  return r.ok ? [] : r.problems.map((p: LessonProblem) => ({ ...p, problem: t('en', p.key, p.vars) }));
};

describe('the lesson files in the repository', () => {
  it('the fourteen built-ins load in the catalog order, one file each', () => {
    expect(LESSONS.map((l) => l.id)).toEqual([...LESSON_IDS]);
    expect(readdirSync(new URL('web/src/lessons/files/', root)).sort()).toEqual(LESSON_IDS.map((id) => `${id}.json`).sort());
  });

  it('the two example lessons are valid', () => {
    for (const f of ['spiral-depth', 'temperature']) expect(readLessonFile(read(`examples/lessons/${f}.json`)).ok, f).toBe(true);
  });

  it('the schema names exactly the code\'s facts and operators', () => {
    const facts = schema.$defs.factRef.properties.fact.enum as string[];
    expect([...facts].sort()).toEqual([...Object.keys(FACTS), ...Object.keys(LAYER_FACTS)].sort());
    expect(Object.keys(schema.$defs.comparison.properties).sort()).toEqual([...OPS].sort());
    expect([...schema.$defs.controlName.enum].sort()).toEqual([...CONTROL_NAMES].sort());
  });
});

describe('bad lesson files', () => {
  it('name the line, the field and the problem, and give no lesson', () => {
    const text = good({ stages: [{ text: { en: 's', zh: '步' }, when: { fact: 'testAcuracy', '>=': 0.9 } }] });
    const [p] = problems(text);
    expect(p.field).toBe('stages[0].when.fact');
    expect(p.problem).toMatch(/"testAcuracy" is not a known fact/);
    expect(text.split('\n')[p.line - 1]).toMatch(/"fact": "testAcuracy"/);

    const lines = good().split('\n');
    const at = lines.findIndex((l) => l.includes('"preset"'));
    lines[at] = '  "preset": "view=train&lr=0.1&evil=1",';
    const [q] = problems(lines.join('\n'));
    expect(q).toMatchObject({ line: at + 1, field: 'preset', problem: '"evil" is not a URL key of the page or the studio' });

    expect(problems('{\n  "nnplayLesson": 1,\n  "id": "x",\n}')[0]).toMatchObject({ line: 4, field: '(file)' });
    expect(problems(good({ extra: 1 }))[0]).toMatchObject({ field: 'extra', problem: 'unknown key' });
    expect(problems(good({ reading: { en: '{nope}', zh: '{nope}' } }))[0].problem).toMatch(/\{nope\} is not one of "values"/);
    expect(problems(good({ preset: 'view=train&lang=zh' }))[0].problem).toMatch(/"lang" is not set by a lesson/);
    expect(problems(good({ stages: [{ text: { en: 's', zh: '步' }, when: { fact: 'dead', layer: 'nine', '>': 0 } }] }))[0].field).toBe('stages[0].when.layer');
  });

  it('are worded in English and 中文, naming the line and the field', () => {
    const text = good({ stages: [{ text: { en: 's', zh: '步' }, when: { fact: 'testAcuracy', '>=': 0.9 } }] });
    const r = readLessonFile(text);
    if (r.ok) throw new Error('a bad file was read');
    const line = text.split('\n').findIndex((l) => l.includes('testAcuracy')) + 1;
    expect(problemText('en', r.problems[0])).toBe(`line ${line}, stages[0].when.fact: "testAcuracy" is not a known fact`);
    expect(problemText('zh', r.problems[0])).toBe(`第 ${line} 行，stages[0].when.fact："testAcuracy" 不是已知的事实`);
    // The JSON reader's own problems too.
    const [json] = problems('{\n  "id": "x",\n  "id": "y"\n}');
    expect(problemText('zh', json)).toBe('第 3 行，(file)：键 "id" 出现了两次');
  });

  it('a misspelt control name in controlsUsed is a problem (that check could never pass)', () => {
    const used = (names: unknown) => good({ stages: [{ text: { en: 's', zh: '步' }, when: { fact: 'controlsUsed', hasAny: names } }] });
    expect(readLessonFile(used(['lr', 'advanced', 'temperature'])).ok).toBe(true);
    expect(problems(used(['lr', 'learningrate']))[0]).toMatchObject({ field: 'stages[0].when.hasAny', problem: '"learningrate" is not a control name' });
    expect(problems(used('lessons'))[0].field).toBe('stages[0].when.hasAny');
  });

  it('refuse huge and deeply nested files before building anything', () => {
    expect(problems(good({ text: { en: 'x'.repeat(300_000), zh: 'y' } }))[0].problem).toMatch(/more than 200000/);
    expect(problems('['.repeat(100_000))[0].problem).toMatch(/nested deeper than 24/);
    let cond: unknown = { fact: 'step', '>': 1 };
    for (let i = 0; i < 12; i++) cond = { not: cond };
    expect(problems(good({ stages: [{ text: { en: 's', zh: '步' }, when: cond }] }))[0].problem).toMatch(/nested deeper than 8/);
    expect(problems(good({ text: { en: 'a', zh: 'b', fr: 'c' } }))[0].field).toBe('text.fr');
  });

  it('keep markup and prototype keys as plain data', () => {
    const r = readLessonFile(good({ title: { en: '<img src=x onerror=alert(1)>', zh: '<script>alert(1)</script>' } }).replace('"nnplayLesson"', '"__proto__": {"polluted": 1},\n  "nnplayLesson"'));
    expect(r.ok).toBe(false);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const ok = readLessonFile(good({ title: { en: '<img src=x onerror=alert(1)>', zh: '<b>粗</b>' } }));
    expect(ok.ok && ok.lesson.title.en).toBe('<img src=x onerror=alert(1)>');
  });
});

/** A page state with these softmax settings. */
const softmaxPage = (logits: number[], temperature: number): PageState => ({ ...defaultState('en'), view: 'softmax', logits, temperature });

describe('the example lessons\' checks', () => {
  it('temperature: not done by the preset, done by cooling then heating', () => {
    const r = readLessonFile(read('examples/lessons/temperature.json'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const check = rulesCheck(r.lesson.stages, r.lesson.values);
    const see = (z: number[], t: number) => check.see({ page: softmaxPage(z, t), train: null, visited: ['softmax'], controls: [] });
    see([2, 3, 5], 1);
    see([2, 3, 5], 10);
    expect(check.view().stage).toBe(0); // hot first does not count
    see([2, 3, 5], 0.4); // max p = 0.993
    expect(check.view().stage).toBe(1);
    see([2, 3, 5], 4); // max p ≈ 0.48: not yet
    expect(check.view().done).toBe(false);
    see([2, 3, 5], 6); // max p ≈ 0.43
    expect(check.view().done).toBe(true);
  });

  it('spiral-depth: one layer stays below 90%, three ReLU layers pass', async () => {
    const r = readLessonFile(read('examples/lessons/spiral-depth.json'));
    if (!r.ok) throw new Error(JSON.stringify(r.problems));
    const lesson = lessonFromDef(r.lesson as LessonDef, false);
    const check = lesson.check!();
    const e = await engineFor('simd');
    const train = (params: URLSearchParams, steps: number) => {
      const s = trainStateFromParams(params, trainRules(e)).state;
      const t = e.createTrainer(trainerConfig(s));
      try {
        for (let k = 0; k < steps && !check.view().done; k += 100) {
          const m = t.step(100);
          check.see!({ page: null, train: { s, m, running: true, activity: { digitStrokes: 0, comparisonsRun: 0 } }, visited: ['train'], controls: [] });
        }
      } finally {
        t.dispose();
      }
    };
    const preset = lesson.preset!.train!;
    train(preset, 2000);
    expect(check.view().stage).toBe(1);
    const deep = new URLSearchParams(preset);
    deep.set('net', '8:relu,8:relu,8:relu');
    train(deep, 6000);
    expect(check.view().done, JSON.stringify(check.view().values)).toBe(true);
  }, 60000);
});

it('npm run lesson:check prints FILE:LINE field: problem and exits 1 for a bad file, 0 for good ones', () => {
  const ok = spawnSync(process.execPath, ['scripts/lesson-check.mjs', 'examples/lessons/temperature.json'], { cwd: root, encoding: 'utf8' });
  expect(ok.status, ok.stderr).toBe(0);
  expect(ok.stdout).toMatch(/temperature\.json: ok/);
  const bad = spawnSync(process.execPath, ['scripts/lesson-check.mjs', 'tests/wasm/fixtures/bad-lesson.json'], { cwd: root, encoding: 'utf8' });
  expect(bad.status).toBe(1);
  expect(bad.stderr).toMatch(/bad-lesson\.json:7 stages\[0\]\.when\.>=: must be a number, a text/);
  const zh = spawnSync(process.execPath, ['scripts/lesson-check.mjs', '--lang', 'zh', 'tests/wasm/fixtures/bad-lesson.json'], { cwd: root, encoding: 'utf8' });
  expect(zh.status).toBe(1);
  expect(zh.stderr).toMatch(/bad-lesson\.json:7 stages\[0\]\.when\.>=: 必须是数、文本/);
}, 30000);

it('the overflow lesson names the logits float32 cannot exponentiate; the exploding lesson says when smaller batches help', async () => {
  const { lessonById } = await import('../../web/src/lessons/catalog');
  // float32: e^20 is finite, e^300 and e^5000 overflow, so the naive softmax is [0, NaN, NaN].
  expect([20, 300, 5000].map((z) => Math.fround(Math.exp(z)) === Infinity)).toEqual([false, true, true]);
  const e = await engineFor('simd');
  expect(Array.from(e.softmaxNaive(new Float32Array([20, 300, 5000])))).toEqual([0, NaN, NaN]);
  const overflow = lessonById('softmax-overflow').def.text;
  expect(overflow.en).toMatch(/e²⁰ ≈ 4\.9 × 10⁸ is still fine, but e³⁰⁰ and e⁵⁰⁰⁰ are ∞.*\[0, NaN, NaN\]/);
  expect(overflow.zh).toMatch(/e²⁰ ≈ 4\.9 × 10⁸ 还没问题，但 e³⁰⁰ 和 e⁵⁰⁰⁰ 都是 ∞.*\[0, NaN, NaN\]/);
  expect(lessonById('softmax-overflow').def.reading?.en).not.toMatch(/overflowing logits/);
  const exploding = lessonById('exploding').def.text;
  expect(exploding.en).toMatch(/Smaller batches help only where the loss is summed over the batch/);
  expect(exploding.zh).toMatch(/更小的批量只在损失按批量求和时才有用/);
});
