// A Vite plugin for both page builds: uPlot makes an Intl.NumberFormat and an
// Intl.DateTimeFormat when its module is evaluated. The first Intl object a
// page makes costs 20–43 ms of main thread in Chromium (ICU starting up),
// which every page paid before its first frame. nnplay gives uPlot its own
// tick labels and uses neither its legend nor time axes, so the build makes
// both objects lazy: made on first use, as uPlot would have made them.
// The replacements are exact: a uPlot whose source differs fails the build
// (read the new source, then update them).
const UPLOT = /[\\/]node_modules[\\/]uplot[\\/]dist[\\/]uPlot\.esm\.js$/;

const PATCHES = [
  [
    "const numFormatter = new Intl.NumberFormat(domEnv ? nav.language : 'en-US');\nconst fmtNum = val => numFormatter.format(val);",
    "let numFormatter = null;\nconst fmtNum = val => (numFormatter ??= new Intl.NumberFormat(domEnv ? nav.language : 'en-US')).format(val);",
  ],
  [
    'const localTz = new Intl.DateTimeFormat().resolvedOptions().timeZone;',
    'let localTzName = null;\nconst localTz = () => (localTzName ??= new Intl.DateTimeFormat().resolvedOptions().timeZone);',
  ],
  ['else if (tz == localTz)', 'else if (tz == localTz())'],
];

/** Applies PATCHES to uPlot's source; throws naming the first that does not match exactly once. */
export function lazyIntlSource(code) {
  let out = code.replaceAll('\r\n', '\n');
  for (const [from, to] of PATCHES) {
    const at = out.indexOf(from);
    if (at < 0 || out.indexOf(from, at + 1) >= 0) throw new Error(`nnplay-lazy-intl: uPlot's source no longer has exactly one ${JSON.stringify(from.split('\n')[0])}`);
    out = out.slice(0, at) + to + out.slice(at + from.length);
  }
  if (/new Intl\./.test(out.replace(/\?\?= new Intl\./g, ''))) throw new Error('nnplay-lazy-intl: uPlot makes another Intl object at load');
  return out;
}

export function lazyIntl() {
  return {
    name: 'nnplay-lazy-intl',
    transform(code, id) {
      return UPLOT.test(id.split('?')[0]) ? { code: lazyIntlSource(code), map: null } : null;
    },
  };
}
