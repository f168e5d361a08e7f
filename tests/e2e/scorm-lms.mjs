// The SCORM tests' LMS: scorm-again (from npm) as the run-time, in a page that
// launches a package's nnplay.html in a frame under it, for both dialects;
// and a zip reader that checks every entry's CRC-32.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { crc32, inflateRawSync } from 'node:zlib';
import { startStatic } from './static-server.mjs';

/** The files of a zip archive, read through its central directory; every entry's CRC-32 is checked. */
export function unzip(buf) {
  const end = buf.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  assert.ok(end >= 0, 'end of central directory');
  const count = buf.readUInt16LE(end + 10);
  let p = buf.readUInt32LE(end + 16);
  const files = {};
  for (let i = 0; i < count; i++) {
    assert.equal(buf.readUInt32LE(p), 0x02014b50);
    const [method, crc, size, raw, nameLen, extraLen, commentLen, local] = [
      buf.readUInt16LE(p + 10), buf.readUInt32LE(p + 16), buf.readUInt32LE(p + 20), buf.readUInt32LE(p + 24),
      buf.readUInt16LE(p + 28), buf.readUInt16LE(p + 30), buf.readUInt16LE(p + 32), buf.readUInt32LE(p + 42)];
    const name = buf.toString('utf8', p + 46, p + 46 + nameLen);
    const start = local + 30 + buf.readUInt16LE(local + 26) + buf.readUInt16LE(local + 28);
    const data = method === 8 ? inflateRawSync(buf.subarray(start, start + size)) : buf.subarray(start, start + size);
    assert.equal(data.length, raw, name);
    assert.equal(crc32(data), crc, `${name}: CRC`);
    files[name] = data;
    p += 46 + nameLen + extraLen + commentLen;
  }
  return files;
}

const RUNTIMES = {
  '1.2': { script: 'scorm12.js', global: 'API', make: 'new Scorm12API({ logLevel: 5 })', commit: 'LMSCommit', finish: 'LMSFinish' },
  2004: { script: 'scorm2004.js', global: 'API_1484_11', make: 'new Scorm2004API({ logLevel: 5 })', commit: 'Commit', finish: 'Terminate' },
};
const runtimeFile = (name) => readFileSync(fileURLToPath(new URL(`../../node_modules/scorm-again/dist/${name}`, import.meta.url)));

/**
 * Serves, for each { version: files } given, /lms<v>.html (the run-time as
 * window.API or window.API_1484_11, counting commits and finishes in
 * window.calls, with the package's page in the frame #sco) and the package's
 * files under /course<v>/.
 */
export function startLms(packages) {
  const pages = {};
  for (const [version, files] of Object.entries(packages)) {
    const r = RUNTIMES[version];
    const v = version.replace('.', '');
    pages[`/${r.script}`] = runtimeFile(r.script);
    pages[`/lms${v}.html`] = `<!doctype html><html><head><meta charset="utf-8"><title>LMS</title><script src="${r.script}"></script><script src="launch${v}.js"></script></head><body><iframe id="sco" width="1200" height="800"></iframe></body></html>`;
    pages[`/launch${v}.js`] = `window.${r.global} = ${r.make};
window.calls = { commit: 0, finish: 0 };
const api = window.${r.global}, commit = api.${r.commit}.bind(api), finish = api.${r.finish}.bind(api);
api.${r.commit} = (a) => (calls.commit++, commit(a));
api.${r.finish} = (a) => (calls.finish++, finish(a));
addEventListener('DOMContentLoaded', () => { document.getElementById('sco').src = 'course${v}/nnplay.html' + location.hash; });`;
    for (const [name, data] of Object.entries(files)) pages[`/course${v}/${name}`] = data;
  }
  return startStatic(null, { pages });
}

/** The package page's frame under the LMS page, once the page is ready. */
export async function scoFrame(page) {
  const frame = await (await page.locator('#sco').elementHandle()).contentFrame();
  await frame.waitForSelector('body[data-ready="true"]', { timeout: 20000 });
  return frame;
}
