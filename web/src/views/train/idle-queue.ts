// Work the first frame does not need (the data picker's thumbnails): done in
// the main thread's idle periods, a few jobs per period while it lasts, so
// the studio's mount and its first trained frame do not wait for it. A batch
// is done within TIMEOUT_MS of its last idle period at the latest, even on a busy page.
const TIMEOUT_MS = 1000;
/** Time an idle period must still have for one more job (a thumbnail takes about 1 ms). */
const MIN_LEFT_MS = 3;

const IDLE = typeof requestIdleCallback === 'function';

type Idle = { didTimeout: boolean; timeRemaining: () => number };

export class IdleQueue {
  #jobs: (() => void)[] = [];
  #handle: number | null = null;

  /** Drops the jobs not done yet and queues `jobs` instead. */
  replace(jobs: readonly (() => void)[]): void {
    this.#jobs = [...jobs];
    if (this.#handle === null && this.#jobs.length > 0) this.#schedule();
  }

  destroy(): void {
    this.#cancel();
    this.#jobs = [];
  }

  #schedule(): void {
    const run = (d: Idle) => {
      this.#handle = null;
      // A short period still does one job, so the batch always advances; past the timeout it finishes.
      do this.#jobs.shift()?.();
      while (this.#jobs.length > 0 && (d.didTimeout || d.timeRemaining() > MIN_LEFT_MS));
      if (this.#jobs.length > 0) this.#schedule();
    };
    // Safari has no requestIdleCallback: a timer after the current frame stands in.
    this.#handle = IDLE
      ? requestIdleCallback(run, { timeout: TIMEOUT_MS })
      : window.setTimeout(() => run({ didTimeout: true, timeRemaining: () => 0 }), 50);
  }

  #cancel(): void {
    if (this.#handle === null) return;
    if (IDLE) cancelIdleCallback(this.#handle);
    else clearTimeout(this.#handle);
    this.#handle = null;
  }
}
