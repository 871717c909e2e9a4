// Browser tests of the first view (issue 16, section 6): before MapLibre
// has been fetched, the server's SVG of the day is shown and its districts
// answer to pointer and keyboard, open their sources, follow the date and
// pass axe; MapLibre is requested only after that (data-drawn), and then
// takes over. Run with `node --test webtest/`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { startServer, launch, watch, tempDir, removeDir } from './harness.mjs';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

let tmp;
let server;
let browser;

before(async () => {
  tmp = tempDir();
  server = await startServer({ tmp });
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (tmp) removeDir(tmp);
});

// openHeld opens a page with MapLibre's module held back until release()
// and records the order in which the page asked for things.
async function openHeld(url, { viewport = { width: 1000, height: 760 }, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, locale: 'en-GB' });
  const page = await context.newPage();
  const problems = await watch(page);
  // Each of MapLibre's files, and whether the districts were drawn when
  // the page asked for it.
  const library = [];
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route('**/vendor/maplibre-gl/**', async (route) => {
    const drawn = await page.evaluate(() => document.body.dataset.drawn === '1').catch(() => null);
    library.push({ url: route.request().url(), drawn });
    if (/maplibre-gl\.mjs$/.test(route.request().url())) await held;
    await route.continue();
  });
  await page.goto(`${server.url}${url}`);
  await page.waitForSelector('body[data-drawn="1"]', { timeout: 30000 });
  return { page, context, problems, library, release };
}

test('the embed draws its districts from the SVG, interactive, before MapLibre is fetched', { timeout: 180000 }, async () => {
  const { page, context, problems, library, release } = await openHeld('/embed?date=2020-11-25', { viewport: { width: 640, height: 620 } });
  assert.equal(await page.evaluate(() => document.body.dataset.ready), undefined, 'MapLibre has not drawn yet');
  assert.equal(await page.isVisible('#fallback-map'), true, 'the SVG is shown');
  const img = await page.evaluate(() => { const i = document.getElementById('fallback-map'); return { complete: i.complete, w: i.naturalWidth }; });
  assert.ok(img.complete && img.w > 0, 'the SVG image is decoded');
  // One button per tracked district, over the SVG, named with its holder.
  const hits = await page.$$eval('.hit-map path[role="button"]', (ps) => ps.map((p) => ({ id: p.dataset.region, label: p.getAttribute('aria-label'), tab: p.tabIndex, w: p.getBoundingClientRect().width })));
  assert.equal(hits.length, 12, `tracked districts on the SVG: ${hits.map((h) => h.id).join(' ')}`);
  const kalbajar = hits.find((h) => h.id === 'kalbajar');
  assert.ok(kalbajar && kalbajar.tab === 0 && kalbajar.w > 10, 'Kalbajar is a focusable shape of its own');
  assert.match(kalbajar.label, /^Kalbajar: Azerbaijan/, 'named with its holder on the day');
  assert.match(hits.find((h) => h.id === 'khojavend').label, /^Khojavend: /);
  // The legend and the date are there too.
  assert.equal(await page.textContent('#title-date'), '25 November 2020');
  assert.ok(await page.$$eval('#legend-items li', (l) => l.length) >= 2, 'legend drawn');
  // Keyboard only: focus a district on the SVG, open its sources, close.
  await page.focus('.hit-map path[data-region="kalbajar"]');
  await page.keyboard.press('Enter');
  await page.waitForSelector('#panel:not([hidden]) .source', { timeout: 10000 });
  assert.equal(await page.evaluate(() => document.activeElement.id), 'panel-title', 'focus moves to the panel');
  assert.equal(await page.getAttribute('.hit-map path[data-region="kalbajar"]', 'class'), 'selected');
  await page.keyboard.press('Escape');
  await page.waitForSelector('#panel', { state: 'hidden' });
  assert.equal(await page.evaluate(() => document.activeElement.dataset.region), 'kalbajar', 'focus returns to the district');
  // A click opens it as well.
  await page.click('.hit-map path[data-region="agdam"]');
  await page.waitForSelector('#panel:not([hidden]) #panel-title');
  assert.equal(await page.textContent('#panel-title'), 'Agdam');
  await page.keyboard.press('Escape');

  // The date moves: the SVG follows, the districts are named anew.
  await page.focus('#slider');
  await page.keyboard.press('PageUp'); // the next change: 2020-12-01
  await page.waitForFunction(() => document.body.dataset.day === '2020-12-01');
  await page.waitForFunction(() => { const i = document.getElementById('fallback-map'); return i.getAttribute('src').includes('date=2020-12-01') && i.complete && i.naturalWidth > 0; });
  assert.match(await page.getAttribute('.hit-map path[data-region="lachin"]', 'aria-label'), /^Lachin: /);

  // axe on the first view.
  await page.evaluate(axeSource); // through DevTools: the page's CSP stays in force
  const result = await page.evaluate(async () => window.axe.run(document, { resultTypes: ['violations'] }));
  assert.deepEqual(result.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`), []);

  // Then MapLibre takes over; the SVG and its buttons go.
  release();
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60000 });
  assert.equal(await page.isVisible('.hit-map'), false, 'the SVG districts give way to the map');
  assert.equal(await page.isVisible('.maplibregl-canvas'), true);
  assert.ok(library.length >= 3, `MapLibre's module, stylesheet and worker: ${JSON.stringify(library)}`);
  assert.deepEqual(library.filter((r) => r.drawn !== true), [], 'MapLibre was asked for only once the districts were drawn');
  assert.equal(await page.evaluate(() => window.mapsvc.state.day), 18597, 'the map shows the moved date');
  assert.deepEqual(problems, []);
  await context.close();
});

test('the full page gets the same first view, in Arabic too', { timeout: 180000 }, async () => {
  const { page, context, problems, release } = await openHeld('/?date=2020-11-25&lang=ar');
  const labels = await page.$$eval('.hit-map path[role="button"]', (ps) => ps.map((p) => p.getAttribute('aria-label')));
  assert.equal(labels.length, 12);
  assert.ok(labels.every((l) => /[\u0600-\u06FF]/.test(l)), `Arabic names and holders: ${labels.slice(0, 2).join(' | ')}`);
  release();
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60000 });
  assert.deepEqual(problems, []);
  await context.close();
});
