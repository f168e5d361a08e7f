// The two embed snippets for the page's current state: the <nn-playground>
// element (with its classic script and a fallback link) and a plain <iframe>. The files are addressed next
// to the current page, so whatever static host and sub-path serve the page
// serve the embedding too. Snippets are text: every value is escaped for an
// HTML attribute, and the caller shows them with textContent / textarea.value.
import { VIEWS, type ViewId } from '../app/state-schema';
import { hashText } from '../app/hash-text';
import { MINIMAL } from './embed-options';
import { t, type Lang } from '../app/i18n';

export interface EmbedSnippets {
  element: string;
  iframe: string;
}

const ATTR_KEYS = ['lesson', 'view', 'lang', 'theme'] as const;

export function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/** controls="…" for a hide list: minimal when it is the view's minimal set. */
function controlsValue(hide: string, view: ViewId, lesson: boolean): string | null {
  if (hide === '') return null;
  const items = hide.split(',');
  const minimal: readonly string[] = lesson ? MINIMAL[view] : [...MINIMAL[view], 'lessons'];
  const same = items.length === minimal.length && minimal.every((id) => items.includes(id));
  return same ? 'minimal' : hide;
}

export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

export function embedSnippets(pageHref: string, lang: Lang): EmbedSnippets {
  const page = new URL(pageHref);
  const base = new URL('.', page);
  const params = new URLSearchParams(page.hash.replace(/^#/, ''));
  const view = (VIEWS as readonly string[]).includes(params.get('view') ?? '') ? (params.get('view') as ViewId) : 'explore';

  const attrs: string[] = [];
  for (const key of ATTR_KEYS) {
    const v = params.get(key);
    if (v !== null) attrs.push(`${key}="${escapeAttr(v)}"`);
  }
  const controls = controlsValue(params.get('hide') ?? '', view, params.has('lesson'));
  if (controls) attrs.push(`controls="${escapeAttr(controls)}"`);
  const rest = new URLSearchParams([...params].filter(([k]) => !(ATTR_KEYS as readonly string[]).includes(k) && k !== 'hide'));
  if ([...rest].length > 0) attrs.push(`params="${escapeAttr(hashText(rest).slice(1))}"`);

  // A classic script: a module script from another origin needs CORS headers,
  // which a plain static host does not send. The link inside the element shows
  // only where the script did not run (the element's Shadow DOM hides it).
  const script = `<script src="${escapeAttr(new URL('nn-playground.js', base).href)}"></script>`;
  const full = new URL('index.html', base);
  full.hash = page.hash;
  const link = `<a href="${escapeAttr(full.href)}" target="_blank" rel="noopener">${escapeText(t(lang, 'embedFallbackLink'))}</a>`;
  const element = `${script}\n<nn-playground${attrs.map((a) => ` ${a}`).join('')}>${link}</nn-playground>`;
  const src = new URL('embed.html', base);
  src.hash = page.hash;
  const iframe = `<iframe src="${escapeAttr(src.href)}" title="nnplay" width="100%" height="640" loading="lazy" frameborder="0"></iframe>`;
  return { element, iframe };
}
