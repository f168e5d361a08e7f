// npm run lesson:check FILE…: checks lesson files with the page's own reader
// (web/src/lessons/format/lesson-file.ts, loaded through Vite's SSR loader,
// so there is one validator). Prints each problem as FILE:LINE field: problem;
// exits 1 when any file has one, 2 on a usage error.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer } from 'vite';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: npm run lesson:check -- FILE.json [FILE.json …]');
  process.exit(2);
}
const root = fileURLToPath(new URL('../', import.meta.url));
const server = await createServer({ root, configFile: false, logLevel: 'silent', server: { middlewareMode: true, hmr: false }, appType: 'custom', optimizeDeps: { noDiscovery: true, include: [] } });
let bad = 0;
try {
  const { readLessonFile } = await server.ssrLoadModule('/web/src/lessons/format/lesson-file.ts');
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
      for (const p of result.problems) console.error(`${file}:${p.line} ${p.field}: ${p.problem}`);
    }
  }
} finally {
  await server.close();
}
process.exit(bad > 0 ? 1 : 0);
