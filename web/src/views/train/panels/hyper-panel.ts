// The settings card: the basic controls in view (learning rate, activation,
// L2 regularisation, the output head) and an Advanced group (optimiser and its
// momentum, schedule, batch size, L1, dropout, clipping, initialisation) that
// opens when a preset or a link sets one of them. The training fields apply
// to the running trainer in place (trainer.set), without a restart.
import type { ConfigSchema, ScheduleName } from '../../../engine/engine';
import type { StringKey } from '../../../app/i18n';
import { VALUE_MENUS as M, fullBatch, nameMenus } from '../controls/control-menus';
import { readsParam } from '../model/train-rules';
import type { OptimizerChoice, TrainState } from '../model/train-state';
import { SelectField, card, el, type Choice, type Localizer } from '../ui';

type Patch = (s: TrainState) => void;

const text = (v: number): Choice<number> => ({ value: v, label: { text: String(v) } });

export class HyperPanel {
  readonly root: HTMLElement;
  readonly advanced: HTMLDetailsElement;
  #advancedKey = '';
  readonly #schema: ConfigSchema;
  readonly #fields: {
    opt: SelectField<OptimizerChoice>;
    lr: SelectField<number>;
    mom: SelectField<number>;
    sched: SelectField<ScheduleName>;
    dsteps: SelectField<number>;
    drate: SelectField<number>;
    bs: SelectField<number>;
    l1: SelectField<number>;
    l2: SelectField<number>;
    drop: SelectField<number>;
    clipn: SelectField<number>;
    clipv: SelectField<number>;
  };

  /** basic/advanced: the network editor's fields that sit here (activation and head; initialisation). */
  constructor(L: Localizer, schema: ConfigSchema, change: (p: Patch) => void, basic: HTMLElement[], advanced: HTMLElement[]) {
    this.#schema = schema;
    const c = card(L, 'settings', 'nt-hyper');
    this.root = c.root;
    const offOr = (v: number): Choice<number> => (v === 0 ? { value: 0, label: 'off' } : text(v));
    const noneOr = (v: number): Choice<number> => (v === 0 ? { value: 0, label: 'none' } : text(v));
    const mk = <V>(label: StringKey, choices: Choice<V>[], set: (s: TrainState, v: V) => void) =>
      new SelectField<V>(L, label, choices, (v) => change((s) => set(s, v)));
    const names = nameMenus(schema);
    this.#fields = {
      // The core's names: each needs its opt_/sched_ string (tests/wasm/config-schema.test.ts).
      opt: mk('optimizer', names.optimizer.map((o) => ({ value: o as OptimizerChoice, label: `opt_${o}` as StringKey })), (s, v) => (s.optimizer = v)),
      lr: mk('learningRate', M.learningRate.map(text), (s, v) => (s.learningRate = v)),
      mom: mk('momentum', M.momentum.map(text), (s, v) => (s.momentum = v)),
      sched: mk('schedule', names.schedule.map((o) => ({ value: o as ScheduleName, label: `sched_${o}` as StringKey })), (s, v) => (s.schedule = v)),
      dsteps: mk('decaySteps', M.decaySteps.map(text), (s, v) => (s.decaySteps = v)),
      drate: mk('decayRate', M.decayRate.map(text), (s, v) => (s.decayRate = v)),
      bs: mk('batchSize', [...M.batchSize.map(text), { value: fullBatch(schema), label: 'fullBatch' }], (s, v) => (s.batchSize = v)),
      l1: mk('l1', M.l1.map(noneOr), (s, v) => (s.l1 = v)),
      l2: mk('l2', M.l2.map(noneOr), (s, v) => (s.l2 = v)),
      drop: mk('dropout', M.dropout.map(noneOr), (s, v) => (s.dropout = v)),
      clipn: mk('clipNorm', M.clipNorm.map(offOr), (s, v) => (s.clipNorm = v)),
      clipv: mk('clipValue', M.clipValue.map(offOr), (s, v) => (s.clipValue = v)),
    };
    for (const [key, field] of Object.entries(this.#fields)) field.root.dataset.field = key;
    const f = this.#fields;
    const summary = L.text(el('summary', { cls: 'nt-advanced-summary' }), 'advanced');
    this.advanced = el('details', { cls: 'nt-card nt-advanced' }, [
      summary,
      el('div', { cls: 'nt-fields nt-fields-grid' }, [
        ...[f.opt, f.mom, f.sched, f.dsteps, f.drate, f.bs, f.l1, f.drop, f.clipn, f.clipv].map((x) => x.root), ...advanced,
      ]),
      L.text(el('p', { cls: 'nt-card-hint' }), 'liveNote'),
    ]);
    this.advanced.dataset.field = 'advanced'; // the lessons' controlsUsed fact names it when opened
    c.body.append(el('div', { cls: 'nt-fields nt-fields-grid nt-basic' }, [f.lr.root, ...basic.slice(0, 1), f.l2.root, ...basic.slice(1)]), this.advanced);
  }

  /**
   * Opens the Advanced group when the advanced settings change to something
   * other than the defaults (a preset, a lesson or a link needs them); the
   * student may close it again.
   */
  revealAdvanced(s: TrainState, d: TrainState): void {
    const keys = ['optimizer', 'momentum', 'schedule', 'decaySteps', 'decayRate', 'batchSize', 'l1', 'dropout', 'clipNorm', 'clipValue', 'init', 'initSigma', 'biasInit'] as const;
    const key = keys.map((k) => String(s[k])).join();
    if (key !== this.#advancedKey && keys.some((k) => s[k] !== d[k])) this.advanced.open = true;
    this.#advancedKey = key;
  }

  set(s: TrainState): void {
    const f = this.#fields;
    f.opt.set(s.optimizer);
    f.lr.set(s.learningRate);
    f.mom.set(s.momentum);
    f.mom.root.hidden = !readsParam(this.#schema, s.optimizer, 'momentum');
    f.sched.set(s.schedule);
    f.dsteps.set(s.decaySteps);
    f.dsteps.root.hidden = s.schedule === 'constant';
    f.drate.set(s.decayRate);
    f.drate.root.hidden = s.schedule !== 'step';
    f.bs.set(s.batchSize);
    f.l1.set(s.l1);
    f.l2.set(s.l2);
    f.drop.set(s.dropout);
    f.clipn.set(s.clipNorm);
    f.clipv.set(s.clipValue);
  }
}
