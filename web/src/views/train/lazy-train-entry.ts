// The training studio's tab, loaded on first use: the studio's code (charts,
// editors, panels) is a separate chunk, so the explorer and the softmax lab
// stay within the first-load budget. Until the chunk arrives the tab shows a
// loading line; the latest state and hash changes are replayed once it does.
import type { PageState } from '../../app/state';
import type { View, ViewContext, ViewEntry } from '../view';
import { TRAIN_PARAM_KEYS } from '../../app/train-keys';
import { simdSupported } from '../../engine/simd-detect';
import { prewarmTrainWorker } from './model/worker-start';

let chunk: Promise<typeof import('./train-entry')> | null = null;
const loadChunk = () => (chunk ??= import('./train-entry'));

/**
 * For a link that opens on the studio: fetch its chunk (and a shipped data
 * set the link names) and start its training worker while the engine is
 * still loading, not after.
 */
export function prefetchTrainView(hash: string): void {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  if (params.get('view') !== 'train') return;
  prewarmTrainWorker(simdSupported() ? 'simd' : 'scalar');
  void loadChunk().then(({ prefetchTrainData }) => prefetchTrainData(params));
}

function createLazyTrainTab(parent: HTMLElement, ctx: ViewContext): View {
  const element = document.createElement('div');
  element.className = 'nt-lazy';
  const loading = document.createElement('p');
  loading.className = 'nt-lazy-loading';
  loading.textContent = '…';
  element.append(loading);
  parent.append(element);
  let real: View | null = null;
  let lastState: Readonly<PageState> | null = null;
  let pendingHash: URLSearchParams | null = null;
  let pendingFresh = false;

  void loadChunk().then(({ trainViewEntry }) => {
    loading.remove();
    const view = trainViewEntry.create(element, ctx);
    real = view;
    // The shell hides this wrapper when another tab shows; the studio watches
    // its own element to pause training, so pass the flag on.
    const mirror = () => {
      view.element.hidden = element.hidden;
    };
    mirror();
    new MutationObserver(mirror).observe(element, { attributes: true, attributeFilter: ['hidden'] });
    if (lastState) view.update(lastState);
    if (pendingHash) view.hashChanged?.(pendingHash, pendingFresh);
    ctx.refresh();
  });

  return {
    element,
    update(state) {
      lastState = state;
      real?.update(state);
    },
    refreshTheme() {
      real?.refreshTheme();
    },
    hashChanged(params, fresh) {
      if (real) real.hashChanged?.(params, fresh);
      else {
        pendingHash = params;
        pendingFresh ||= fresh === true;
      }
    },
  };
}

export const lazyTrainViewEntry: ViewEntry = {
  tab: { en: 'Training studio', zh: '训练工作室' },
  hashKeys: TRAIN_PARAM_KEYS,
  create: createLazyTrainTab,
};
