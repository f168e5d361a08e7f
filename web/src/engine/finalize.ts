// Core handles (trainers, data sets) live in wasm memory, which JavaScript's
// collector cannot see: a wrapper dropped without dispose() would keep its
// core side forever. Each wrapper registers its handle here, so collecting
// the wrapper deletes the handle; dispose() stays the deterministic way and
// unregisters first, so a handle is deleted exactly once.

/** What an Embind class handle offers for freeing. */
export interface CoreHandle {
  delete(): void;
  isDeleted(): boolean;
}

// The held value is the handle, never the wrapper (which would keep the
// wrapper reachable and the callback would never run).
const registry = new FinalizationRegistry<CoreHandle>((handle) => {
  if (!handle.isDeleted()) handle.delete();
});

/** Frees `handle` when `wrapper` is collected, unless release() ran first. */
export function track(wrapper: object, handle: CoreHandle): void {
  registry.register(wrapper, handle, wrapper);
}

/** dispose(): deletes the handle now and forgets it. */
export function release(wrapper: object, handle: CoreHandle | null): void {
  if (handle === null) return;
  registry.unregister(wrapper);
  handle.delete();
}
