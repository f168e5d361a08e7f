// The studio's training worker (a module worker; remote-trainer.ts starts it).
// The first message names the wasm build and may carry its bytes (the single
// file has no URL to fetch them from); the worker loads its own engine, says
// 'ready' (or 'failed'), and then hands every message to WorkerLoop.
import { loadEngine } from '../../../engine/engine';
import { WorkerLoop } from './worker-loop';
import type { FromWorker, ToWorker } from './worker-protocol';

// The project compiles against the DOM library; these are the worker-global members used.
interface WorkerScope {
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

scope.onmessage = (e: MessageEvent<ToWorker>) => {
  const msg = e.data;
  if (msg.type === 'init') {
    void start(msg);
    return;
  }
  if (loop) loop.handle(msg);
  else early.push(msg);
};

async function start(msg: Extract<ToWorker, { type: 'init' }>): Promise<void> {
  try {
    const engine = await loadEngine(msg.wasmBinary ? { build: msg.build, wasmBinary: msg.wasmBinary } : { build: msg.build });
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
