// TeX for everything the page writes as a formula, keyed by state names:
// activations by their core name (the core supplies their TeX), softmax-lab
// outputs by output id. Rendered with KaTeX, which is loaded only once a
// formula comes near the viewport, so it stays out of the first load.
import type { ActivationInfo } from './engine';
import type { Lang } from './i18n';

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

type Renderer = typeof import('./katex-render');
let renderer: Renderer | null = null;
let loading: Promise<Renderer> | null = null;
let observer: IntersectionObserver | null = null;

function typeset(element: HTMLElement): void {
  loading ??= import('./katex-render');
  loading.then(
    (katex) => {
      renderer = katex;
      const tex = element.dataset.tex ?? '';
      if (element.dataset.rendered !== tex) {
        katex.renderInto(element, tex);
        element.dataset.rendered = tex;
      }
    },
    () => {
      element.textContent = element.dataset.tex ?? '';
    },
  );
}

/**
 * Typesets `tex` into `element`: at once if KaTeX is already loaded, else when
 * the element first comes near the viewport. Repeating the same TeX is free.
 */
export function renderTex(element: HTMLElement, tex: string): void {
  if (element.dataset.tex === tex) return;
  element.dataset.tex = tex;
  if (renderer || typeof IntersectionObserver === 'undefined') {
    typeset(element);
    return;
  }
  observer ??= new IntersectionObserver(
    (entries) => {
      for (const entry of entries) {
        if (!entry.isIntersecting) continue;
        observer?.unobserve(entry.target);
        typeset(entry.target as HTMLElement);
      }
    },
    { rootMargin: '120px 0px' },
  );
  observer.observe(element);
}
