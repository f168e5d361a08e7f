// Which lessons are done, kept in localStorage when the page may use it.
// Storage is never required: in a sandboxed iframe or from file:// reading or
// writing may throw, and then progress lives in memory for this visit.
import { isLessonId, type LessonId } from './lesson-ids';

const KEY = 'nnplay.lessons.v1';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export class ProgressStore {
  #done = new Set<LessonId>();
  readonly #listeners = new Set<() => void>();

  constructor() {
    try {
      const raw = storage()?.getItem(KEY);
      const parsed: unknown = raw ? JSON.parse(raw) : [];
      // Stored data is data too: keep only known ids.
      if (Array.isArray(parsed)) for (const id of parsed) if (typeof id === 'string' && isLessonId(id)) this.#done.add(id);
    } catch {
      this.#done.clear();
    }
  }

  has(id: LessonId): boolean {
    return this.#done.has(id);
  }

  get count(): number {
    return this.#done.size;
  }

  /** Marks a lesson done; true when it was not done before. */
  complete(id: LessonId): boolean {
    if (this.#done.has(id)) return false;
    this.#done.add(id);
    this.#save();
    return true;
  }

  reset(): void {
    this.#done.clear();
    this.#save();
  }

  onChange(cb: () => void): void {
    this.#listeners.add(cb);
  }

  #save(): void {
    try {
      storage()?.setItem(KEY, JSON.stringify([...this.#done]));
    } catch {
      // Quota or a blocked store: progress stays in memory.
    }
    for (const cb of this.#listeners) cb();
  }
}
