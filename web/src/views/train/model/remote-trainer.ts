// The page's end of the training worker: starts it, waits for 'ready' (at
// most BOOT_MS), then passes edits in and snapshots out. connectWorker gives
// null, never a throw, where no worker can run (the constructor throws, as in
// a sandboxed frame whose opaque origin may not load the script; it reports an
// error; it does not answer in time): the studio then trains on the main thread.
import type { FromWorker, Snapshot, ToWorker } from './worker-protocol';

export const BOOT_MS = 4000;

/** The part of Worker used here (tests pass a channel to a WorkerLoop). */
export interface WorkerPort {
  postMessage(message: ToWorker, transfer?: Transferable[]): void;
  onmessage: ((e: MessageEvent<FromWorker>) => void) | null;
  onerror: ((e: Event) => void) | null;
  terminate(): void;
}

export interface WorkerInit {
  build: 'simd' | 'scalar';
  wasmBinary?: ArrayBuffer | Uint8Array;
}

export class RemoteTrainer {
  readonly #port: WorkerPort;
  /** A snapshot arrived. */
  onSnapshot: (s: Snapshot) => void = () => undefined;
  /** The worker refused an edit (the page validated it first, so this is a bug) or crashed. */
  onError: (message: string, epoch: number | null) => void = () => undefined;
  readonly #csv = new Map<number, (csv: string) => void>();
  #nextId = 1;

  constructor(port: WorkerPort) {
    this.#port = port;
    port.onmessage = (e) => this.#receive(e.data);
    port.onerror = (e) => this.onError(e instanceof ErrorEvent ? e.message : 'the training worker stopped', null);
  }

  post(message: ToWorker): void {
    this.#port.postMessage(message);
  }

  /** The worker's history as CSV (its trainer holds the rows the page only samples). */
  historyCsv(): Promise<string> {
    const id = this.#nextId++;
    return new Promise((resolve) => {
      this.#csv.set(id, resolve);
      this.post({ type: 'historyCsv', id });
    });
  }

  dispose(): void {
    this.#port.onmessage = null;
    this.#port.onerror = null;
    this.#port.terminate();
  }

  #receive(m: FromWorker): void {
    if (m.type === 'snapshot') this.onSnapshot(m);
    else if (m.type === 'error') this.onError(m.message, m.epoch);
    else if (m.type === 'historyCsv') {
      this.#csv.get(m.id)?.(m.csv);
      this.#csv.delete(m.id);
    }
  }
}

/** Starts a worker from make() and resolves once it has loaded its engine; null where it cannot. */
export function connectWorker(make: () => WorkerPort, init: WorkerInit, timeoutMs = BOOT_MS): Promise<RemoteTrainer | null> {
  let port: WorkerPort;
  try {
    port = make();
  } catch {
    return Promise.resolve(null);
  }
  return new Promise((resolve) => {
    const done = (ok: boolean) => {
      clearTimeout(timer);
      port.onmessage = null;
      port.onerror = null;
      if (ok) resolve(new RemoteTrainer(port));
      else {
        port.terminate();
        resolve(null);
      }
    };
    const timer = setTimeout(() => done(false), timeoutMs);
    port.onmessage = (e) => done(e.data.type === 'ready');
    port.onerror = () => done(false);
    try {
      port.postMessage(init.wasmBinary ? { type: 'init', build: init.build, wasmBinary: init.wasmBinary } : { type: 'init', build: init.build });
    } catch {
      done(false);
    }
  });
}
