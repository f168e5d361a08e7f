// The studio's training worker (views/train/model/worker-loop.ts) and the
// page's side of it (session.ts), joined by an in-process message queue in
// place of a Worker: training in the worker gives the step counts, batch
// losses and weights that the same steps give on the main thread (training
// is deterministic, and the worker's extra evaluations read no random
// numbers); the page's mirror shows the worker's weights; edits reach both;
// and where no worker starts, the session trains on the main thread.
import { describe, expect, it } from 'vitest';
import type { Engine, TrainerConfigJson } from '../../web/src/engine/engine';
import { startWorker, type WorkerPort } from '../../web/src/views/train/model/remote-trainer';
import { Session } from '../../web/src/views/train/model/session';
import { defaultTrainState, trainerConfig, type TrainState } from '../../web/src/views/train/model/train-state';
import { WorkerLoop } from '../../web/src/views/train/model/worker-loop';
import type { FromWorker, Snapshot, ToWorker } from '../../web/src/views/train/model/worker-protocol';
import { engineFor } from './load';

/** A Worker stand-in: messages both ways wait in one queue until pump() delivers them. */
function inProcessWorker(engine: Engine) {
  const queue: (() => void)[] = [];
  let clock = 0;
  const port: WorkerPort = {
    onmessage: null,
    onerror: null,
    postMessage: (m: ToWorker) => queue.push(() => (m.type === 'init' ? toPage({ type: 'ready' }) : loop.handle(m))),
    terminate: () => (queue.length = 0),
  };
  const toPage = (m: FromWorker) => queue.push(() => port.onmessage?.({ data: m } as MessageEvent<FromWorker>));
  const loop = new WorkerLoop(engine, {
    post: (m) => toPage(m),
    // Each reading of the clock moves it 4 ms, the chunk length: every chunk is then one step.
    now: () => (clock += 4),
    later: (fn) => queue.push(fn),
  });
  const pump = (max = 10000) => {
    for (let i = 0; i < max && queue.length > 0; i++) queue.shift()!();
  };
  return { port, pump, loop };
}

const SPIRAL: Partial<TrainState> = {
  data: 'spiral',
  layers: [
    { units: 8, activation: 'tanh', pieces: 2 },
    { units: 8, activation: 'tanh', pieces: 2 },
  ],
};

async function setup() {
  const engine = await engineFor('simd');
  const state: TrainState = { ...defaultTrainState(engine.configSchema()), ...SPIRAL };
  return { engine, state, config: trainerConfig(state) as TrainerConfigJson };
}

