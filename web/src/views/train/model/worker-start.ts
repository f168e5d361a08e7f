// The one place that names the worker script: Vite bundles train-worker.ts
// into its own file, loaded only when the studio starts it (the single-file
// build, vite.single.config.mjs, inlines it and starts it from a blob: URL).
// A page that knows it will show the studio starts the worker early
// (prewarmTrainWorker), so that it loads its engine while the page loads its own.
import TrainWorker from './train-worker.ts?worker';
import { connectWorker, type RemoteTrainer, type WorkerInit, type WorkerPort } from './remote-trainer';

function startTrainWorker(): WorkerPort {
  return new TrainWorker() as unknown as WorkerPort;
}

let early: { build: WorkerInit['build']; remote: Promise<RemoteTrainer | null> } | null = null;

/** Starts the worker now (for a served page: it fetches its own wasm). */
export function prewarmTrainWorker(build: WorkerInit['build']): void {
  early ??= { build, remote: connectWorker(startTrainWorker, { build }) };
}

/** The studio's worker: the prewarmed one if it fits, else a new one. */
export function connectTrainWorker(init: WorkerInit): Promise<RemoteTrainer | null> {
  const e = early;
  early = null;
  if (e && e.build === init.build && !init.wasmBinary) return e.remote;
  void e?.remote.then((r) => r?.dispose());
  return connectWorker(startTrainWorker, init);
}
