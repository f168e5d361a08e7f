// The standalone training-studio page (train.html), loaded by its entry
// (train-main.ts) once that has started the training worker: loads the
// engine, reads the state from the URL hash, mounts the view and writes
// changes back. The shell page mounts the same view inside its own tab.
import '../../strings/studio'; // first: the studio's strings before any of its modules runs
import { loadEngine, type Engine } from '../../engine/engine';
import { hashText } from '../../app/hash-text';
import { HashWriter, windowAddress } from '../../app/hash-writer';
import { prefetchRealCsv } from './model/data-source';
import { prewarmedWorkerStarted } from './model/worker-start';
import { detectLang, t, type Lang } from '../../app/i18n';
import type { ConfigSchema } from '../../engine/engine';
import { mountTrainView, trainRules, trainStateFromParams, trainStateToParams, type TrainState, type TrainViewHandle } from './train-view';

/** At most this long the mount waits for the training worker's start (prewarmedWorkerStarted). */
const WORKER_START_MS = 150;

const address = new HashWriter(windowAddress);

function writeHash(lang: Lang, state: TrainState, schema: ConfigSchema): void {
  const p = trainStateToParams(state, schema);
  p.set('lang', lang);
  address.write(hashText(p));
}

async function start(): Promise<void> {
  const hash = new URLSearchParams(location.hash.slice(1));
  const hashLang = hash.get('lang');
  let lang: Lang = hashLang === 'zh' || hashLang === 'en' ? hashLang : detectLang(navigator.languages);
  const root = document.getElementById('train-root');
  const loading = document.getElementById('train-loading');
  if (!root) return;
  const applyLang = () => {
    document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
    document.title = t(lang, 'trainPageTitle');
    for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) b.setAttribute('aria-pressed', String(b.dataset.lang === lang));
    document.getElementById('lang-switch')?.setAttribute('aria-label', t(lang, 'langLabel'));
    if (loading) loading.textContent = t(lang, 'loadingEngine');
  };
  applyLang();
  prefetchRealCsv(hash);
  let engine: Engine;
  try {
    [engine] = await Promise.all([loadEngine(), prewarmedWorkerStarted(WORKER_START_MS)]);
  } catch (err) {
    if (loading) {
      loading.classList.add('tp-error');
      loading.textContent = t(lang, 'engineFailed', { message: err instanceof Error ? err.message : String(err) });
    }
    return;
  }
  const rules = trainRules(engine);
  let current: TrainState;
  let view: TrainViewHandle | null = null;
  const mount = (params: URLSearchParams) => {
    const { state, notices } = trainStateFromParams(params, rules);
    current = state;
    view?.destroy();
    view = mountTrainView(root, {
      engine,
      lang,
      initial: state,
      notices,
      onStateChange: (s) => {
        current = s;
        writeHash(lang, s, rules.schema);
      },
    });
  };
  mount(hash);
  for (const b of document.querySelectorAll<HTMLButtonElement>('[data-lang]')) {
    b.addEventListener('click', () => {
      lang = b.dataset.lang === 'zh' ? 'zh' : 'en';
      applyLang();
      view?.setLang(lang);
      writeHash(lang, current, rules.schema);
    });
  }
  // A hand-edited address or the back button (the page's own writes fire no
  // hashchange): the studio is rebuilt from the link, as on load.
  window.addEventListener('hashchange', () => {
    address.adopt();
    const params = new URLSearchParams(location.hash.slice(1));
    const l = params.get('lang');
    if (l === 'zh' || l === 'en') lang = l;
    applyLang();
    mount(params);
  });
  document.body.dataset.ready = 'true';
}

void start();
