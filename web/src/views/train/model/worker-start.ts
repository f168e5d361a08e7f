// The one place that names the worker script: Vite bundles train-worker.ts
// into its own file, loaded only when the studio starts it (the single-file
// build, vite.single.config.mjs, inlines it and starts it from a blob: URL).
import TrainWorker from './train-worker.ts?worker';
import type { WorkerPort } from './remote-trainer';

export function startTrainWorker(): WorkerPort {
  return new TrainWorker() as unknown as WorkerPort;
}
