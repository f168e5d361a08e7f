// The page's pure helpers (no wasm, no DOM): every string exists in both
// languages with the same placeholders, language detection, and URL state
// that accepts only known values.
import { describe, expect, it } from 'vitest';
import { LANGS, detectLang, t } from '../../web/src/app/i18n';
import { STRING_KEYS, STRING_TABLES } from '../../web/src/strings/all';
import { problemLine } from '../../web/src/app/notice-text';
import { parseHash, toHash } from '../../web/src/app/state';
import { trainStateFromParams } from '../../web/src/app/state-train';
import { defaultTrainState } from '../../web/src/views/train/model/train-state';
import { trainRules } from '../../web/src/views/train/model/train-rules';
import { engineFor } from './load';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('i18n', () => {
  it.each(STRING_KEYS)('%s exists in both languages with the same placeholders', (key) => {
    const [en, zh] = LANGS.map((lang) => t(lang, key));
    expect(en.length).toBeGreaterThan(0);
    expect(zh.length).toBeGreaterThan(0);
    expect(placeholders(zh)).toEqual(placeholders(en));
  });

  it('no key is defined in two tables (the merge would silently keep one)', () => {
    const seen = new Map<string, number>();
    STRING_TABLES.forEach((table, i) => {
      for (const key of Object.keys(table)) {
        expect(seen.get(key), `${key} in tables ${seen.get(key)} and ${i}`).toBeUndefined();
        seen.set(key, i);
      }
    });
    expect(seen.size).toBe(STRING_KEYS.length);
  });

  it('fills placeholders as text', () => {
    expect(t('en', 'peakChip', { value: '<b>0.25</b>' })).toBe('peak <b>0.25</b> at x = 0');
  });

  it('detects the language from the browser list', () => {
    expect(detectLang(['zh-CN', 'en'])).toBe('zh');
    expect(detectLang(['zh-TW'])).toBe('zh');
    expect(detectLang(['en-GB', 'zh'])).toBe('en');
    expect(detectLang(['fr-FR', 'zh-CN'])).toBe('zh');
    expect(detectLang(['fr-FR'])).toBe('en');
    expect(detectLang([])).toBe('en');
  });
});

describe('URL state', () => {
  it('round-trips and ignores unknown or bad values', () => {
    expect(parseHash(toHash({ lang: 'zh' }))).toEqual({ lang: 'zh' });
    expect(parseHash('#lang=en&x=1')).toEqual({ lang: 'en' });
    expect(parseHash('#lang=<script>')).toEqual({});
    expect(parseHash('')).toEqual({});
  });
});

describe('studio URL keys share the page notice type and sentences', () => {
  it('a bad studio value names what is used instead, from the studio defaults', async () => {
    const rules = trainRules(await engineFor('simd'));
    const { state, notices } = trainStateFromParams(new URLSearchParams('lr=abc&bs=0&net=0:relu'), rules);
    expect(state.learningRate).toBe(defaultTrainState(rules.schema).learningRate);
    const lines = notices.map((n) => problemLine(n, 'en'));
    expect(lines).toEqual([
      `lr = “abc” is not a valid value; using lr=${defaultTrainState(rules.schema).learningRate}.`,
      expect.stringMatching(/^bs = “0” is outside \[1, \d+\]; using bs=\d+\.$/),
      expect.stringMatching(/^net: the layer “0:relu” is not valid .*; using net=\d+:\w+/),
    ]);
  });
});

describe('a link carries the keys of the view it shows', () => {
  it('leaves the explorer and softmax keys out of a studio link, and keeps the global ones', () => {
    const s = { view: 'train', lang: 'zh', acts: ['relu'], logits: [1, 2], temperature: 2, lesson: 'dead-relu' } as const;
    expect(toHash(s, new URLSearchParams('lr=3'))).toBe('#view=train&lang=zh&lesson=dead-relu&lr=3');
    expect(toHash({ ...s, view: 'softmax' })).toBe('#view=softmax&lang=zh&z=1,2&T=2&lesson=dead-relu');
    expect(toHash({ ...s, view: 'explore' })).toBe('#view=explore&lang=zh&acts=relu&lesson=dead-relu');
  });
});
