// The one place that names the worker script: Vite bundles train-worker.ts
// into its own file, loaded only when the studio starts it (the single-file
// build, vite.single.config.mjs, inlines it and starts it from a blob: URL).
// A page that knows it will show the studio starts the worker early
// (prewarmTrainWorker), so that it loads its engine while the page loads its own.
import TrainWorker from './train-worker.ts?worker';
import { startWorker, type StartingWorker, type WorkerInit, type WorkerPort } from './remote-trainer';
import { wasmBytes } from './wasm-bytes';
import { workerName } from './worker-protocol';

type Build = WorkerInit['build'];

function connect(build: Build): StartingWorker | null {
  const wasmBinary = wasmBytes(build);
  // Named by its build where it fetches its own module: it starts loading before any message reaches it.
  const start = () => new TrainWorker({ name: wasmBinary ? undefined : workerName(build) }) as unknown as WorkerPort;
  return startWorker(start, wasmBinary ? { build, wasmBinary } : { build });
}

let early: { build: Build; worker: StartingWorker | null } | null = null;

/** Starts the worker now, for the studio that mounts later (connectTrainWorker). */
export function prewarmTrainWorker(build: Build): void {
  early ??= { build, worker: connect(build) };
}

/**
 * Resolves once the prewarmed worker's script has run, or after timeoutMs
 * (at once without one). Starting a worker takes a few short tasks on the
 * page's main thread, and a message posted to it waits until they have run:
 * a page that yields here before mounting the studio (a long task) has a
 * worker that gets the studio's build and Train's first request at once,
 * instead of after the mount.
 */
export function prewarmedWorkerStarted(timeoutMs: number): Promise<void> {
  const w = early?.worker;
  if (!w) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(resolve, timeoutMs);
    void w.started.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

/** The studio's worker: the prewarmed one if it fits, else a new one. */
export function connectTrainWorker(init: Pick<WorkerInit, 'build'>): StartingWorker | null {
  const e = early;
  early = null;
  if (e && e.build === init.build) return e.worker;
  e?.worker?.remote.dispose();
  return connect(init.build);
}
