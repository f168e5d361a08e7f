// A model file (Trainer.toJSON()) back into the studio: the engine checks and
// loads it, with the data its config names (digits and Iris are fetched first,
// your own data comes from the session), and the studio's state is read from
// the loaded config, so the controls and the link show the model's network.
import type { FullTrainerConfig, Trainer } from '../../../engine/engine';
import { MAXOUT, type LayerSpec, type TrainState } from './train-state';
import { optimizerChoices } from './train-rules';
import type { Session } from './session';
import { normalizeState, type TrainRules } from '../../../app/state-train';
import type { StringKey } from '../../../app/i18n';

/** Bigger files are refused unread (a 8×256 network is about 10 MB of JSON). */
export const MAX_MODEL_MB = 32;

/** A problem the studio words itself (the engine's own errors carry their message). */
export class ModelFileError extends Error {
  readonly key: StringKey;
  constructor(key: StringKey) {
    super(key);
    this.key = key;
  }
}

/** Loads the model text into a new trainer (the caller adopts or disposes it); throws on a bad file. */
export async function loadModel(session: Session, text: string): Promise<Trainer> {
  if (text.length > MAX_MODEL_MB * 1024 * 1024) throw new ModelFileError('importTooBig');
  const engine = session.engine;
  let kind: unknown;
  try {
    kind = (JSON.parse(text) as { config?: { data?: { kind?: unknown } } } | null)?.config?.data?.kind;
  } catch {
    // Not JSON: the engine names the line and column.
    return engine.loadTrainer(text);
  }
  if (kind === 'digits' || kind === 'iris') return engine.loadTrainer(text, { data: await session.real(kind) });
  if (kind !== 'custom') return engine.loadTrainer(text);
  const data = session.custom.toDataset(engine);
  if (!data) throw new ModelFileError('importNeedPoints');
  try {
    return engine.loadTrainer(text, { data });
  } finally {
    data.dispose();
  }
}

/** The studio state of a loaded config; view-only fields (speed, comparison …) stay as they are. */
export function stateFromConfig(c: FullTrainerConfig, keep: TrainState, rules: TrainRules): TrainState {
  const layers = c.hidden.map((l): LayerSpec => {
    if (l.maxout > 0) return { units: l.units, activation: MAXOUT, pieces: l.maxout };
    const spec: LayerSpec = { units: l.units, activation: l.activation, pieces: 2 };
    // Only parameters the activation takes (the link refuses others).
    for (const p of ['alpha', 'lower', 'upper'] as const) if (rules.activations?.paramRange(l.activation, p)) spec[p] = l[p];
    return spec;
  });
  const t = c.train;
  const optimizer = t.optimizer === 'momentum' && t.nesterov ? 'nesterov' : t.optimizer;
  const next: TrainState = {
    ...keep,
    data: c.data.kind,
    samples: c.data.samples,
    noise: c.data.noise,
    trainFraction: c.data.trainFraction,
    classes: c.data.classes,
    dataSeed: c.data.seed,
    features: [...c.data.features],
    layers,
    head: c.head,
    init: c.init,
    initSigma: c.initSigma,
    biasInit: c.biasInit,
    seed: c.seed,
    optimizer: optimizerChoices(rules.schema).includes(optimizer) ? optimizer : keep.optimizer,
    learningRate: t.learningRate,
    momentum: t.momentum,
    schedule: t.schedule,
    decaySteps: t.decaySteps,
    decayRate: t.decayRate,
    batchSize: t.batchSize,
    l1: t.l1,
    l2: t.l2,
    dropout: t.dropout,
    clipNorm: t.clipNorm,
    clipValue: t.clipValue,
  };
  // Through the link's own checks, so the state is exactly what a reload reads.
  return normalizeState(next, rules);
}
