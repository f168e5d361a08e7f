// The postMessage protocol between embed.html (in an iframe) and whoever embeds
// it (the <nn-playground> element, or any page listening). Both sides check
// every incoming message against these shapes: a message is data from another
// window, so anything that does not fit exactly is dropped.
//   iframe → parent: { nnplay: 1, kind: 'event', type, detail } and { nnplay: 1, kind: 'height', height }
//   parent → iframe: { nnplay: 1, kind: 'command', type: 'pause' | 'resume' }
//                    { nnplay: 1, kind: 'command', type: 'lesson', text } (a lesson file's text, checked by the page)

export type EmbedEventDetail =
  | { type: 'ready'; detail: { simd: boolean } }
  | { type: 'diverged'; detail: { step: number; reason: string } }
  | { type: 'lesson-complete'; detail: { lesson: string } };

export type ToParent =
  | ({ nnplay: 1; kind: 'event' } & EmbedEventDetail)
  | { nnplay: 1; kind: 'height'; height: number };

export type ToEmbed = { nnplay: 1; kind: 'command'; type: 'pause' | 'resume' } | { nnplay: 1; kind: 'command'; type: 'lesson'; text: string };

/** The largest lesson file text a command may carry (the lesson reader's own limit). */
export const MAX_LESSON_TEXT = 200_000;

const MAX_TEXT = 300;

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

const text = (v: unknown): v is string => typeof v === 'string' && v.length <= MAX_TEXT;
const count = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0;

/** A checked copy of a message sent to the parent, or null. */
export function readToParent(data: unknown): ToParent | null {
  if (!isRecord(data) || data.nnplay !== 1) return null;
  if (data.kind === 'height') {
    return count(data.height) ? { nnplay: 1, kind: 'height', height: data.height } : null;
  }
  if (data.kind !== 'event' || !isRecord(data.detail)) return null;
  const d = data.detail;
  switch (data.type) {
    case 'ready':
      return typeof d.simd === 'boolean' ? { nnplay: 1, kind: 'event', type: 'ready', detail: { simd: d.simd } } : null;
    case 'diverged':
      return count(d.step) && text(d.reason)
        ? { nnplay: 1, kind: 'event', type: 'diverged', detail: { step: d.step, reason: d.reason } }
        : null;
    case 'lesson-complete':
      return text(d.lesson) ? { nnplay: 1, kind: 'event', type: 'lesson-complete', detail: { lesson: d.lesson } } : null;
    default:
      return null;
  }
}

/** A checked copy of a command sent to the embed, or null. */
export function readToEmbed(data: unknown): ToEmbed | null {
  if (!isRecord(data) || data.nnplay !== 1 || data.kind !== 'command') return null;
  if (data.type === 'lesson') {
    return typeof data.text === 'string' && data.text.length <= MAX_LESSON_TEXT ? { nnplay: 1, kind: 'command', type: 'lesson', text: data.text } : null;
  }
  return data.type === 'pause' || data.type === 'resume' ? { nnplay: 1, kind: 'command', type: data.type } : null;
}

export const clip = (s: string): string => (s.length > MAX_TEXT ? s.slice(0, MAX_TEXT) : s);
