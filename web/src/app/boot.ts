// The entry of index.html and embed.html. It starts what the page will wait
// for — the engine's module (fetched and compiled off the main thread) and,
// for a link that opens on the training studio, the studio's chunk and its
// worker — and only then imports the page (main.ts: the shell, the explorer,
// the softmax lab), whose chunks and styles the HTML already preloads
// (vite.config.mjs). Imported statically, the page's modules would all be
// evaluated first, and those loads would start ~100 ms later.
import { startEngine } from './engine-start';
import { prefetchTrainView } from '../views/train/lazy-train-entry';

// main.ts awaits the same promise and reports a failure; this branch only
// keeps the rejection from being reported as unhandled before it does.
startEngine().catch(() => undefined);
prefetchTrainView(location.hash);
void import('./main');
