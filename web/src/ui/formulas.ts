// TeX for everything the page writes as a formula, keyed by state names:
// activations by their core name (the core supplies their TeX), softmax-lab
// outputs by output id. Rendered with KaTeX, loaded as its own chunk.
import type { ActivationInfo } from '../engine/engine';
import type { Lang } from '../app/i18n';

export const SOFTMAX_TEX = {
  softmax: 'p_i=\\frac{e^{z_i/T}}{\\sum_j e^{z_j/T}}',
  percentages: 'q_i=\\frac{z_i}{\\sum_j z_j}',
  naive: '\\frac{\\exp(z_i/T)}{\\sum_j \\exp(z_j/T)}',
  logsoftmax: '\\log p_i=\\frac{z_i}{T}-\\log\\sum_j e^{z_j/T}',
  jacobian: '\\frac{\\partial p_i}{\\partial z_j}=\\frac{1}{T}\\,p_i\\,(\\delta_{ij}-p_j)',
  crossEntropy: 'L=-\\log p_t',
  gradient: '\\frac{\\partial L}{\\partial (z/T)}=p-y',
  chain: '\\Bigl|\\prod_{k=1}^{n} f\'(x_k)\\Bigr|\\le\\bigl(\\max_x |f\'(x)|\\bigr)^{n}',
} as const;
export type SoftmaxTexKey = keyof typeof SOFTMAX_TEX;

// The core's TeX carries a few English words in \text{}; these are their translations.
const TEXT_ZH: Readonly<Record<string, string>> = {
  '(training)': '（训练时）',
  '(evaluation)': '（推理时）',
  learned: '可学习',
};

/** f or f′ of an activation, with \text{} words in the page language. */
export function activationTex(info: ActivationInfo, which: 'f' | 'df', lang: Lang): string {
  const tex = info.tex[which];
  if (lang === 'en') return tex;
  return tex.replace(/\\text\{([^{}]*)\}/g, (m, word: string) => (word in TEXT_ZH ? `\\text{${TEXT_ZH[word]}}` : m));
}

// KaTeX is its own chunk, requested by the first formula: it arrives right
// after first paint and then every formula on the page is typeset, visible or
// not (a card waiting to be scrolled to would stay empty for a reader that
// does not scroll: a screen reader, a find-in-page, a printout).
let loading: Promise<typeof import('./katex-render')> | null = null;

/** Typesets `tex` into `element` as soon as KaTeX is loaded. Repeating the same TeX is free. */
export function renderTex(element: HTMLElement, tex: string): void {
  if (element.dataset.tex === tex) return;
  element.dataset.tex = tex;
  loading ??= import('./katex-render');
  loading.then(
    (katex) => {
      // A later call may have replaced the TeX while KaTeX was loading.
      const latest = element.dataset.tex ?? '';
      if (element.dataset.rendered === latest) return;
      katex.renderInto(element, latest);
      element.dataset.rendered = latest;
      watchOverflow(element);
    },
    () => {
      element.textContent = element.dataset.tex ?? '';
    },
  );
}

// A formula never wraps (CSS); one wider than its box scrolls, and a scrolling
// box must be reachable from the keyboard, so it is focusable while (and only
// while) it overflows. Re-checked whenever the box changes size.
let resizes: ResizeObserver | null = null;

// KaTeX ends a sub- or superscript with a 2 px spacer that hangs past the
// formula (.vlist-s): that much is not overflow.
const SPACER = 2;

function markOverflow(element: HTMLElement): void {
  if (element.scrollWidth > element.clientWidth + SPACER + 0.5) element.tabIndex = 0;
  else element.removeAttribute('tabindex');
}

function watchOverflow(element: HTMLElement): void {
  markOverflow(element);
  if (typeof ResizeObserver === 'undefined') return;
  resizes ??= new ResizeObserver((entries) => entries.forEach((e) => markOverflow(e.target as HTMLElement)));
  resizes.observe(element);
}
