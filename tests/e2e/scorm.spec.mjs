// End-to-end: the SCORM 1.2 package under a real SCORM run-time (scorm-again,
// from npm) acting as the LMS. The package is built from the single-file page
// with two lessons; the test unpacks it (checking every CRC), launches its
// nnplay.html in a frame under the LMS page, completes the lessons by doing
// their tasks, and reads the status and score the run-time received; leaving
// the page finishes the session. The same page without an LMS works as before.
import assert from 'node:assert/strict';
import { copyFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DESKTOP, expect, test } from './fixtures.mjs';
import { distDir } from './preview-server.mjs';
import { scoFrame, startLms, unzip } from './scorm-lms.mjs';
import { buildScorm } from '../../scripts/lib/scorm.mjs';

let work;
let files;
let site;
test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nnplay-scorm-'));
  copyFileSync(join(distDir, 'nnplay.html'), join(work, 'nnplay.html'));
  const built = buildScorm(work, ['softmax', 'softmax-overflow']);
  assert.deepEqual(built.map((b) => b.version), ['1.2', '2004']);
  files = unzip(readFileSync(built[0].path));
  site = await startLms({ '1.2': files });
});
test.afterAll(async () => {
  await site?.stop();
  rmSync(work, { recursive: true, force: true });
});

const cmi = (page) => page.evaluate(() => ({ status: API.cmi.core.lesson_status, raw: API.cmi.core.score.raw, max: API.cmi.core.score.max, suspend: API.cmi.suspend_data, ...calls }));

async function softmaxTask(frame) {
  await frame.waitForSelector('.lesson[data-lesson="softmax"]', { state: 'visible' });
  await frame.click('[data-preset="2,1,0.1"]');
  await frame.fill('.temperature .slider-number', '2');
  await frame.press('.temperature .slider-number', 'Enter');
  await frame.waitForFunction(() => document.querySelector('.lesson')?.dataset.check === 'done');
}

test.describe('the SCORM 1.2 package', () => {
  test('holds imsmanifest.xml and the marked single-file page', () => {
    assert.deepEqual(Object.keys(files).sort(), ['imsmanifest.xml', 'nnplay.html']);
    const manifest = files['imsmanifest.xml'].toString('utf8');
    assert.match(manifest, /<schemaversion>1\.2<\/schemaversion>/);
    assert.match(manifest, /adlcp:scormtype="sco" href="nnplay\.html"/);
    assert.match(files['nnplay.html'].toString('utf8'), /<meta name="nnplay-scorm" content="1\.2" \/>\s*<meta name="nnplay-scorm-lessons" content="softmax,softmax-overflow" \/>/);
  });

  test('reports incomplete → completed and the score to the run-time, commits on each completion and finishes on unload', async ({ app }) => {
    const { page, finish } = await app.open(`${site.url}lms12.html#lesson=softmax&lang=en`, DESKTOP, { ready: false, clean: false });
    const frame = await scoFrame(page);
    await expect.poll(async () => (await cmi(page)).status).toBe('incomplete');
    assert.equal((await cmi(page)).raw, '0');
    const commitsBefore = (await cmi(page)).commit;

    await softmaxTask(frame);
    await expect.poll(async () => (await cmi(page)).raw).toBe('50');
    let got = await cmi(page);
    assert.equal(got.status, 'incomplete');
    assert.equal(got.max, '100');
    assert.equal(got.suspend, 'softmax');
    assert.ok(got.commit > commitsBefore, 'committed on the completion');

    // The second lesson of the package, by the lesson's Next button (a student in an LMS frame has no address bar), then its task.
    await frame.click('[data-action="next"]');
    await frame.waitForSelector('.lesson[data-lesson="softmax-overflow"]', { state: 'visible' });
    await frame.click('[data-preset="20,300,5000"]');
    await frame.waitForFunction(() => document.querySelector('.lesson')?.dataset.stage === '1');
    const inputs = frame.locator('.logit-input');
    for (const [i, v] of ['-4980', '-4700', '0'].entries()) await inputs.nth(i).fill(v);
    await expect.poll(async () => (await cmi(page)).status).toBe('completed');
    got = await cmi(page);
    assert.equal(got.raw, '100');
    assert.equal(got.finish, 0);

    // Leaving the page commits and finishes the session.
    await page.evaluate(() => { document.getElementById('sco').src = 'about:blank'; });
    await expect.poll(async () => (await cmi(page)).finish, 'finished on unload').toBe(1);
    const p = await finish();
    assert.deepEqual(p.pageErrors, []);
  });

  test('without an LMS the packaged page works as before', async ({ app }) => {
    const { page, finish } = await app.open(`${site.url}course12/nnplay.html#lesson=softmax&lang=en`, DESKTOP, { clean: false });
    await softmaxTask(page);
    const p = await finish();
    assert.deepEqual(p.pageErrors, []);
    assert.deepEqual(p.console, []);
  });
});
