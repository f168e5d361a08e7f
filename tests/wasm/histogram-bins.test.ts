// The histogram's binning (web/src/charts/histogram-chart.ts), which needs no
// browser: values over their own range, weighted counts, the engine's bins.
import { describe, expect, it } from 'vitest';
import { HIST_RANGE, binValues, preActivationBins } from '../../web/src/charts/histogram-chart';

describe('binValues', () => {
  it('bins over the values’ own range, the largest in the last bin', () => {
    // [0, 4] in 4 bins of width 1: 0 → 0, 1 → 1, 2.5 → 2, 4 (the end) → 3.
    const b = binValues([0, 1, 2.5, 4], undefined, 4);
    expect([b.lo, b.hi]).toEqual([0, 4]);
    expect(b.counts).toEqual([1, 1, 1, 1]);
    expect([b.below, b.above]).toEqual([0, 0]);
  });
  it('counts weights and ignores non-finite values and zero-weight ends', () => {
    // Weight 0 at 100 does not stretch the range; NaN is left out.
    const b = binValues([1, 2, 100, NaN], [3, 1, 0, 5], 2);
    expect([b.lo, b.hi]).toEqual([1, 2]);
    expect(b.counts).toEqual([3, 1]);
  });
  it('gives a one-wide range around a single value, and [0, 1] for none', () => {
    expect(binValues([2, 2], undefined, 2)).toMatchObject({ lo: 1.5, hi: 2.5, counts: [0, 2] });
    expect(binValues([NaN], undefined, 2)).toMatchObject({ lo: 0, hi: 1, counts: [0, 0] });
  });
});

describe('preActivationBins', () => {
  it('keeps the engine’s counts and edge counts over ±HIST_RANGE', () => {
    const counts = Int32Array.of(1, 2, 3);
    expect(preActivationBins({ counts, below: 192, above: 161 })).toEqual({ counts, lo: -HIST_RANGE, hi: HIST_RANGE, below: 192, above: 161 });
  });
});
