// The page's one engine, started by its entry (boot.ts) before the page's
// modules are evaluated, and awaited by main.ts: one load, one promise.
import { loadEngine, type Engine } from '../engine/engine';

let engine: Promise<Engine> | null = null;

export const startEngine = (): Promise<Engine> => (engine ??= loadEngine());
