// The canvas charts' axis arithmetic (web/src/charts/axes.ts), which needs no
// browser: scales, tick choice and labels, label spacing, the edge markers.
// Expected values are worked out by hand in the comments.
import { describe, expect, it } from 'vitest';
import { decimals, edgeMarks, keepApart, linearScale, niceStep, niceTicks, overlaps, tickBudget, tickLabel } from '../../web/src/charts/axes';

describe('linearScale', () => {
  it('maps the ends and the middle, and inverts', () => {
    // [−6, 6] onto pixels [26, 326]: 0 is the middle, 176.
    const s = linearScale(-6, 6, 26, 326);
    expect(s.px(-6)).toBe(26);
    expect(s.px(6)).toBe(326);
    expect(s.px(0)).toBe(176);
    expect(s.value(176)).toBe(0);
    expect(s.value(s.px(2.5))).toBeCloseTo(2.5, 12);
  });
  it('runs downwards for a y axis', () => {
    // [0, 1] onto [100, 0]: 0.25 is 75 px from the top.
    const s = linearScale(0, 1, 100, 0);
    expect(s.px(0.25)).toBe(75);
    expect(s.value(0)).toBe(1);
  });
  it('does not divide by zero on an empty domain', () => {
    expect(Number.isFinite(linearScale(3, 3, 0, 10).px(3))).toBe(true);
  });
});

describe('tickBudget', () => {
  it('counts the labels that fit with their gaps', () => {
    // 300 px, 20 px labels + 10 px gaps: 10 intervals, 11 ticks (with the cap raised).
    expect(tickBudget(300, 20, 10, 20)).toBe(11);
    // 200 px: 6 intervals (180 px), 7 ticks, under the default cap.
    expect(tickBudget(200, 20)).toBe(7);
    // 100 px, 30 + 10: 2 intervals, 3 ticks.
    expect(tickBudget(100, 30)).toBe(3);
  });
  it('stops at the cap on a wide axis', () => {
    // 1200 px would hold 41 ticks of 20 + 10 px; the default cap is 9.
    expect(tickBudget(1200, 20)).toBe(9);
  });
  it('keeps at least the two ends', () => {
    expect(tickBudget(10, 40)).toBe(2);
    expect(tickBudget(0, 10)).toBe(2);
    expect(tickBudget(NaN, 10)).toBe(2);
  });
});

describe('niceStep and niceTicks', () => {
  it('picks 1, 2 or 5 × 10^k under the budget', () => {
    // [−10, 10] with 5 ticks: step 5 gives −10, −5, 0, 5, 10.
    expect(niceStep(-10, 10, 5)).toBe(5);
    expect(niceTicks(-10, 10, 5)).toEqual([-10, -5, 0, 5, 10]);
    // With 11 ticks allowed: step 2 (11 ticks); step 1 would need 21.
    expect(niceStep(-10, 10, 11)).toBe(2);
    // With 3: step 10 (−10, 0, 10).
    expect(niceTicks(-10, 10, 3)).toEqual([-10, 0, 10]);
  });
  it('never exceeds the budget', () => {
    for (const [lo, hi] of [[-6, 6], [0, 1], [-0.83, 1.21], [0, 300000], [-7, 7], [1e-3, 2e-3]]) {
      for (let n = 2; n <= 12; n++) expect(niceTicks(lo, hi, n).length).toBeLessThanOrEqual(n);
    }
  });
  it('stays inside the range and rounds away float noise', () => {
    // [−0.83, 1.21], 5 ticks: step 0.5 → −0.5, 0, 0.5, 1.
    expect(niceTicks(-0.83, 1.21, 5)).toEqual([-0.5, 0, 0.5, 1]);
    // Step 0.1 over [0, 0.35]: 0.3 exactly, not 0.30000000000000004.
    expect(niceTicks(0, 0.35, 4)).toEqual([0, 0.1, 0.2, 0.3]);
  });
  it('gives one tick for an empty range and none for a non-finite one', () => {
    expect(niceTicks(2, 2, 5)).toEqual([2]);
    expect(niceTicks(NaN, 1, 5)).toEqual([]);
  });
});

describe('tickLabel', () => {
  it('uses the step’s decimals and a true minus sign', () => {
    expect(decimals(0.05)).toBe(2);
    expect(decimals(20)).toBe(0);
    expect(tickLabel(-0.5, 0.5)).toBe('−0.5');
    expect(tickLabel(10, 5)).toBe('10');
    expect(tickLabel(0.25, 0.05)).toBe('0.25');
  });
  it('never prints −0', () => {
    expect(tickLabel(-0, 1)).toBe('0');
    expect(tickLabel(-0.0001, 0.1)).toBe('0.0');
  });
  it('writes large values in exponent form', () => {
    expect(tickLabel(200000, 100000)).toBe('2e+5');
    // Mantissa decimals from the step: 1.5e−4 at a step of 5e−5.
    expect(tickLabel(-0.00015, 0.00005)).toBe('−1.5e−4');
  });
});

describe('overlaps and keepApart', () => {
  const box = (x: number, w = 20) => ({ x, y: 0, w, h: 10 });
  it('detects overlap in both directions only', () => {
    expect(overlaps(box(0), box(15))).toBe(true);
    expect(overlaps(box(0), box(20))).toBe(false);
    // Side by side but on different rows.
    expect(overlaps(box(0), { x: 5, y: 11, w: 20, h: 10 })).toBe(false);
  });
  it('drops a label that would touch one already kept', () => {
    // 0–20 is kept; 21–41 comes within the 2 px gap of it (dropped); 30–50 clears
    // 0–20 (kept); 45–65 overlaps 30–50 (dropped).
    expect(keepApart([box(0), box(21), box(30), box(45)])).toEqual([0, 2]);
    expect(keepApart([box(0), box(40), box(80)])).toEqual([0, 1, 2]);
  });
});

describe('edgeMarks', () => {
  it('marks the values outside the drawn range, and nothing when there are none', () => {
    expect(edgeMarks(192, 161)).toEqual({ left: '◂192', right: '161▸' });
    expect(edgeMarks(0, 3)).toEqual({ left: '', right: '3▸' });
    expect(edgeMarks(0, 0)).toEqual({ left: '', right: '' });
  });
});
