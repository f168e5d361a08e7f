// Runs training one animation frame at a time: each frame calls step(k) once,
// with k adapted so the stepping stays within a time budget (the frame also
// has drawing to do, and no task may come near 50 ms). When a worker trains,
// step() only collects what it sent and asks for more; `target` (steps per
// frame, Infinity for as fast as possible) tells it how much. It pauses while the
// page is hidden and stops when training diverges. No DOM: the frame clock
// and the visibility signal come from a FrameHost.

export interface FrameHost {
  request(callback: () => void): number;
  cancel(id: number): void;
  now(): number;
  hidden(): boolean;
  /** Calls back on visibility changes; returns an unsubscribe function. */
  onVisibility(callback: () => void): () => void;
}

export function browserFrameHost(): FrameHost {
  return {
    request: (cb) => requestAnimationFrame(() => cb()),
    cancel: (id) => cancelAnimationFrame(id),
    now: () => performance.now(),
    hidden: () => document.visibilityState === 'hidden',
    onVisibility: (cb) => {
      document.addEventListener('visibilitychange', cb);
      return () => document.removeEventListener('visibilitychange', cb);
    },
  };
}

export interface StepOutcome {
  /** Steps actually run (fewer than asked when training stopped). */
  steps: number;
  diverged: boolean;
}

export interface FrameInfo {
  /** Steps run this frame (0 on a frame that only draws). */
  steps: number;
  /** Milliseconds spent stepping this frame. */
  stepMs: number;
  /** Smoothed steps per second while running. */
  stepsPerSecond: number;
  running: boolean;
}

export interface RunnerOptions {
  host: FrameHost;
  step: (k: number, target: number) => StepOutcome;
  /** After every frame's stepping: draw here. */
  onFrame: (info: FrameInfo) => void;
  onDiverged?: () => void;
  onRunningChange?: (running: boolean) => void;
  /** Stepping budget per frame in ms. */
  budgetMs?: number;
}

const MAX_K = 2000;

export class Runner {
  readonly #o: Required<Pick<RunnerOptions, 'budgetMs'>> & RunnerOptions;
  #running = false;
  #frame: number | null = null;
  /** Steps per frame the user asked for (Infinity: as many as the budget allows). */
  #target = Infinity;
  #k = 1;
  #msPerStep = 0;
  #rate = 0;
  #lastFrameAt = 0;
  readonly #unsubscribe: () => void;

  constructor(options: RunnerOptions) {
    this.#o = { budgetMs: 6, ...options };
    this.#unsubscribe = options.host.onVisibility(() => {
      if (!this.#o.host.hidden() && this.#running) this.#schedule();
    });
  }

  get running(): boolean {
    return this.#running;
  }

  /** Steps per frame aimed at (Infinity: as fast as possible). */
  get target(): number {
    return this.#target;
  }

  /** Steps per frame to aim for; Infinity for as fast as the budget allows. */
  setTarget(stepsPerFrame: number): void {
    this.#target = Math.max(1, stepsPerFrame);
    this.#k = Math.min(this.#k, this.#target);
  }

  play(): void {
    if (this.#running) return;
    this.#running = true;
    this.#k = 1; // ramp up again: the first steps after a rebuild may be slow
    this.#lastFrameAt = 0;
    this.#o.onRunningChange?.(true);
    this.#schedule();
  }

  pause(): void {
    if (!this.#running) return;
    this.#running = false;
    this.#rate = 0;
    this.#o.onRunningChange?.(false);
    this.requestDraw();
  }

  /** Runs n steps now (the Step button), then draws. */
  stepNow(n = 1): void {
    this.pause();
    const out = this.#o.step(n, n);
    if (out.diverged) this.#o.onDiverged?.();
    this.requestDraw();
  }

  /** Draws on the next frame without stepping (after a change while paused). */
  requestDraw(): void {
    this.#schedule();
  }

  destroy(): void {
    this.#running = false;
    if (this.#frame !== null) this.#o.host.cancel(this.#frame);
    this.#frame = null;
    this.#unsubscribe();
  }

  #schedule(): void {
    if (this.#frame !== null) return;
    this.#frame = this.#o.host.request(() => this.#tick());
  }

  #tick(): void {
    this.#frame = null;
    const host = this.#o.host;
    let steps = 0;
    let stepMs = 0;
    if (this.#running && !host.hidden()) {
      const k = Math.max(1, Math.min(this.#k, this.#target, MAX_K));
      const t0 = host.now();
      const out = this.#o.step(k, this.#target);
      stepMs = host.now() - t0;
      steps = out.steps;
      this.#adapt(k, stepMs);
      this.#measureRate(steps, t0);
      if (out.diverged) {
        this.#running = false;
        this.#rate = 0;
        this.#o.onRunningChange?.(false);
        this.#o.onDiverged?.();
      }
    }
    this.#o.onFrame({ steps, stepMs, stepsPerSecond: this.#rate, running: this.#running });
    // While hidden, the visibility listener restarts the loop.
    if (this.#running && !host.hidden()) this.#schedule();
  }

  // Next k from the measured cost per step, growing at most 2× per frame so a
  // slow first call (tier-up, a larger network) cannot make one long task.
  #adapt(k: number, ms: number): void {
    const per = ms / k;
    this.#msPerStep = this.#msPerStep === 0 ? per : 0.7 * this.#msPerStep + 0.3 * per;
    // The larger of the average and the latest: a slow frame shrinks k at once.
    const fit = Math.floor(this.#o.budgetMs / Math.max(this.#msPerStep, per, 1e-4));
    this.#k = Math.max(1, Math.min(fit, k * 2, MAX_K));
  }

  #measureRate(steps: number, at: number): void {
    if (this.#lastFrameAt > 0) {
      const dt = (at - this.#lastFrameAt) / 1000;
      if (dt > 0 && dt < 1) this.#rate = this.#rate === 0 ? steps / dt : 0.9 * this.#rate + 0.1 * (steps / dt);
    }
    this.#lastFrameAt = at;
  }
}
