// The small Markdown a lesson file's texts are written in, rendered as DOM
// built here: paragraphs, "- " and "1. " lists, *emphasis*, **strong**,
// `code`, [links](https://…) and TeX in $…$ and $$…$$. Everything else —
// HTML tags, images, styles, other link schemes — stays literal text, and a
// link opens only http(s) addresses, in a new tab, without an opener.
import { h } from '../../ui/dom';
import { renderTex } from '../../ui/formulas';

function tex(source: string, display: boolean): HTMLElement {
  // The source shows until KaTeX (a later chunk) has typeset it, so no word goes missing meanwhile.
  const el = h(display ? 'div' : 'span', { cls: display ? 'lesson-tex' : 'lesson-tex-inline', text: source });
  renderTex(el, source);
  return el;
}

/** The address when it is an absolute http(s) URL, else null. */
export function safeHref(text: string): string | null {
  try {
    const url = new URL(text);
    return url.protocol === 'https:' || url.protocol === 'http:' ? url.href : null;
  } catch {
    return null;
  }
}

/** Inline text: the first marker that closes wins; an unclosed marker is literal. */
export function inline(text: string): (Node | string)[] {
  const out: (Node | string)[] = [];
  let plain = '';
  const flush = () => {
    if (plain) out.push(plain);
    plain = '';
  };
  for (let i = 0; i < text.length; ) {
    const rest = text.slice(i);
    let m: RegExpExecArray | null;
    if ((m = /^`([^`]+)`/.exec(rest))) {
      flush();
      out.push(h('code', { text: m[1] }));
    } else if ((m = /^\$([^$]+)\$/.exec(rest))) {
      flush();
      out.push(tex(m[1], false));
    } else if ((m = /^\*\*([^*]+)\*\*/.exec(rest))) {
      flush();
      out.push(h('strong', {}, inline(m[1])));
    } else if ((m = /^[*_]([^*_]+)[*_]/.exec(rest)) && m[0][0] === m[0].at(-1)) {
      flush();
      out.push(h('em', {}, inline(m[1])));
    } else if ((m = /^!?\[([^\]]*)\]\(([^)\s]*)\)/.exec(rest))) {
      flush();
      const href = m[0].startsWith('!') ? null : safeHref(m[2]);
      // An image or a link that is not http(s) keeps only its words.
      out.push(href ? h('a', { text: m[1] || href, attrs: { href, target: '_blank', rel: 'noopener noreferrer' } }) : m[1]);
    } else {
      plain += text[i];
      i += 1;
      continue;
    }
    i += m[0].length;
  }
  flush();
  return out;
}

/** Block-level rendering of a lesson text. */
export function renderMarkdown(text: string): HTMLElement[] {
  const blocks = text.replace(/\r\n?/g, '\n').split(/\n\s*\n/).map((b) => b.trim()).filter((b) => b !== '');
  return blocks.map((block) => {
    const lines = block.split('\n').map((l) => l.trim());
    if (block.startsWith('$$') && block.endsWith('$$') && block.length > 4) return tex(block.slice(2, -2).trim(), true);
    if (lines.every((l) => /^[-*] /.test(l))) return h('ul', {}, lines.map((l) => h('li', {}, inline(l.slice(2)))));
    if (lines.every((l) => /^\d{1,3}\. /.test(l))) return h('ol', {}, lines.map((l) => h('li', {}, inline(l.replace(/^\d+\. /, '')))));
    return h('p', {}, inline(lines.join(' ')));
  });
}
