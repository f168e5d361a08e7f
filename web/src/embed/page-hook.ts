// The one call main.ts makes for embedding: in a SCORM package the LMS
// reporting (lessons/scorm.ts); on embed.html (body data-embed)
// the bridge to the parent window and the "open in nnplay" link; on the full
// page the "Embed" button in its masthead slot.
import '../styles/embed-page.css';
import { startEmbedBridge } from './embed-bridge';
import { mountEmbedDialog } from './embed-dialog';
import { startScorm } from '../lessons/scorm';

export const isEmbedPage = (): boolean => document.body.dataset.embed === 'true';

export function setupEmbedding(): void {
  // In a SCORM package (build option --scorm-lessons): report lessons to the LMS.
  startScorm();
  if (isEmbedPage()) {
    startEmbedBridge();
    const link = document.getElementById('embed-open-full');
    // The hash changes without events (replaceState): read it when the link is used.
    const point = () => link?.setAttribute('href', new URL(`index.html${location.hash}`, location.href).href);
    for (const type of ['pointerdown', 'focus', 'click'] as const) link?.addEventListener(type, point);
    return;
  }
  // The snippets point at nn-playground.js and embed.html beside this page:
  // only dist/ has them, not the single-file nnplay.html (its script is inline).
  const servedFolder = location.protocol !== 'file:' && document.querySelector('script[src]') !== null;
  const slot = document.getElementById('embed-share-slot');
  if (slot && servedFolder) mountEmbedDialog(slot);
}