describe('training worker', () => {
  it('trains as the main thread does: same steps, batch losses and weights', async () => {
    const { engine, config } = await setup();
    const w = inProcessWorker(engine);
    const snaps: Snapshot[] = [];
    w.port.onmessage = (e) => e.data.type === 'snapshot' && snaps.push(e.data);
    w.port.postMessage({ type: 'create', epoch: 1, config, data: null });
    w.port.postMessage({ type: 'frame', steps: 37 });
    w.pump();
    // As fast as possible for a while, with a frame request now and then, then pause.
    w.port.postMessage({ type: 'frame', steps: 0 });
    w.pump(40);
    w.port.postMessage({ type: 'frame', steps: 0 });
    w.pump(40);
    w.port.postMessage({ type: 'pause' });
    w.pump();
    const last = snaps[snaps.length - 1];
    const total = snaps.reduce((n, s) => n + s.steps, 0);
    expect(total).toBe(last.metrics.step);
    expect(total).toBeGreaterThan(37 + 2);
    expect(last.running).toBe(false);

    const main = engine.createTrainer(config);
    try {
      main.step(total);
      expect(main.metrics().step).toBe(total);
      // Bit-identical: the same float operations in the same order.
      expect(last.parameters).toEqual(main.parameters());
      const rows = snaps.flatMap((s) => Array.from(s.history.batchLoss));
      expect(rows).toEqual(Array.from(main.history(1).batchLoss));
      expect(snaps.flatMap((s) => Array.from(s.history.step))).toEqual(Array.from({ length: total }, (_, i) => i + 1));
    } finally {
      main.dispose();
    }
  });

  it('keeps the page mirror on the worker weights through reset, a typed weight and rewind', async () => {
    const { engine, state, config } = await setup();
    const w = inProcessWorker(engine);
    const session = new Session(engine, (init) => startWorker(() => w.port, init));
    expect(session.mode).toBe('starting');
    // The build is posted at once; the worker keeps it until it has loaded.
    session.build(state);
    w.pump();
    await Promise.resolve();
    expect(session.mode).toBe('worker');
    for (let frame = 0; frame < 5; frame++) {
      session.step(1, 25);
      w.pump();
    }
    const main = engine.createTrainer(config);
    try {
      main.step(125);
      expect(session.metrics?.step).toBe(125);
      expect(session.trainer!.parameters()).toEqual(main.parameters());
      expect(session.store.lastStep).toBe(125);

      session.reset(7);
      main.reset(7);
      session.setParameter(0, 1, 'bias', 0.5);
      main.setParameter(0, 1, 'bias', 0.5);
      expect(session.trainer!.parameters()).toEqual(main.parameters());
      session.step(1, 60);
      w.pump();
      main.step(60);
      expect(session.metrics?.step).toBe(60);
      expect(session.trainer!.parameters()).toEqual(main.parameters());

      const rewound = session.rewind();
      w.pump();
      await rewound;
      main.rewind();
      expect(session.metrics?.step).toBe(main.metrics().step);
      expect(session.metrics?.step).toBe(50);
      expect(session.store.lastStep).toBe(50);
      expect(session.trainer!.parameters()).toEqual(main.parameters());
      // The worker's history, as the export writes it: the steps and batch losses of the main
      // thread's (the evaluation columns differ: the worker evaluates once per snapshot).
      const csv = session.historyCsv();
      w.pump();
      const columns = (text: string) => {
        const [head, ...rows] = text.trim().split('\n').map((l) => l.split(','));
        const at = (name: string) => rows.map((r) => r[head.indexOf(name)]);
        return { step: at('step'), batchLoss: at('batch_loss') };
      };
      expect(columns(await csv)).toEqual(columns(main.historyCsv()));
      expect(columns(await csv).step.at(-1)).toBe('50');
    } finally {
      main.dispose();
      session.dispose();
    }
  });

  it('builds and trains in a worker that is still loading: Train pressed before it is ready', async () => {
    const { engine, state, config } = await setup();
    const w = inProcessWorker(engine);
    // A loading worker: it keeps what it is sent until load(), as train-worker.ts does.
    const kept: ToWorker[] = [];
    let loaded = false;
    const port: WorkerPort = { ...w.port, postMessage: (m: ToWorker) => (loaded ? w.port.postMessage(m) : kept.push(m)) };
    Object.defineProperty(port, 'onmessage', { get: () => w.port.onmessage, set: (f) => (w.port.onmessage = f) });
    const session = new Session(engine, (init) => startWorker(() => port, init));
    session.build(state);
    session.play(25);
    expect(session.mode).toBe('starting');
    expect(kept.map((m) => m.type)).toEqual(['init', 'create', 'frame']);
    loaded = true;
    for (const m of kept.splice(0)) w.port.postMessage(m);
    w.pump();
    await Promise.resolve();
    expect(session.mode).toBe('worker');
    // The frame asked for while the worker loaded was answered: the first frame has its steps.
    expect(session.step(1, 25).steps).toBe(25);
    const main = engine.createTrainer(config);
    try {
      main.step(25);
      expect(session.trainer!.parameters()).toEqual(main.parameters());
    } finally {
      main.dispose();
      session.dispose();
    }
  });

  it('falls back to the main thread where no worker starts or answers', async () => {
    const { engine, state } = await setup();
    const refused = new Session(engine, (init) =>
      startWorker(() => {
        throw new Error('no workers here');
      }, init),
    );
    const changes: string[] = [];
    refused.onModeChange = (m) => changes.push(m);
    await Promise.resolve();
    expect(refused.mode).toBe('main');
    expect(changes).toEqual(['main']);
    refused.build(state);
    expect(refused.step(10).steps).toBe(10);
    refused.dispose();

    const silent: WorkerPort = { onmessage: null, onerror: null, postMessage: () => undefined, terminate: () => undefined };
    expect(await startWorker(() => silent, { build: 'simd' }, 20)?.ready).toBe(false);
  });
});
