// The embed page's side of the protocol (messages.ts): the page's events go to
// the parent window, pause/resume commands from the parent go to the views,
// and the content height is reported so the embedding can size the iframe.
// Only the direct parent is listened to; events carry nothing private, so they
// are posted to any origin (a plain <iframe> may sit on any site).
import { onAppEvent, sendAppCommand, sendLessonText, type AppEvent } from '../app/app-events';
import { clip, readToEmbed, type ToParent } from './messages';

function toParent(event: AppEvent): ToParent {
  switch (event.type) {
    case 'ready':
      return { nnplay: 1, kind: 'event', type: 'ready', detail: { simd: event.simd } };
    case 'diverged':
      return { nnplay: 1, kind: 'event', type: 'diverged', detail: { step: Math.max(0, event.step), reason: clip(event.reason) } };
    case 'lesson-complete':
      return { nnplay: 1, kind: 'event', type: 'lesson-complete', detail: { lesson: clip(event.lesson) } };
  }
}

export function startEmbedBridge(): void {
  const parent = window.parent;
  if (parent === window) return; // opened on its own: nobody to talk to
  const post = (message: ToParent) => parent.postMessage(message, '*');

  onAppEvent((event) => post(toParent(event)));
  window.addEventListener('message', (e) => {
    if (e.source !== parent) return;
    const command = readToEmbed(e.data);
    if (command?.type === 'lesson') sendLessonText(command.text);
    else if (command) sendAppCommand({ type: command.type });
  });

  // The document's own height, not the viewport's: the iframe is sized to it.
  let last = -1;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height !== last) {
      last = height;
      post({ nnplay: 1, kind: 'height', height });
    }
  };
  new ResizeObserver(report).observe(document.documentElement);
  report();
}
