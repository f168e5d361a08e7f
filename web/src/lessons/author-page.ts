// author.html: a lesson file in a text area, checked as it is typed (the
// page's own reader: line, field, problem), and opened live in embed.html
// beside it, where its preset applies and its checks run as a student's
// would; a completed check is reported here too. "Download" saves the text.
import './author.css';
import { h } from '../ui/dom';
import { type Lang, type StringKey, t } from '../app/i18n';
import { readLessonFile } from './format/lesson-file';
import { problemList } from './format/problem-text';
import { readToParent, type ToEmbed } from '../embed/messages';

const START = {
  ...import.meta.glob<string>('../../../examples/lessons/*.json', { query: '?raw', import: 'default', eager: true }),
  ...import.meta.glob<string>('./files/*.json', { query: '?raw', import: 'default', eager: true }),
};
const name = (path: string) => path.split('/').pop()?.replace(/\.json$/, '') ?? path;

const hash = new URLSearchParams(location.hash.slice(1));
const lang: Lang = (hash.get('lang') ?? navigator.language).startsWith('zh') ? 'zh' : 'en';
const say = (key: StringKey, vars?: Record<string, string>) => t(lang, key, vars);
const byId = (id: string) => document.getElementById(id) as HTMLElement;

const area = byId('author-text') as HTMLTextAreaElement;
const status = byId('author-status');
const frame = byId('author-frame') as HTMLIFrameElement;
let ready = false;
let timer = 0;

document.documentElement.lang = lang === 'zh' ? 'zh-CN' : 'en';
document.title = say('authorPageTitle');
byId('author-title').textContent = say('authorTitle');
byId('author-intro').textContent = say('authorIntro');
byId('author-label').textContent = say('authorLabel');
byId('author-live-title').textContent = say('authorLive');
frame.title = say('authorLive');

const start = h('select', { attrs: { 'aria-label': say('authorStart'), 'data-author': 'start' } }, Object.keys(START).sort().map((p) => h('option', { text: name(p), attrs: { value: p } })));
const load = h('button', { text: say('authorLoad'), attrs: { type: 'button', 'data-author': 'load' } });
const download = h('button', { text: say('authorDownload'), attrs: { type: 'button', 'data-author': 'download' } });
byId('author-tools').append(start, load, download);

function send(text: string): void {
  const message: ToEmbed = { nnplay: 1, kind: 'command', type: 'lesson', text };
  if (ready) frame.contentWindow?.postMessage(message, location.origin);
}

/** Checks the text; a valid lesson goes live in the frame, problems are listed as text. */
function check(): void {
  const r = readLessonFile(area.value);
  status.dataset.ok = String(r.ok);
  if (r.ok) {
    status.replaceChildren(h('p', { text: say('authorValid', { id: r.lesson.id, n: String(r.lesson.stages.length) }) }));
    send(area.value);
    return;
  }
  status.replaceChildren(...problemList(lang, null, r.problems));
}

area.addEventListener('input', () => {
  clearTimeout(timer);
  timer = window.setTimeout(check, 400);
});
load.addEventListener('click', () => {
  area.value = START[start.value] ?? '';
  check();
});
download.addEventListener('click', () => {
  const r = readLessonFile(area.value);
  const a = h('a', { attrs: { download: `${r.ok ? r.lesson.id : 'lesson'}.json` } });
  a.href = URL.createObjectURL(new Blob([area.value], { type: 'application/json' }));
  a.click();
  setTimeout(() => URL.revokeObjectURL(a.href), 1000);
});
window.addEventListener('message', (e) => {
  if (e.source !== frame.contentWindow || e.origin !== location.origin) return;
  const m = readToParent(e.data);
  if (m?.kind !== 'event') return;
  if (m.type === 'ready') {
    ready = true;
    check();
  } else if (m.type === 'lesson-complete') {
    status.append(h('p', { cls: 'author-complete', text: say('authorComplete', { id: m.detail.lesson }) }));
  }
});

start.value = Object.keys(START).find((p) => p.endsWith('/temperature.json')) ?? start.value;
area.value = START[start.value] ?? '';
frame.src = `embed.html#view=explore&lang=${lang}`;
