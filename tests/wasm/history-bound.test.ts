// The history is bounded (README, "History (CSV)"; the studio's export card says
// so too): after more steps than it holds, the CSV starts at the first step it
// still has and holds exactly the documented number of rows.
import { describe, expect, it } from 'vitest';
import { BUILDS, engineFor } from './load';
import { XOR_CONFIG } from './trainer-util';
import { STRING_TABLES } from '../../web/src/strings/all';

const CAPACITY = 20000; // the number the README and the export card state

describe.each(BUILDS)('%s build: bounded history', (build) => {
  it(`keeps the last ${CAPACITY} steps, and the CSV starts there`, async () => {
    const e = await engineFor(build);
    const t = e.createTrainer(XOR_CONFIG);
    t.step(CAPACITY + 5000);
    const rows = t.historyCsv().trim().split('\n');
    const header = rows[0].split(',');
    const stepCol = header.indexOf('step');
    expect(stepCol).toBeGreaterThanOrEqual(0);
    expect(rows.length - 1).toBe(CAPACITY);
    expect(Number(rows[1].split(',')[stepCol])).toBe(5000 + 1);
    expect(Number(rows.at(-1)!.split(',')[stepCol])).toBe(CAPACITY + 5000);
    t.dispose();
  });
});

describe('the export card states the bound', () => {
  it('in both languages', () => {
    const text = STRING_TABLES.flatMap((table) => Object.values(table)).map((v) => (v as { en: string; zh: string }));
    const card = text.filter((v) => typeof v.en === 'string' && v.en.includes('CSV') && v.en.includes('bounded'));
    expect(card.length).toBeGreaterThan(0);
    for (const v of card) {
      expect(v.en).toContain('20,000');
      expect(v.zh).toContain('20,000');
    }
  });
});
