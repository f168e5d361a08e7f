// The banner shown when training diverges: what happened (from the engine's
// report fields, so both languages say the same), the likely cause, and
// buttons to rewind or to rewind and apply a fix (clip, lower the rate, or
// restart with He initialisation). Screen readers hear it once, through the
// page's polite live region (no role=alert: that would speak it twice).
import type { Divergence } from '../../../engine/engine';
import type { StringKey } from '../../../app/i18n';
import { el, setText, show, type Localizer } from '../ui';
import { announce } from '../../../ui/announce';

export type Fix = 'clip' | 'lr' | 'init';

export interface BannerActions {
  rewind: () => void;
  fix: (f: Fix) => void;
}

const CAUSES = ['initial_scale', 'learning_rate', 'exploding_gradients'] as const;

/** A finite number as 5.3 × 10¹⁶, infinity as ∞. */
export function sci(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? '∞' : '−∞';
  const a = Math.abs(v);
  if (a === 0 || (a >= 1e-3 && a < 1e5)) return String(Number(v.toPrecision(3))).replace('-', '−');
  const [m, e] = v.toExponential(1).split('e');
  const sup = [...String(Number(e))].map((c) => '⁰¹²³⁴⁵⁶⁷⁸⁹'[Number(c)] ?? (c === '-' ? '⁻' : c)).join('');
  return `${m.replace('-', '−')} × 10${sup}`;
}

export class DivergenceBanner {
  readonly root: HTMLElement;
  readonly #L: Localizer;
  readonly #title: HTMLElement;
  readonly #what: HTMLElement;
  readonly #cause: HTMLElement;
  readonly #buttons: HTMLElement;
  readonly #act: BannerActions;
  #report: Divergence | null = null;
  #ctx = { lr: 0.03, sigma: 3, grad: NaN };
  #rewoundAt: number | null = null;

  constructor(L: Localizer, act: BannerActions) {
    this.#L = L;
    this.#act = act;
    this.#title = el('h3', { cls: 'nt-banner-title' });
    this.#what = el('p');
    this.#cause = el('p');
    this.#buttons = el('div', { cls: 'nt-btn-row' });
    this.root = el('div', { cls: 'nt-banner' }, [
      el('span', { cls: 'nt-banner-icon', attrs: { 'aria-hidden': 'true' }, text: '!' }),
      el('div', { cls: 'nt-banner-body' }, [this.#title, this.#what, this.#cause, this.#buttons]),
    ]);
    show(this.root, false);
    L.onChange(() => this.#render());
  }

  /** The current report (null hides the banner); lr and σ fill the advice. */
  set(report: Divergence | null, lr: number, sigma: number, lastFiniteGradNorm = NaN): void {
    this.#report = report;
    this.#ctx = { lr, sigma, grad: lastFiniteGradNorm };
    if (report) this.#rewoundAt = null;
    this.#render();
    // The banner's own words, spoken politely once per divergence.
    if (report) announce(`${this.#title.textContent} ${this.#what.textContent}`);
  }

  /** After a rewind: a short note in place of the report. */
  rewound(step: number): void {
    this.#report = null;
    this.#rewoundAt = step;
    this.#render();
  }

  hide(): void {
    this.#report = null;
    this.#rewoundAt = null;
    this.#render();
  }

  #render(): void {
    const L = this.#L;
    const d = this.#report;
    this.root.classList.toggle('nt-banner-info', d === null);
    if (!d) {
      show(this.root, this.#rewoundAt !== null);
      setText(this.#title, this.#rewoundAt !== null ? L.t('rewound', { step: String(this.#rewoundAt) }) : '');
      setText(this.#what, '');
      setText(this.#cause, '');
      this.#buttons.replaceChildren();
      return;
    }
    show(this.root, true);
    setText(this.#title, L.t('divTitle', { step: String(d.step) }));
    const where = d.layer >= 0 ? L.t('divWhereLayer', { n: String(d.layer + 1) }) : L.t('divWhereNet');
    const what = L.t(`divWhat_${d.quantity}` as StringKey, { where });
    // A non-finite "largest |gradient|" says nothing: the core's last finite one does, or failing
    // that (divergence on the first step) the history's last finite gradient norm.
    const g = Number.isFinite(d.largestGradient) ? d.largestGradient : d.largestFiniteGradient;
    const numbers = Number.isFinite(g) || !Number.isFinite(this.#ctx.grad)
      ? L.t('divNumbers', { w: sci(d.largestWeight), g: sci(g) })
      : L.t('divNumbersNorm', { w: sci(d.largestWeight), g: sci(this.#ctx.grad) });
    setText(this.#what, `${what} ${numbers}`);
    const known = (CAUSES as readonly string[]).includes(d.cause);
    setText(this.#cause, known
      ? L.t(`divCause_${d.cause as (typeof CAUSES)[number]}`, { sigma: String(this.#ctx.sigma), lr: String(this.#ctx.lr) })
      : L.t('divCause_other', { message: d.message }));
    const b = (key: StringKey, f: () => void, primary = false, vars: Record<string, string> = {}) => {
      const btn = el('button', { cls: primary ? 'nt-btn nt-btn-primary' : 'nt-btn', attrs: { type: 'button' }, text: L.t(key, vars) });
      btn.addEventListener('click', f);
      return btn;
    };
    const fixes: HTMLButtonElement[] = [];
    const lower = String(loweredRate(this.#ctx.lr));
    if (d.cause === 'initial_scale') fixes.push(b('fixClip', () => this.#act.fix('clip'), true), b('fixInit', () => this.#act.fix('init')));
    else if (d.cause === 'learning_rate') fixes.push(b('fixLr', () => this.#act.fix('lr'), true, { lr: lower }), b('fixClip', () => this.#act.fix('clip')));
    else fixes.push(b('fixClip', () => this.#act.fix('clip'), true), b('fixLr', () => this.#act.fix('lr'), false, { lr: lower }));
    const rewind = b('rewind', () => this.#act.rewind());
    rewind.dataset.action = 'rewind';
    fixes[0].dataset.action = 'fix';
    this.#buttons.replaceChildren(rewind, ...fixes);
  }
}

/** The learning rate the "lower it" fix applies. */
export function loweredRate(lr: number): number {
  return Math.min(0.03, Number((lr / 10).toPrecision(1)));
}
