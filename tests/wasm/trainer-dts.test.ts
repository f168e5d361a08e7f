// bindings/nnplay.d.ts matches the trainer and data-set handles: each class's
// own methods are exactly the declared ones (delete/isDeleted come from
// Embind's ClassHandle), with the declared parameter counts.
import { readFileSync } from 'node:fs';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BUILDS } from './load';
import { rawModule } from './raw-module';
import { repoPath } from './trainer-util';

/** Method name → parameter count of an interface in nnplay.d.ts. */
function declaredMethods(name: string): Map<string, number> {
  const path = repoPath('bindings/nnplay.d.ts');
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const methods = new Map<string, number>();
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== name) return;
    for (const m of node.members) {
      if (ts.isMethodSignature(m) && ts.isIdentifier(m.name)) methods.set(m.name.text, m.parameters.length);
    }
  });
  if (methods.size === 0) throw new Error(`interface ${name} not found in nnplay.d.ts`);
  return methods;
}

/** Own prototype methods with Embind's argCount (parameters after `this`). */
function boundMethods(instance: object): Map<string, number | undefined> {
  const proto = Object.getPrototypeOf(instance) as Record<string, unknown>;
  const out = new Map<string, number | undefined>();
  for (const k of Object.getOwnPropertyNames(proto)) {
    const f = proto[k];
    if (k !== 'constructor' && typeof f === 'function') out.set(k, (f as { argCount?: number }).argCount);
  }
  return out;
}

function expectMatch(instance: object & { delete(): void }, name: string): void {
  const declared = declaredMethods(name);
  const bound = boundMethods(instance);
  const inherited = ['delete', 'isDeleted'];
  for (const k of inherited) expect(typeof (instance as unknown as Record<string, unknown>)[k]).toBe('function');
  expect([...bound.keys()].sort()).toEqual([...declared.keys()].filter((k) => !inherited.includes(k)).sort());
  for (const [k, n] of bound) expect(`${k}/${n}`).toBe(`${k}/${declared.get(k)}`);
  instance.delete();
}

describe.each(BUILDS)('%s build: handle classes match nnplay.d.ts', (build) => {
  it('TrainerHandle', async () => {
    const m = await rawModule(build);
    const t = m.createTrainer('{}', null);
    if (t instanceof Error) throw t;
    expect(t).toBeInstanceOf(m.TrainerHandle);
    expectMatch(t, 'TrainerHandle');
  });

  it('DatasetHandle', async () => {
    const m = await rawModule(build);
    const d = m.generateDataset('{"kind":"moons"}');
    if (d instanceof Error) throw d;
    expect(d).toBeInstanceOf(m.DatasetHandle);
    expectMatch(d, 'DatasetHandle');
  });

  it('_nnplay_trainer_step runs what step(n) runs, and refuses what it refuses without a change', async () => {
    const m = await rawModule(build);
    const [a, b] = [m.createTrainer('{}', null), m.createTrainer('{}', null)];
    if (a instanceof Error || b instanceof Error) throw new Error('createTrainer failed');
    expect(m._nnplay_trainer_step(a.address(), 7)).toBe(0);
    expect(b.step(7)).toBeUndefined();
    expect(a.exportModel()).toBe(b.exportModel()); // the same steps, to the bit
    for (const n of [0, 100001]) {
      expect(m._nnplay_trainer_step(a.address(), n)).toBe(1);
      expect(a.step(n)).toBeInstanceOf(Error);
    }
    expect(a.exportModel()).toBe(b.exportModel()); // the refusals changed nothing
    a.delete();
    b.delete();
  });

  it('factories return Error values, never throw', async () => {
    const m = await rawModule(build);
    const results = [
      m.createTrainer('{"hidden":[{"units":0}]}', null),
      m.importModel('{', null),
      m.parseDigitsCsv(''),
      m.parseIrisCsv(''),
      m.parseCustomCsv('', false),
      m.generateDataset('[]'),
    ];
    for (const r of results) {
      expect(r).toBeInstanceOf(Error);
      expect(['invalid_argument', 'out_of_range', 'failed_precondition']).toContain((r as { code?: string }).code);
    }
  });
});
