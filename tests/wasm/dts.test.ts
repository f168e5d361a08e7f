// bindings/nnplay.d.ts matches the module: every member of NnplayModule exists
// with the declared parameter count, the module exports nothing undeclared,
// and F32Buffer has the declared methods. The .d.ts is parsed with the
// TypeScript compiler, so it stays the single list.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { BUILDS } from './load';
import { rawModule } from './raw-module';

/** Member name → parameter count (null for properties) of an interface. */
function interfaceMembers(name: string): Map<string, number | null> {
  const path = fileURLToPath(new URL('../../bindings/nnplay.d.ts', import.meta.url));
  const source = ts.createSourceFile(path, readFileSync(path, 'utf8'), ts.ScriptTarget.ES2022, true);
  const members = new Map<string, number | null>();
  let found = false;
  source.forEachChild((node) => {
    if (!ts.isInterfaceDeclaration(node) || node.name.text !== name) return;
    found = true;
    for (const m of node.members) {
      if (!m.name || !ts.isIdentifier(m.name)) continue;
      members.set(m.name.text, ts.isMethodSignature(m) ? m.parameters.length : null);
    }
  });
  if (!found) throw new Error(`interface ${name} not found in nnplay.d.ts`);
  return members;
}

/**
 * Embind's public symbols: 3.1.6 marks each function and class constructor it
 * exposes with an own `argCount` property (replacePublicSymbol); the runtime's
 * own helpers (HEAP*, _malloc, BindingError, flushPendingDeletes …) lack it.
 */
function embindExports(m: object): Map<string, number | undefined> {
  const out = new Map<string, number | undefined>();
  for (const [k, v] of Object.entries(m)) {
    if (typeof v === 'function' && Object.hasOwn(v, 'argCount')) {
      out.set(k, (v as { argCount?: number }).argCount);
    }
  }
  return out;
}

describe.each(BUILDS)('%s build matches nnplay.d.ts', (build) => {
  it('declares exactly what the module exports, with matching arity', async () => {
    const m = await rawModule(build);
    const declared = interfaceMembers('NnplayModule');
    const exported = embindExports(m);
    expect(exported.size).toBeGreaterThan(10); // the heuristic found the bindings
    // Names with a leading _ are plain wasm exports (EMSCRIPTEN_KEEPALIVE), not Embind's.
    const raw = [...declared.keys()].filter((k) => k.startsWith('_'));
    for (const name of raw) expect(`${name}: ${typeof (m as unknown as Record<string, unknown>)[name]}`).toBe(`${name}: function`);
    expect([...exported.keys()].sort()).toEqual([...declared.keys()].filter((k) => !k.startsWith('_')).sort());
    for (const [name, arity] of declared) {
      if (arity !== null && !name.startsWith('_')) expect(`${name}/${exported.get(name)}`).toBe(`${name}/${arity}`);
    }
  });

  it('F32Buffer has the declared methods', async () => {
    const m = await rawModule(build);
    const buf = new m.F32Buffer(3);
    const proto = Object.getPrototypeOf(buf) as Record<string, unknown>;
    for (const name of interfaceMembers('F32Buffer').keys()) expect(typeof proto[name]).toBe('function');
    buf.delete();
  });
});
