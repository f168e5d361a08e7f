// The training hyperparameters: optimiser, learning rate and its schedule,
// batch size, penalties, dropout and gradient clipping. All of them apply to
// the running trainer in place (trainer.set), without a restart.
import type { ScheduleName } from '../engine';
import type { StringKey } from '../i18n';
import { OPTIMIZERS, SCHEDULES, type OptimizerChoice, type TrainState } from './train-state';
import { SelectField, card, el, type Choice, type Localizer } from './ui';

type Patch = (s: TrainState) => void;

const LRS = [0.00001, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3, 10];
const MOMENTA = [0.5, 0.9, 0.95, 0.99];
const DECAY_STEPS = [100, 500, 1000, 5000];
const DECAY_RATES = [0.1, 0.5, 0.9];
const BATCHES = [1, 4, 10, 16, 32, 64, 128];
const PENALTIES = [0, 0.0001, 0.001, 0.003, 0.01, 0.03, 0.1];
const DROPOUTS = [0, 0.1, 0.2, 0.3, 0.5];
const CLIP_NORMS = [0, 0.5, 1, 5];
const CLIP_VALUES = [0, 0.1, 0.5, 1];
export const FULL_BATCH = 5000;

const text = (v: number): Choice<number> => ({ value: v, label: { text: String(v) } });

export class HyperPanel {
  readonly root: HTMLElement;
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

  constructor(L: Localizer, change: (p: Patch) => void) {
    const c = card(L, 'training', 'nt-hyper');
    this.root = c.root;
    const offOr = (v: number): Choice<number> => (v === 0 ? { value: 0, label: 'off' } : text(v));
    const noneOr = (v: number): Choice<number> => (v === 0 ? { value: 0, label: 'none' } : text(v));
    const f = <V>(label: StringKey, choices: Choice<V>[], set: (s: TrainState, v: V) => void) =>
      new SelectField<V>(L, label, choices, (v) => change((s) => set(s, v)));
    this.#fields = {
      opt: f('optimizer', OPTIMIZERS.map((o) => ({ value: o, label: `opt_${o}` as const })), (s, v) => (s.optimizer = v)),
      lr: f('learningRate', LRS.map(text), (s, v) => (s.learningRate = v)),
      mom: f('momentum', MOMENTA.map(text), (s, v) => (s.momentum = v)),
      sched: f('schedule', SCHEDULES.map((o) => ({ value: o, label: `sched_${o}` as const })), (s, v) => (s.schedule = v)),
      dsteps: f('decaySteps', DECAY_STEPS.map(text), (s, v) => (s.decaySteps = v)),
      drate: f('decayRate', DECAY_RATES.map(text), (s, v) => (s.decayRate = v)),
      bs: f('batchSize', [...BATCHES.map(text), { value: FULL_BATCH, label: 'fullBatch' }], (s, v) => (s.batchSize = v)),
      l1: f('l1', PENALTIES.map(noneOr), (s, v) => (s.l1 = v)),
      l2: f('l2', PENALTIES.map(noneOr), (s, v) => (s.l2 = v)),
      drop: f('dropout', DROPOUTS.map(noneOr), (s, v) => (s.dropout = v)),
      clipn: f('clipNorm', CLIP_NORMS.map(offOr), (s, v) => (s.clipNorm = v)),
      clipv: f('clipValue', CLIP_VALUES.map(offOr), (s, v) => (s.clipValue = v)),
    };
    for (const [key, field] of Object.entries(this.#fields)) field.root.dataset.field = key;
    c.body.append(
      el('div', { cls: 'nt-fields nt-fields-grid' }, Object.values(this.#fields).map((x) => x.root)),
      L.text(el('p', { cls: 'nt-card-hint' }), 'liveNote'),
    );
  }

  set(s: TrainState): void {
    const f = this.#fields;
    f.opt.set(s.optimizer);
    f.lr.set(s.learningRate);
    f.mom.set(s.momentum);
    f.mom.root.hidden = s.optimizer !== 'momentum' && s.optimizer !== 'nesterov';
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
