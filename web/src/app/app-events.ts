// The page's outward events and inward commands, in one place so that the
// embedding bridge (an iframe's parent, a custom element) and the lessons see
// the same things without the views knowing about either.
//   events out:  ready, diverged, lesson-complete
//   commands in: pause, resume (an embedding scrolled out of view and back)
//   lesson text in: a lesson file's text from an embedding's lesson-src (for the lessons panel only)
import type { ConfigSchema, Metrics } from '../engine/engine';

export type AppEvent =
  | { type: 'ready'; simd: boolean }
  | { type: 'diverged'; step: number; reason: string }
  | { type: 'lesson-complete'; lesson: string };

export type AppCommand = { type: 'pause' } | { type: 'resume' };

/** What the training studio reports on each counter redraw (about 10 times a second while running). */
export interface TrainProbe {
  /** The studio's state as URL parameters (state-train.ts), so no studio types leak out. */
  params: URLSearchParams;
  /** The core's config schema the params are read back with (trainStateFromParams). */
  schema: ConfigSchema;
  metrics: Metrics | null;
  running: boolean;
  /** What the student has done beyond training (lessons check tasks with these). */
  activity: { digitStrokes: number; comparisonsRun: number };
}

type Listener<T> = (value: T) => void;
const eventListeners = new Set<Listener<AppEvent>>();
const commandListeners = new Set<Listener<AppCommand>>();
const probeListeners = new Set<Listener<TrainProbe>>();

function subscribe<T>(set: Set<Listener<T>>, cb: Listener<T>): () => void {
  set.add(cb);
  return () => set.delete(cb);
}

export const onAppEvent = (cb: Listener<AppEvent>) => subscribe(eventListeners, cb);
export const onAppCommand = (cb: Listener<AppCommand>) => subscribe(commandListeners, cb);
export const onTrainProbe = (cb: Listener<TrainProbe>) => subscribe(probeListeners, cb);

export function emitAppEvent(event: AppEvent): void {
  for (const cb of eventListeners) cb(event);
}
const lessonTextListeners = new Set<Listener<string>>();
export const onLessonText = (cb: Listener<string>) => subscribe(lessonTextListeners, cb);
export function sendLessonText(text: string): void {
  for (const cb of lessonTextListeners) cb(text);
}

export function sendAppCommand(command: AppCommand): void {
  for (const cb of commandListeners) cb(command);
}
export function publishTrainProbe(probe: TrainProbe): void {
  for (const cb of probeListeners) cb(probe);
}
