// Loaded on demand by formulas.ts, so KaTeX and its stylesheet stay out of the
// first-load bundle. katex.render builds DOM nodes and sets their styles
// through the CSSOM, which a strict style-src allows; the fonts are bundled.
import katex from 'katex';
import 'katex/dist/katex.min.css';
import '../styles/formula.css';

export function renderInto(element: HTMLElement, tex: string): void {
  katex.render(tex, element, { throwOnError: false, strict: 'ignore', output: 'htmlAndMathml' });
}
