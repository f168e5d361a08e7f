// The pieces every URL key's parser shares (the page's keys in state.ts, the
// studio's in state-train.ts): how a number and a name are written, how an
// offending value is shortened for a notice, and the one notice type.
export const NUMBER = /^-?(\d+\.?\d*|\.\d+)(e[-+]?\d{1,3})?$/i;
export const NAME = /^[a-z][a-z0-9_]{0,31}$/;

export type ProblemReason =
  'unknownKey' | 'badValue' | 'droppedItem' | 'tooLong' | 'unavailable' | 'range' | 'badLayer' | 'truncated';

/** A value of the link that was not used, for a visible notice. */
export interface Problem {
  key: string;
  /** The offending text, shortened for display (shown as text, never markup). */
  value: string;
  reason: ProblemReason;
  /** The allowed range, for 'range' and 'truncated'. */
  range?: readonly [number, number];
  /** What is used instead, as written in a link ("lr=0.03"); the page's own keys derive it from their defaults. */
  fallback?: string;
}

export function shorten(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

/** A finite number written plainly, or undefined. */
export function num(text: string): number | undefined {
  if (!NUMBER.test(text)) return undefined;
  const v = Number(text);
  return Number.isFinite(v) ? v : undefined;
}

/** A number with at most 6 significant digits, without float noise. */
export function numText(v: number): string {
  return String(Number(v.toPrecision(6)));
}
