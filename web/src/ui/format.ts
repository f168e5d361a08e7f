// Number formatting for display: a true minus sign, ∞ and NaN spelled out,
// and powers of ten with superscripts. Display only; no value is parsed back.

const SUPERSCRIPT: Record<string, string> = {
  '0': '⁰', '1': '¹', '2': '²', '3': '³', '4': '⁴', '5': '⁵', '6': '⁶', '7': '⁷', '8': '⁸', '9': '⁹', '-': '⁻',
};
const SUBSCRIPT = '₀₁₂₃₄₅₆₇₈₉';

export function minus(s: string): string {
  return s.startsWith('-') ? `−${s.slice(1)}` : s;
}

export function superscript(n: number): string {
  return [...String(n)].map((c) => SUPERSCRIPT[c] ?? c).join('');
}

export function subscript(n: number): string {
  return [...String(n)].map((c) => SUBSCRIPT[Number(c)] ?? c).join('');
}

function special(v: number): string | null {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '∞';
  if (v === -Infinity) return '−∞';
  return null;
}

/**
 * A whole count with thousands separators, as en-US writes it: 12,345. Not
 * toLocaleString: the page's first Intl number format costs 20–43 ms of main
 * thread in Chromium (ICU starting), and the studio's first frame shows a count.
 */
export function formatCount(v: number): string {
  const s = special(v);
  if (s !== null) return s;
  const n = Math.round(v);
  const digits = String(Math.abs(n));
  // Past 1e21 String() writes an exponent; no count gets there, but say it plainly.
  const grouped = digits.includes('e') ? digits : digits.replace(/\B(?=(\d{3})+$)/g, ',');
  return n < 0 ? `−${grouped}` : grouped;
}

/** Up to `digits` significant digits, no float noise: 0.25, −0.4, 1.129. */
export function formatNumber(v: number, digits = 4): string {
  return special(v) ?? minus(String(Number(v.toPrecision(digits))));
}

/** a × 10ᵇ for very small or large magnitudes, plain otherwise. */
export function formatSci(v: number, digits = 3): string {
  const s = special(v);
  if (s !== null) return s;
  const a = Math.abs(v);
  if (a === 0 || (a >= 1e-3 && a < 1e5)) return formatNumber(v, digits);
  const [mantissa, exp] = v.toExponential(digits - 1).split('e');
  return `${minus(String(Number(mantissa)))} × 10${superscript(Number(exp))}`;
}

/** Probabilities: exact 0 and 1 as such, three decimals, tiny values in powers of ten. */
export function formatProb(v: number): string {
  const s = special(v);
  if (s !== null) return s;
  if (v === 0 || v === 1) return String(v);
  if (Math.abs(v) < 5e-4) return formatSci(v, 2);
  return minus(v.toFixed(3));
}

/** Fixed decimals with a true minus (log-probabilities, gradients). */
export function formatFixed(v: number, decimals = 3): string {
  const s = special(v);
  if (s !== null) return s;
  if (Math.abs(v) >= 1e5) return formatSci(v, 4);
  if (Math.abs(v) >= 1000) return formatNumber(v, 7);
  const text = v.toFixed(decimals);
  return minus(Number(text) === 0 ? (0).toFixed(decimals) : text);
}

/** The full float32 value, as the article prints it: 0.04201007. */
export function formatFull(v: number): string {
  return special(v) ?? minus(String(Number(v.toPrecision(8))));
}

/**
 * A small TeX formula as plain text, for labels that cannot hold KaTeX
 * ("x_1^2" → "x₁²", "\sin x_1" → "sin x₁", "x_1 x_2" → "x₁x₂"): digit
 * sub- and superscripts and \name operators only; anything else gives null.
 */
export function texPlain(tex: string): string | null {
  const out = tex
    .replace(/_(\d)/g, (_m, d: string) => subscript(Number(d)))
    .replace(/\^(\d)/g, (_m, d: string) => SUPERSCRIPT[d] ?? d)
    .replace(/\\([a-z]+) /g, '$1 ')
    .replace(/([₀-₉]) (?=[a-z])/g, '$1');
  return /[\\_^{}]/.test(out) ? null : out;
}
