// Steps the embedding end-to-end tests share: open the example course page
// (dist/examples/, copied there by the element build), and reach an element's
// frame inside its Shadow DOM once it has fired ready.
import { DESKTOP } from './fixtures.mjs';

export const COURSE = 'examples/course-page.html';
export const openCourse = (app, ctx = DESKTOP, options = {}) => app.open(COURSE, ctx, { ready: false, ...options });

/** The Frame inside an element's Shadow DOM (Playwright's CSS pierces open shadow roots). */
export async function frameOf(page, id) {
  const handle = await page.locator(`#${id} iframe`).elementHandle();
  return handle.contentFrame();
}

export async function readyFrame(page, id) {
  await page.locator(`#${id}`).scrollIntoViewIfNeeded();
  await page.waitForFunction((el) => (window.courseEvents ?? []).some((e) => e.type === 'ready' && e.target === el), id, { timeout: 20000 });
  const frame = await frameOf(page, id);
  await frame.waitForSelector('body[data-ready="true"]');
  return frame;
}
