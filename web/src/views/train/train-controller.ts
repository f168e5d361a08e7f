// The studio's logic: applies state changes (a structural one builds a new
// network, a hyperparameter goes to trainer.set), drives the runner, and
// handles presets (divergence and your own data: panels/divergence-actions.ts,
// custom-actions.ts). Panels draw; this decides.
import { CoreError, type Trainer } from '../../engine/engine';
import type { Panels } from './train-layout';
import type { FrameInfo, Runner } from './model/runner';
import { Session } from './model/session';
import { PLANE_KINDS, REGRESSION_KINDS, changeKind, cloneState, isPlane, stepsPerFrame, type Speed, type TrainState } from './model/train-state';
import type { OutputMode } from './panels/output-panel';
import type { DrawFrame } from './panels/panel-types';
import { presetState, type PresetId } from './model/presets';
import { publishTrainProbe } from '../../app/app-events';
import { trainStateToParams } from '../../app/state-train';
import { loadModel, stateFromConfig } from './model/model-io';
import type { TrainRules } from '../../app/state-train';
import { linkPoints } from './panels/custom-actions';

/** Minimum milliseconds between updates of the counters while training runs (each panel's rate is in its registry entry). */
const COUNTERS_MS = 100;

export class TrainController {
  state: TrainState;
  readonly session: Session;
  panels!: Panels;
  runner!: Runner;
  #build = 0;
  /** The last generated 2-D classification set, for "start from the current points". */
  lastPlane: TrainState | null = null;
  /** When each panel (by registry id) and the counters last drew. */
  #drawn: Record<string, number> = {};
  /** The step when Train was pressed: the first frame past it shows its counters at once, not up to 100 ms later. */
  #startStep: number | null = null;
  readonly #calm = matchMedia('(prefers-reduced-motion: reduce)');
  readonly #onState: (s: TrainState) => void;

  constructor(session: Session, initial: TrainState, onState: (s: TrainState) => void) {
    this.session = session;
    this.state = initial;
    this.#onState = onState;
    // Points from the link (cpts=) become the custom data.
    if (initial.customPoints.length > 0) session.custom.setPoints(initial.customPoints.map((p) => ({ ...p })));
  }

  /** Applies an edit of the state; rebuilds, sets live or only redraws. */
  change(edit: (s: TrainState) => void): void {
    const next = cloneState(this.state);
    edit(next);
    this.#commit(next);
  }

  preset(id: PresetId): void {
    const p = presetState(id, this.session.engine.configSchema());
    const s = this.state;
    this.#commit({ ...p, speed: s.speed, showTest: s.showTest, discretize: s.discretize, compare: s.compare });
  }

