// Steps the studio's export tests share: download what a control saves, read a
// PNG's size and first pixel, a canvas's backing size, and the export card's
// chart picker.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { inflateSync } from 'node:zlib';

/** Clicks a control and returns the downloaded file's name and bytes. */
export async function download(page, selector) {
  const [d] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: d.suggestedFilename(), bytes: readFileSync(await d.path()) };
}

/** Width, height and the first pixel (RGB) of a PNG, read with zlib (the first row's filters leave pixel 0 as stored). */
export function png(bytes) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], 'PNG signature');
  assert.equal(bytes.toString('latin1', 12, 16), 'IHDR');
  const width = bytes.readUInt32BE(16);
  const height = bytes.readUInt32BE(20);
  const colorType = bytes[25];
  const idat = [];
  for (let at = 8; at < bytes.length; ) {
    const len = bytes.readUInt32BE(at);
    if (bytes.toString('latin1', at + 4, at + 8) === 'IDAT') idat.push(bytes.subarray(at + 8, at + 8 + len));
    at += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  assert.ok([2, 6].includes(colorType), `colour type ${colorType}`);
  return { width, height, first: [...raw.subarray(1, 4)] };
}

export async function canvasSize(page, selector) {
  return page.$eval(selector, (c) => ({ w: c.width, h: c.height, dpr: c.width / c.clientWidth }));
}

export async function pickChart(page) {
  await page.focus('.nt-export-pick select');
  const labels = await page.$$eval('.nt-export-pick option', (os) => os.map((o) => o.textContent));
  return { labels, pick: (label) => page.selectOption('.nt-export-pick select', { label }) };
}
