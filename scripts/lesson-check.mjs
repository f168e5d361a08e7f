// npm run lesson:check [--lang zh] FILE…: checks lesson files with the page's
// own reader (web/src/lessons/format/lesson-file.ts, loaded through Vite's SSR
// loader, so there is one validator) and words the problems with the page's
// strings (format/problem-text.ts), in English or, with --lang zh, in 中文.
// Prints each problem as FILE:LINE field: problem; exits 1 when any file has
// one, 2 on a usage error.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const args = process.argv.slice(2);
const at = args.indexOf('--lang');
const lang = at >= 0 ? args.splice(at, 2)[1] : 'en';
const files = args;
if (files.length === 0 || !['en', 'zh'].includes(lang)) {
  console.error(`${files.length === 0 ? '' : `--lang "${lang}": the languages are en and zh\n`}usage: npm run lesson:check -- [--lang zh] FILE.json [FILE.json …]`);
  process.exit(2);
}
const root = fileURLToPath(new URL('../', import.meta.url));
const server = await createServer({ root, configFile: false, logLevel: 'silent', server: { middlewareMode: true, hmr: false }, appType: 'custom', optimizeDeps: { noDiscovery: true, include: [] } });
let bad = 0;
try {
  const { readLessonFile } = await server.ssrLoadModule('/web/src/lessons/format/lesson-file.ts');
  const { t } = await server.ssrLoadModule('/web/src/app/i18n.ts');
  await server.ssrLoadModule('/web/src/lessons/format/problem-text.ts'); // registers the problems' strings
  for (const file of files) {
    let text;
    try {
      text = readFileSync(file, 'utf8');
    } catch (err) {
      console.error(`${file}: cannot read (${err.code ?? err.message})`);
      bad += 1;
      continue;
    }
    const result = readLessonFile(text);
    if (result.ok) {
      console.log(`${file}: ok — lesson "${result.lesson.id}", ${result.lesson.stages.length} stage(s)`);
    } else {
      bad += 1;
      for (const p of result.problems) console.error(`${file}:${p.line} ${p.field}: ${t(lang, p.key, p.vars)}`);
    }
  }
} finally {
  await server.close();
}
process.exit(bad > 0 ? 1 : 0);