  #commit(next: TrainState): void {
    // The link's copy of your own points always follows the data itself.
    if (next.data === 'custom') next.customPoints = linkPoints(this);
    const kind = changeKind(this.state, next);
    this.state = next;
    this.#sync();
    if (kind === 'structural') void this.rebuild();
    else if (kind === 'live') this.#live();
    else this.runner.requestDraw();
    if (kind !== 'none') this.#onState(this.state);
  }

  #live(): void {
    try {
      this.session.applyLive(this.state);
      this.runner.setTarget(this.#stepsPerFrame());
      this.panels.status.set('');
    } catch (err) {
      this.panels.status.set(message(err), true);
    }
    this.runner.requestDraw();
  }

  setSpeed(speed: Speed): void {
    this.change((s) => (s.speed = speed));
    this.runner.setTarget(this.#stepsPerFrame());
  }

  #stepsPerFrame(): number {
    return stepsPerFrame(this.state, this.session.trainer?.shape.trainSize ?? 0);
  }

  /** A new network for the current state (loads digits/iris first). */
  async rebuild(keepWeights = false): Promise<void> {
    const build = ++this.#build;
    const wasRunning = this.runner.running;
    this.runner.pause();
    this.panels.parts.compare.invalidate();
    const s = this.state;
    const p = this.panels;
    p.banner.hide();
    if ((s.data === 'digits' || s.data === 'iris') && !this.session.isLoaded(s.data)) {
      p.status.set(p.L.t('loadingData', { name: p.L.t(`kind_${s.data}`) }));
      p.transport.setEnabled(false);
      try {
        await this.session.real(s.data);
      } catch (err) {
        if (build === this.#build) p.status.set(p.L.t('dataLoadFailed', { name: p.L.t(`kind_${s.data}`), message: message(err) }), true);
        return;
      }
      if (build !== this.#build) return;
    }
    let trainer: Trainer | null = null;
    try {
      trainer = this.session.build(s, keepWeights);
      p.status.set('');
    } catch (err) {
      p.status.set(p.L.t('buildFailed', { message: message(err) }), true);
      trainer = this.session.trainer;
    }
    this.#configure(trainer);
    if (wasRunning && keepWeights && trainer) this.runner.play();
  }

  /**
   * Loads a model file and shows it: the state follows the model's config
   * (no rebuild: the loaded weights are kept). A bad file throws and leaves
   * the current model as it was. Returns the model's step.
   */
  async importModel(text: string, rules: TrainRules): Promise<number> {
    const build = this.#build;
    this.runner.pause();
    const t = await loadModel(this.session, text);
    // A rebuild started while digits or Iris loaded: that one wins.
    if (build !== this.#build) {
      t.dispose();
      throw new Error('superseded');
    }
    this.#build += 1;
    this.panels.parts.compare.invalidate();
    this.panels.banner.hide();
    this.state = stateFromConfig(t.config(), this.state, rules);
    this.#sync();
    this.session.adopt(t);
    this.#configure(t);
    this.#onState(this.state);
    return this.session.metrics?.step ?? 0;
  }

  #configure(trainer: Trainer | null): void {
    const p = this.panels;
    const s = this.state;
    if (PLANE_KINDS.includes(s.data) && !REGRESSION_KINDS.includes(s.data)) this.lastPlane = s;
    const custom = this.session.custom;
    p.transport.setEnabled(trainer !== null);
    const inputs = trainer?.shape.inputs ?? custom.inputs;
    const mode: OutputMode = inputs === 2 && isPlane(s.data, custom.inputs) ? 'plane'
      : s.data === 'sine' || (trainer?.shape.inputs === 1) ? 'fit'
        : s.data === 'digits' ? 'digits' : 'none';
    const names = trainer?.data('train').classNames ?? [];
    p.output.configure(mode, trainer, inputs, names);
    if (!trainer && s.data === 'custom') {
      const pts = custom.points;
      p.output.setCustomPoints(Float32Array.from(pts.flatMap((q) => [q.x, q.y])), Float32Array.from(pts.map((q) => q.label)));
    }
    p.configureNetwork(trainer, s, mode === 'plane');
    p.parts.data.refreshCustom();
    this.#drawn = {};
    this.runner.setTarget(this.#stepsPerFrame());
    this.draw({ steps: 0, stepMs: 0, stepsPerSecond: 0, running: false }, true);
  }

  /**
   * Draws after a frame. While running, each panel redraws at its own rate
   * (panels/registry.ts: the boundary about 30 times a second, the confusion
   * matrix once): a software-rendered page cannot repaint everything every frame within the frame budget.
   */
  draw(info: FrameInfo, all = false): void {
    const p = this.panels;
    const m = this.session.metrics;
    const t = this.session.trainer;
    const now = performance.now();
    const quiet = all || !info.running;
    const firstTrained = this.#startStep !== null && (m?.step ?? 0) > this.#startStep;
    // Cleared only by the frame that shows the first steps (an earlier frame may update the counters without any).
    if (firstTrained) this.#startStep = null;
    if (quiet || firstTrained || now - (this.#drawn.counters ?? 0) >= COUNTERS_MS) {
      this.#drawn.counters = now;
      p.transport.update(m, info.stepsPerSecond, info.running);
      p.reportDebug(m, info.running);
      this.publishProbe(info.running);
    }
    p.transport.setRunning(info.running);
    // A running frame that brought no steps (the worker's snapshot is still on its way) has no new picture.
    if (info.running && info.steps === 0 && !all) return;
    // With reduced motion the pictures change a few times a second, not 30.
    const slow = this.#calm.matches ? 8 : 1;
    // While training runs a panel in a closed tab waits: opening the tab draws it (layout-actions tabShown).
    // Paused, it draws as the others do, so what the closed tabs hold is never stale.
    const due = p.drawParts.filter((d) => (d.shown() || !info.running) && (quiet || now - (this.#drawn[d.id] ?? 0) >= d.rate * slow));
    // The heavy panels take turns: at most one of them per frame while running, the longest waiting first.
    const heavy = due.filter((d) => d.heavy).sort((a, b) => (this.#drawn[a.id] ?? 0) - (this.#drawn[b.id] ?? 0));
    const frame: Omit<DrawFrame, 'open'> = { trainer: t, metrics: m, store: this.session.store, running: info.running, quiet };
    for (const d of [...due.filter((x) => !x.heavy), ...(quiet ? heavy : heavy.slice(0, 1))]) {
      this.#drawn[d.id] = now;
      d.draw(frame);
    }
    p.alts.update(t, m, quiet);
  }

  /** Tells the lessons what the studio shows and what the student did. */
  publishProbe(running = this.runner.running): void {
    const p = this.panels;
    const schema = this.session.engine.configSchema();
    publishTrainProbe({
      params: trainStateToParams(this.state, schema),
      schema,
      metrics: this.session.metrics,
      running,
      activity: { digitStrokes: p.output.pad.strokes, comparisonsRun: p.parts.compare.runs },
    });
  }

  /** Train / pause. Training on from a divergence rewinds first (after, say, a new rate). */
  toggle(): void {
    if (this.runner.running) {
      this.runner.pause();
      return;
    }
    if (this.session.metrics?.diverged) void this.session.rewind();
    this.panels.parts.compare.stop();
    this.panels.banner.hide();
    this.#startStep = this.session.metrics?.step ?? 0;
    this.runner.play();
  }

  /** A weight or bias typed in by the student: set it, then show its effect at once. */
  setParameter(layer: number, unit: number, from: number | 'bias', value: number): string | null {
    if (!this.session.trainer) return null;
    try {
      this.session.setParameter(layer, unit, from, value);
    } catch (err) {
      return message(err);
    }
    this.draw({ steps: 0, stepMs: 0, stepsPerSecond: 0, running: this.runner.running }, true);
    return null;
  }

  stepOnce(): void {
    this.runner.stepNow(1);
    this.session.refresh();
  }

  reset(seed = this.state.seed): void {
    this.runner.pause();
    this.session.reset(seed);
    this.panels.banner.hide();
    this.#drawn = {};
    this.draw({ steps: 0, stepMs: 0, stepsPerSecond: 0, running: false }, true);
  }

  reseed(): void {
    const seed = (this.state.seed * 1103515245 + 12345) % 2147483648;
    this.state = { ...this.state, seed };
    this.#sync();
    this.#onState(this.state);
    void this.rebuild();
  }

  #sync(): void {
    this.panels.sync(this.state);
  }
}

export function message(err: unknown): string {
  return err instanceof CoreError || err instanceof Error ? err.message : String(err);
}
