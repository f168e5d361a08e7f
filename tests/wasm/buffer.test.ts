// The benchmark helper: F32Buffer and the *Into calls write in place, return
// undefined or an Error, and a view is invalid once memory grows.
import { describe, expect, it } from 'vitest';
import { BUILDS } from './load';
import { rawModule } from './raw-module';

describe.each(BUILDS)('%s build: F32Buffer', (build) => {
  it('forwardInto / derivativeInto write into the output buffer', async () => {
    const m = await rawModule(build);
    const p = m.defaultParams('relu');
    if (p instanceof Error) throw p;
    const input = new m.F32Buffer(5);
    const out = new m.F32Buffer(5);
    expect(input.size()).toBe(5);
    input.view().set([-2, -1, 0, 1, 2]);
    expect(m.forwardInto('relu', p, input, out)).toBeUndefined();
    expect(Array.from(out.view())).toEqual([0, 0, 0, 1, 2]);
    expect(m.derivativeInto('relu', p, input, out)).toBeUndefined();
    expect(Array.from(out.view())).toEqual([0, 0, 0, 1, 1]);
    expect(m.forwardInto('relu', p, input, input)).toBeUndefined(); // in place
    expect(Array.from(input.view())).toEqual([0, 0, 0, 1, 2]);
    input.delete();
    out.delete();
  });

  it('softmaxRowsInto normalises each row', async () => {
    const m = await rawModule(build);
    const z = new m.F32Buffer(6);
    const p = new m.F32Buffer(6);
    z.view().set([2, 3, 5, 0, 0, 0]);
    expect(m.softmaxRowsInto(2, 3, z, p)).toBeUndefined();
    const v = p.view();
    expect(v[2]).toBeCloseTo(0.84379473, 7);
    expect(v[4]).toBeCloseTo(1 / 3, 7);
    z.delete();
    p.delete();
  });

  it('returns Errors for bad calls instead of throwing', async () => {
    const m = await rawModule(build);
    const a = new m.F32Buffer(4);
    const b = new m.F32Buffer(3);
    const p = m.defaultParams('sigmoid');
    if (p instanceof Error) throw p;
    const sizes = m.forwardInto('sigmoid', p, a, b);
    expect(sizes).toBeInstanceOf(Error);
    expect((sizes as Error).message).toMatch(/3.*4|4.*3/);
    expect(m.forwardInto('nope', p, a, a)).toBeInstanceOf(Error);
    expect((m.softmaxRowsInto(3, 2, a, a) as Error).message).toMatch(/6/);
    expect((m.softmaxRowsInto(-1, 2, a, a) as Error).message).toMatch(/rows.*-1/);
    expect(new m.F32Buffer(-5).size()).toBe(0);
    a.delete();
    b.delete();
  });

  it('a view detaches when memory grows; a new view is valid', async () => {
    const m = await rawModule(build);
    const small = new m.F32Buffer(4);
    const view = small.view();
    view[0] = 42;
    const big = new m.F32Buffer(32 << 20); // 128 MB forces growth
    expect(view.length).toBe(0);
    expect(small.view()[0]).toBe(42);
    big.delete();
    small.delete();
  });
});
