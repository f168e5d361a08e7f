// The studio as a tab of the page shell (views/view.ts): its URL keys, and a
// View that mounts the studio on the first update (when the language is
// known), mirrors its state into the shell's hash, and pauses training when
// the shell hides the tab.
import '../../strings/studio'; // first: the studio's strings before any of its modules runs
import type { Lang } from '../../app/lang';
import { problemLine as noticeText } from '../../app/notice-text';
import type { View, ViewContext, ViewEntry } from '../view';
import { onAppCommand } from '../../app/app-events';
import { TRAIN_PARAM_KEYS, trainStateFromParams, trainStateToParams } from '../../app/state-train';
import { mountTrainView, type TrainViewHandle } from './train-view';
import { trainRules } from './model/train-rules';

function createTrainTab(parent: HTMLElement, ctx: ViewContext): View {
  const element = document.createElement('div');
  element.className = 'nt-host';
  parent.append(element);
  let handle: TrainViewHandle | null = null;
  let lang: Lang | null = null;
  let notices = [] as ReturnType<typeof trainStateFromParams>['notices'];
  /** The URL form of the studio's current state, to ignore echoes of it. */
  let shown = '';

  const mount = (params: URLSearchParams, l: Lang) => {
    handle?.destroy();
    const rules = trainRules(ctx.engine);
    const parsed = trainStateFromParams(params, rules);
    notices = parsed.notices;
    ctx.notify(notices.map((n) => noticeText(n, l)));
    shown = trainStateToParams(parsed.state, rules.schema).toString();
    handle = mountTrainView(element, {
      engine: ctx.engine,
      lang: l,
      initial: parsed.state,
      onStateChange: (s) => {
        const params = trainStateToParams(s, rules.schema);
        shown = params.toString();
        ctx.setHashParams(params);
      },
    });
    // A new studio has new elements for the shell's hide= pass.
    ctx.refresh();
  };
  // Hidden by the shell (another tab): stop spending frames.
  new MutationObserver(() => {
    if (element.hidden) handle?.pause();
  }).observe(element, { attributes: true, attributeFilter: ['hidden'] });
  // An embedding scrolled out of view and back (embed bridge).
  onAppCommand((cmd) => {
    if (cmd.type === 'pause') handle?.pause();
    else if (!element.hidden) handle?.resume();
  });

  return {
    element,
    update(state) {
      if (lang === state.lang) return;
      lang = state.lang;
      if (!handle) mount(ctx.hashParams(), lang);
      else {
        handle.setLang(lang);
        ctx.notify(notices.map((n) => noticeText(n, state.lang)));
      }
    },
    refreshTheme() {
      handle?.refreshTheme();
    },
    hashChanged(params, fresh = false) {
      // A pasted link or the back button: rebuild from it, unless it is what is shown.
      const p = new URLSearchParams(params);
      p.sort();
      const now = new URLSearchParams(shown);
      now.sort();
      if (lang && (fresh || p.toString() !== now.toString())) mount(params, lang);
    },
  };
}

export { prefetchRealCsv as prefetchTrainData } from './model/data-source';

export const trainViewEntry: ViewEntry = {
  tab: { en: 'Training studio', zh: '训练工作室' },
  hashKeys: TRAIN_PARAM_KEYS,
  create: createTrainTab,
};
