// Turns URL problems into sentences for the notice bar, each naming the value
// that was not understood and what the page uses instead.
import { t, type Lang } from './i18n';
import { defaultState, hashValue, isHashKey, type Problem } from './state';

const MAX_LINES = 6;

function fallback(p: Problem, lang: Lang): string {
  const key = p.key;
  if (p.fallback !== undefined) return p.fallback === '' ? t(lang, 'noticeNothing') : p.fallback;
  if (key === 'p') return t(lang, 'noticeCoreDefaults');
  if (key === 'theme') return 'theme=auto';
  const v = isHashKey(key) ? hashValue(key, defaultState(lang)) : undefined;
  return v === undefined || v === '' ? t(lang, 'noticeNothing') : `${key}=${v}`;
}

/** One problem as a sentence. */
export function problemLine(p: Problem, lang: Lang): string {
  const vars = {
    key: p.key, value: p.value, fallback: fallback(p, lang),
    min: p.range ? String(p.range[0]) : '', max: p.range ? String(p.range[1]) : '',
  };
  switch (p.reason) {
    case 'unknownKey':
      return t(lang, 'noticeUnknownKey', vars);
    case 'tooLong':
      return t(lang, 'noticeTooLong', vars);
    case 'droppedItem':
      return t(lang, 'noticeDroppedItem', vars);
    case 'unavailable':
      return t(lang, 'noticeUnavailable', vars);
    case 'badValue':
      return t(lang, 'noticeBadValue', vars);
    case 'range':
      return t(lang, 'noticeRange', vars);
    case 'badLayer':
      return t(lang, 'noticeBadLayer', vars);
    case 'truncated':
      return t(lang, 'noticeTruncated', vars);
  }
}

/** A heading line, then one line per problem (at most MAX_LINES, then a count). */
export function problemLines(problems: readonly Problem[], lang: Lang): string[] {
  const lines = problems.slice(0, MAX_LINES).map((p) => problemLine(p, lang));
  if (problems.length > MAX_LINES) lines.push(t(lang, 'noticeMore', { n: String(problems.length - MAX_LINES) }));
  return [t(lang, 'noticeUrlHead'), ...lines];
}
