// The training studio as a self-contained view: mountTrainView puts it into
// a host element and returns setLang/destroy. The host owns the URL; the view
// reports every state change through onStateChange (trainStateToParams turns
// it into URL parameters, trainStateFromParams reads them back with notices).
import '../../strings/studio'; // first: the studio's strings before any of its modules runs
import 'uplot/dist/uPlot.min.css';
import './styles/train.css';
import './styles/train-layout.css';
import './styles/train-charts.css';
import './styles/train-diagnostics.css';
import './styles/train-extras.css';
import './styles/train-stage.css';
import './styles/train-phone.css';
import type { Engine } from '../../engine/engine';
import type { StartingWorker, WorkerInit } from './model/remote-trainer';
import { invalidatePalette } from '../../charts/theme';
import { Panels } from './train-layout';
import { Runner, browserFrameHost, type FrameHost } from './model/runner';
import { Session } from './model/session';
import { connectTrainWorker } from './model/worker-start';
import type { Lang } from '../../app/lang';
import { applyStrings } from '../../app/i18n';
import { addPoint, clearPoints, copyPoints, importCsv } from './panels/custom-actions';
import { diverged, fixDivergence, rewind } from './panels/divergence-actions';
import { TrainController, message } from './train-controller';
import { normalizeState } from '../../app/state-train';
import { trainRules } from './model/train-rules';
import type { Problem } from '../../app/url-values';
import { cloneState, defaultTrainState, type TrainState } from './model/train-state';
import { Localizer } from './ui';

export type { TrainState } from './model/train-state';
export { TRAIN_PARAM_KEYS, trainStateFromParams, trainStateToParams } from '../../app/state-train';
export { trainRules } from './model/train-rules';
export { problemLine as noticeText } from '../../app/notice-text';

export interface TrainViewOptions {
  engine: Engine;
  lang: Lang;
  onStateChange?: (s: TrainState) => void;
  initial?: Partial<TrainState>;
  /** Notices from trainStateFromParams to show at the top of the view. */
  notices?: Problem[];
  /** Tests and embedders may drive frames themselves. */
  frameHost?: FrameHost;
  /** Starts the training worker (default: worker-start.ts); null trains on the main thread. */
  connectWorker?: ((init: WorkerInit) => StartingWorker | null) | null;
}

export interface TrainViewHandle {
  setLang(lang: Lang): void;
  /** Stops training (the host hid the view). */
  pause(): void;
  /** Trains on if the last pause() stopped a run (an embedding scrolled back into view). */
  resume(): void;
  /** Re-reads the palette after the host switched light/dark. */
  refreshTheme(): void;
  destroy(): void;
}



/**
 * The worker's snapshots redraw a studio that is not running (Step, rewind,
 * pause); the root's data-trainer says where training runs, and where that is
 * the main thread because no worker could start, the status line says so.
 */
function wireSession(session: Session, c: TrainController, panels: Panels): void {
  session.onUpdate = (stopped) => {
    if (c.runner.running) return;
    if (stopped) diverged(c);
    else c.runner.requestDraw();
  };
  const status = panels.status;
  const set = status.set;
  status.set = (text, error) => set(text || (session.mode === 'main' && fellBack ? panels.L.t('mainThreadTraining') : ''), error);
  let fellBack = false;
  panels.root.dataset.trainer = session.mode;
  session.onModeChange = (mode) => {
    panels.root.dataset.trainer = mode;
    // Train was pressed while the worker loaded: its first frame now.
    if (c.runner.running) session.play(c.runner.target);
    fellBack = mode === 'main';
    if (fellBack) status.set('');
  };
}

export function mountTrainView(root: HTMLElement, options: TrainViewOptions): TrainViewHandle {
  const { engine } = options;
  const L = new Localizer(options.lang);
  const rules = trainRules(engine);
  const defaults = defaultTrainState(rules.schema);
  // The initial state passes the same checks as a URL would.
  const initial = normalizeState({ ...defaults, ...cloneState({ ...defaults, ...options.initial }) }, rules);
  const session = new Session(engine, options.connectWorker === undefined ? connectTrainWorker : options.connectWorker ?? undefined);
  const controller = new TrainController(session, initial, (s) => options.onStateChange?.(cloneState(s)));
  const host = options.frameHost ?? browserFrameHost();
  const c = controller;
  const panels = new Panels(L, engine, session, host, {
    toggle: () => c.toggle(),
    step: () => c.stepOnce(),
    reset: () => c.reset(),
    reseed: () => c.reseed(),
    speed: (s) => c.setSpeed(s),
    rewind: () => rewind(c),
    fix: (f) => fixDivergence(c, f),
    change: (edit) => c.change(edit),
    clearPoints: () => clearPoints(c),
    copyPoints: () => copyPoints(c),
    importCsv: (text, regression) => importCsv(c, text, regression, message),
    addPoint: (x, y) => addPoint(c, x, y),
    preset: (id) => c.preset(id),
    importModel: (text) => c.importModel(text, rules),
    make: (activation) => {
      const s = cloneState(c.state);
      s.layers = s.layers.map((l) => ({ units: l.units, activation, pieces: 2 }));
      return session.createFor(s);
    },
    starting: () => c.runner.pause(),
    drew: () => c.publishProbe(),
    compared: () => c.publishProbe(),
    setParameter: (layer, unit, from, value) => c.setParameter(layer, unit, from, value),
    tabShown: () => c.runner && c.draw({ steps: 0, stepMs: 0, stepsPerSecond: 0, running: c.runner.running }, true),
  }, options.notices ?? []);
  controller.panels = panels;
  controller.runner = new Runner({
    host,
    step: (k, target) => session.step(k, target),
    onFrame: (info) => c.draw(info),
    onDiverged: () => diverged(c),
    onRunningChange: (running) => {
      panels.transport.setRunning(running);
      if (running) session.play(c.runner.target);
      else session.pause();
    },
  });
  wireSession(session, controller, panels);
  root.replaceChildren(panels.root);
  panels.sync(controller.state);
  const scheme = matchMedia('(prefers-color-scheme: dark)');
  const onScheme = () => {
    invalidatePalette();
    panels.parts.data.redrawThumbs();
    panels.parts.curves.refreshTheme();
    c.runner.requestDraw();
  };
  scheme.addEventListener('change', onScheme);
  void controller.rebuild();
  let pausedRun = false;

  return {
    setLang(lang: Lang) {
      // The page's one mechanism first (data-i18n texts), then what carries values.
      applyStrings(root, lang);
      L.setLang(lang);
      panels.sync(controller.state);
      c.runner.requestDraw();
    },
    pause() {
      pausedRun ||= c.runner.running;
      c.runner.pause();
      panels.parts.compare.stop();
    },
    resume() {
      if (pausedRun && !c.runner.running) c.toggle();
      pausedRun = false;
    },
    refreshTheme: onScheme,
    destroy() {
      scheme.removeEventListener('change', onScheme);
      controller.runner.destroy();
      panels.destroy();
      session.dispose();
      root.replaceChildren();
    },
  };
}
