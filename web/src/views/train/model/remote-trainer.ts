// The page's end of the training worker: starts it, passes edits in and
// snapshots out. Edits may be posted at once: the worker keeps them until it
// has loaded its engine, so that it builds the studio's network and starts
// the first chunk while the page's main thread is still busy. `ready` says
// whether it loaded (within BOOT_MS); it is false, never a throw, where no
// worker can run (the constructor throws, as in a sandboxed frame whose
// opaque origin may not load the script; it reports an error; it does not
// answer in time): the studio then trains on the main thread.
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

/**
 * A worker being started: post to `remote` at once; `started` resolves once
 * its script has run (or it failed), `ready` once it has loaded its engine
 * (true) or cannot (false).
 */
export interface StartingWorker {
  remote: RemoteTrainer;
  started: Promise<void>;
  ready: Promise<boolean>;
}

export class RemoteTrainer {
  readonly #port: WorkerPort;
  /** A snapshot arrived. */
  onSnapshot: (s: Snapshot) => void = () => undefined;
  /** The worker refused an edit (the page validated it first, so this is a bug) or crashed. */
  onError: (message: string, epoch: number | null) => void = () => undefined;
  readonly #csv = new Map<number, (csv: string) => void>();
  #nextId = 1;
  /** Until the worker has said 'ready' or 'failed': where that goes. */
  #boot: ((ok: boolean) => void) | null = null;
  #started: () => void = () => undefined;
  /** The worker's script has run (or the worker failed). */
  readonly started = new Promise<void>((resolve) => (this.#started = resolve));

  constructor(port: WorkerPort) {
    this.#port = port;
    port.onmessage = (e) => this.#receive(e.data);
    port.onerror = (e) => {
      if (this.#boot) this.#boot(false);
      else this.onError(e instanceof ErrorEvent ? e.message : 'the training worker stopped', null);
    };
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

  /** Sends init; resolves with whether the worker loaded its engine within timeoutMs (one that did not is terminated). */
  boot(init: WorkerInit, timeoutMs: number): Promise<boolean> {
    return new Promise((resolve) => {
      const timer = setTimeout(() => this.#boot?.(false), timeoutMs);
      this.#boot = (ok) => {
        clearTimeout(timer);
        this.#boot = null;
        this.#started();
        if (!ok) this.dispose();
        resolve(ok);
      };
      try {
        this.post(init.wasmBinary ? { type: 'init', build: init.build, wasmBinary: init.wasmBinary } : { type: 'init', build: init.build });
      } catch {
        this.#boot(false);
      }
    });
  }

  #receive(m: FromWorker): void {
    if (m.type === 'started') this.#started();
    else if (m.type === 'ready' || m.type === 'failed') this.#boot?.(m.type === 'ready');
    else if (m.type === 'snapshot') this.onSnapshot(m);
    else if (m.type === 'error') this.onError(m.message, m.epoch);
    else if (m.type === 'historyCsv') {
      this.#csv.get(m.id)?.(m.csv);
      this.#csv.delete(m.id);
    }
  }
}

/** Starts a worker from make() and boots it; null where the constructor throws. */
export function startWorker(make: () => WorkerPort, init: WorkerInit, timeoutMs = BOOT_MS): StartingWorker | null {
  let port: WorkerPort;
  try {
    port = make();
  } catch {
    return null;
  }
  const remote = new RemoteTrainer(port);
  return { remote, started: remote.started, ready: remote.boot(init, timeoutMs) };
}
