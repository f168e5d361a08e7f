// The studio's training worker (a module worker; remote-trainer.ts starts it).
// It loads its own engine, warms it up, says 'ready' (or 'failed'), and then
// hands every message to WorkerLoop. Where it may fetch its module itself,
// the page names the build in the worker's name (workerName) and the worker
// starts loading at once: a message posted before the worker's script has run
// waits for the page's main thread, which is busy building the studio then.
// Otherwise (the single file has no URL to fetch the module from) it waits for
// the 'init' message, which carries the bytes.
import { loadEngine } from '../../../engine/engine';
import { WorkerLoop, warmUp } from './worker-loop';
import { buildFromWorkerName, type FromWorker, type ToWorker } from './worker-protocol';

// The project compiles against the DOM library; these are the worker-global members used.
interface WorkerScope {
  readonly name: string;
  postMessage(message: FromWorker, transfer: ArrayBuffer[]): void;
  onmessage: ((e: MessageEvent<ToWorker>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const post = (m: FromWorker, transfer: ArrayBuffer[] = []) => scope.postMessage(m, transfer);
// A MessageChannel round trip yields to queued messages without setTimeout's clamping.
const channel = new MessageChannel();
const queue: (() => void)[] = [];
channel.port1.onmessage = () => queue.shift()?.();

let loop: WorkerLoop | null = null;
const early: ToWorker[] = [];
const named = buildFromWorkerName(scope.name);
let started = named ? start({ type: 'init', build: named }) : null;
// In a task of its own: after the page has been told that this script has run.
setTimeout(() => post({ type: 'started' }));

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    started ??= start(msg);
    return;
  }
  if (loop) loop.handle(msg);
  else early.push(msg);
};

async function start(msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  try {
    const engine = await loadEngine(msg.wasmBinary ? { build: msg.build, wasmBinary: msg.wasmBinary } : { build: msg.build });
    warmUp(engine);
    loop = new WorkerLoop(engine, {
      post,
      now: () => performance.now(),
      later: (fn) => {
        queue.push(fn);
        channel.port2.postMessage(null);
      },
    });
    post({ type: 'ready' });
    for (const m of early.splice(0)) loop.handle(m);
  } catch (err) {
    post({ type: 'failed', message: err instanceof Error ? err.message : String(err) });
  }
}
