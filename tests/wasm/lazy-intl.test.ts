// Startup work kept out of Intl (web/src/ui/format.ts formatCount and the
// build's uPlot patch, scripts/lib/vite-lazy-intl.mjs): a page's first Intl
// object costs 20-43 ms of main thread in Chromium. The counts must read as
// en-US's toLocaleString writes them (Node's Intl is the independent oracle),
// and the patched uPlot must make no Intl object until one is used.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, test, vi } from 'vitest';
import { formatCount } from '../../web/src/ui/format';
import { lazyIntlSource } from '../../scripts/lib/vite-lazy-intl.mjs';

describe('formatCount', () => {
  test('groups thousands as written by hand', () => {
    expect(formatCount(0)).toBe('0');
    expect(formatCount(7)).toBe('7');
    expect(formatCount(999)).toBe('999');
    expect(formatCount(1000)).toBe('1,000');
    expect(formatCount(12345)).toBe('12,345');
    expect(formatCount(1234567)).toBe('1,234,567');
    expect(formatCount(999999.6)).toBe('1,000,000');
    expect(formatCount(-1234)).toBe('−1,234');
    expect(formatCount(NaN)).toBe('NaN');
    expect(formatCount(Infinity)).toBe('∞');
  });

  test("matches toLocaleString('en-US') on whole counts up to 2^53", () => {
    const values = [1, 9, 10, 99, 100, 101, 9999, 10000, 65536, 881000, 2 ** 31, 10 ** 15, 2 ** 53];
    for (let k = 0; k < 2000; k++) values.push(Math.floor(Math.abs(Math.sin(k + 1)) * 10 ** (k % 16)));
    for (const v of values) expect(formatCount(v), String(v)).toBe(v.toLocaleString('en-US'));
  });
});

describe("the build's uPlot patch", () => {
  const source = readFileSync(createRequire(import.meta.url).resolve('uplot/dist/uPlot.esm.js'), 'utf8');
  let dir = '';
  afterEach(() => {
    vi.unstubAllGlobals();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  test('makes no Intl object at load, and one on first use', async () => {
    const made: string[] = [];
    const real = Intl;
    vi.stubGlobal('Intl', {
      ...real,
      NumberFormat: function (...args: ConstructorParameters<typeof Intl.NumberFormat>) {
        made.push('NumberFormat');
        return new real.NumberFormat(...args);
      },
      DateTimeFormat: function (...args: ConstructorParameters<typeof Intl.DateTimeFormat>) {
        made.push('DateTimeFormat');
        return new real.DateTimeFormat(...args);
      },
    });
    dir = mkdtempSync(join(tmpdir(), 'nnplay-uplot-'));
    const file = join(dir, 'uPlot.mjs');
    writeFileSync(file, lazyIntlSource(source));
    const uPlot = (await import(/* @vite-ignore */ pathToFileURL(file).href)).default;
    expect(made).toEqual([]);
    expect(uPlot.fmtNum(1234.5)).toBe('1,234.5');
    expect(uPlot.fmtNum(2)).toBe('2');
    expect(made).toEqual(['NumberFormat']);
  });

  test('fails the build, naming the line, when uPlot changes', () => {
    expect(() => lazyIntlSource(source.replace('const localTz =', 'const localTimeZone ='))).toThrow(/localTz = new Intl\.DateTimeFormat/);
    expect(() => lazyIntlSource(`${source}\nconst more = new Intl.Collator();`)).toThrow(/another Intl object/);
  });
});
