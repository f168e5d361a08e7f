// End-to-end: `npm run build -- --scorm-lessons dead-relu,exploding` (in its
// fast --scorm-only mode, which packages the page already built) writes both
// packages for exactly these lessons, and refuses a bad id by name without
// writing anything; the SCORM 2004 package under scorm-again's SCORM 2004
// run-time: the page offers only the package's two lessons, and doing their
// tasks reports completion, success and the score (1 of 2, then 2 of 2);
// leaving the page commits and terminates.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { artifacts, DESKTOP, expect, test } from './fixtures.mjs';
import { distDir } from './preview-server.mjs';
import { scoFrame, startLms, unzip } from './scorm-lms.mjs';

const root = fileURLToPath(new URL('../../', import.meta.url));
const npmBuild = (...args) => spawnSync('npm', ['run', 'build', '--', ...args], { cwd: root, encoding: 'utf8' });

let work;
let zips;
let site;
test.beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'nnplay-scorm2004-'));
  copyFileSync(join(distDir, 'nnplay.html'), join(work, 'nnplay.html'));
  const r = npmBuild('--scorm-only', '--outDir', work, '--scorm-lessons', 'dead-relu,exploding');
  assert.equal(r.status, 0, r.stderr);
  zips = { '1.2': unzip(readFileSync(join(work, 'nnplay-scorm12.zip'))), 2004: unzip(readFileSync(join(work, 'nnplay-scorm2004.zip'))) };
  site = await startLms({ 2004: zips[2004] });
});
test.afterAll(async () => {
  await site?.stop();
  rmSync(work, { recursive: true, force: true });
});

test.describe('npm run build -- --scorm-lessons', () => {
  test('writes both packages for exactly the lessons given', () => {
    for (const [version, schema] of [['1.2', /<schemaversion>1\.2<\/schemaversion>/], ['2004', /<schemaversion>2004 4th Edition<\/schemaversion>/]]) {
      const files = zips[version];
      assert.deepEqual(Object.keys(files).sort(), ['imsmanifest.xml', 'nnplay.html'], version);
      const manifest = files['imsmanifest.xml'].toString('utf8');
      assert.match(manifest, schema);
      assert.match(manifest, /<title>nnplay: 2 lessons \(dead-relu, exploding\)<\/title>/);
      assert.match(files['nnplay.html'].toString('utf8'), new RegExp(`<meta name="nnplay-scorm" content="${version.replace('.', '\\.')}" />\\s*<meta name="nnplay-scorm-lessons" content="dead-relu,exploding" />`));
    }
    const m2004 = zips[2004]['imsmanifest.xml'].toString('utf8');
    assert.match(m2004, /xmlns="http:\/\/www\.imsglobal\.org\/xsd\/imscp_v1p1"/);
    assert.match(m2004, /adlcp:scormType="sco" href="nnplay\.html"/);
  });

  test('a bad lesson id is named and nothing is written', () => {
    const empty = mkdtempSync(join(tmpdir(), 'nnplay-scorm-bad-'));
    try {
      copyFileSync(join(distDir, 'nnplay.html'), join(empty, 'nnplay.html'));
      const r = npmBuild('--scorm-only', '--outDir', empty, '--scorm-lessons', 'dead-relu,dead-reluu');
      assert.equal(r.status, 2);
      assert.match(r.stderr, /--scorm-lessons: unknown lesson\(s\) "dead-reluu"; the lessons are .*dead-relu/);
      assert.equal(existsSync(join(empty, 'nnplay-scorm12.zip')) || existsSync(join(empty, 'nnplay-scorm2004.zip')), false);
    } finally {
      rmSync(empty, { recursive: true, force: true });
    }
  });
});

const cmi = (page) => page.evaluate(() => {
  const c = API_1484_11.cmi;
  return { completion: c.completion_status, success: c.success_status, scaled: c.score.scaled, raw: c.score.raw, suspend: c.suspend_data, ...calls };
});
const waitStage = (frame, n, timeout = 30000) =>
  frame.waitForFunction((want) => Number(document.querySelector('.lesson')?.dataset.stage) >= want, n, { timeout, polling: 100 });
async function play(frame) {
  if ((await frame.getAttribute('.nt-view', 'data-running')) !== 'true') await frame.click('.nt-play');
}

test('the SCORM 2004 package offers its two lessons and reports completion, success and score to the run-time', async ({ app }) => {
  const { page, finish } = await app.open(`${site.url}lms2004.html#lesson=dead-relu&lang=en`, DESKTOP, { ready: false, clean: false });
  const frame = await scoFrame(page);
  await expect.poll(async () => (await cmi(page)).completion).toBe('incomplete');
  let got = await cmi(page);
  assert.equal(got.success, 'unknown');
  assert.equal(got.raw, '0');

  // Only the package's lessons are offered, and counted.
  await frame.waitForSelector('.lesson[data-lesson="dead-relu"]', { state: 'visible' });
  await expect(frame.locator('.lessons-item')).toHaveCount(2);
  assert.deepEqual(await frame.$$eval('.lessons-item', (els) => els.map((e) => e.dataset.lesson)), ['dead-relu', 'exploding']);
  await expect(frame.locator('.lessons-count')).toHaveText('0 of 2 done');
  await frame.click('.lessons-index summary');
  await page.screenshot({ path: `${artifacts}scorm2004-two-lessons.png` });
  await frame.click('.lessons-index summary');

  // dead-relu's task: see units die, then a smaller rate from its menu and Reset.
  await frame.waitForSelector('.nt-play:not([disabled])', { state: 'visible', timeout: 30000 });
  await play(frame);
  await waitStage(frame, 1);
  await frame.locator('[data-field="lr"] select').selectOption({ label: '0.03' });
  await frame.click('.nt-transport button:has-text("Reset")');
  await play(frame);
  await expect.poll(async () => (await cmi(page)).raw, { timeout: 40000 }).toBe('50');
  got = await cmi(page);
  assert.deepEqual([got.completion, got.success, got.scaled, got.suspend], ['incomplete', 'unknown', '0.5', 'dead-relu']);
  await expect(frame.locator('.lessons-count')).toHaveText('1 of 2 done');

  // The other lesson, by the panel's Next; its task: diverge, then the banner's fix.
  await frame.click('[data-action="next"]');
  await frame.waitForSelector('.lesson[data-lesson="exploding"]', { state: 'visible' });
  await frame.waitForFunction(() => document.querySelectorAll('.nt-layer-row').length === 6);
  await play(frame);
  await frame.waitForSelector('.nt-banner:not([hidden])', { timeout: 20000 });
  await frame.click('[data-action="fix"]');
  await expect.poll(async () => (await cmi(page)).completion, { timeout: 40000 }).toBe('completed');
  got = await cmi(page);
  assert.deepEqual([got.success, got.scaled, got.raw], ['passed', '1', '100']);
  assert.equal(got.finish, 0);
  assert.ok(got.commit >= 3, `committed at launch and on each completion (${got.commit})`);

  // Leaving the page commits and terminates the session.
  const commits = got.commit;
  await page.evaluate(() => { document.getElementById('sco').src = 'about:blank'; });
  await expect.poll(async () => (await cmi(page)).finish, 'terminated on unload').toBe(1);
  assert.ok((await cmi(page)).commit > commits);
  const p = await finish();
  assert.deepEqual(p.pageErrors, []);
});
