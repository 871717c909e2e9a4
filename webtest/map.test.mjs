// Browser tests of the real map page and embed, served by the real mapsvc
// binary, in headless Chromium. Run with `node --test webtest/`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { mkdirSync } from 'node:fs';
import {
  artifacts, startServer, launch, watch, cspViolations, hostPage, tempDir, removeDir, renderedRegion,
} from './harness.mjs';

const AZE = '#0a2f5c';
const ARM = '#cf5f00';

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

async function openPage(url, { viewport = { width: 1280, height: 900 }, colorScheme = 'light' } = {}) {
  const context = await browser.newContext({ viewport, colorScheme, locale: 'en-GB' });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  return { page, context, problems };
}

function shot(page, name, fullPage = false) {
  return page.screenshot({ path: path.join(artifacts, name), fullPage });
}

test('moving the slider from 2020-11-24 to 2020-11-25 changes Kalbajar on the map, the legend and the description', { timeout: 90000 }, async () => {
  const { page, context, problems } = await openPage(`${server.url}/?date=2020-11-24`);
  const before = await renderedRegion(page, 'kalbajar');
  assert.ok(before, 'Kalbajar is rendered');
  assert.equal(before.controller, 'ARM');
  assert.equal(before.fill, ARM, 'rendered in the Armenian forces colour');
  const legendBefore = await page.getAttribute('.legend-aze', 'data-count');
  assert.equal(await page.inputValue('#slider') !== '', true);
  await shot(page, 'map-2020-11-24.png');

  // A person moves the slider one day with the keyboard.
  await page.focus('#slider');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.body.dataset.day === '2020-11-25');
  await page.waitForFunction(() => {
    const f = window.mapsvc.map.queryRenderedFeatures({ layers: ['conflict-fill'] }).find((x) => x.properties.region === 'kalbajar');
    return f && f.properties.controller === 'AZE';
  }, null, { timeout: 10000 });
  await window_idle(page);
  const after = await renderedRegion(page, 'kalbajar');
  assert.equal(after.controller, 'AZE');
  assert.equal(after.extent, 'partial');
  assert.equal(after.fill, AZE, 'rendered in the Azerbaijan colour');
  // Partial control is drawn with stripes, or, where places give evidence
  // from both sides, as approximate areas (Armenian-held ones dotted).
  await page.waitForFunction(() => {
    const a = window.mapsvc.areaState;
    return a.shown && a.shown.key === a.data.keyOf(window.mapsvc.state.day);
  }, null, { timeout: 10000 });
  await window_idle(page);
  const pattern = await page.evaluate(() => window.mapsvc.map.queryRenderedFeatures({ layers: ['conflict-pattern', 'areas-dots'] })
    .filter((f) => f.properties.region === 'kalbajar').map((f) => f.layer.paint['fill-pattern']));
  assert.ok(pattern.length > 0, 'partial control is drawn with a pattern or dotted areas, not colour alone');

  assert.equal(Number(await page.getAttribute('.legend-aze', 'data-count')), Number(legendBefore) + 1, 'legend count of Azerbaijan goes up by one');
  const description = await page.textContent('#description');
  assert.match(description, /25 November 2020/);
  assert.match(description, /Kalbajar: Armenian forces \(partly\) → Azerbaijan \(partly\)/);
  assert.equal(await page.getAttribute('#announce', 'aria-live'), 'polite');
  assert.equal(await page.getAttribute('#slider', 'aria-valuetext'), '25 November 2020');
  assert.equal(await page.inputValue('#date-input'), '25 November 2020');
  await page.waitForFunction(() => location.search.includes('date=2020-11-25'));
  await shot(page, 'map-2020-11-25.png');

  // Next/previous change buttons step between change days.
  await page.click('#prev');
  await page.waitForFunction(() => document.body.dataset.day === '2020-11-20');
  await page.click('#next');
  await page.waitForFunction(() => document.body.dataset.day === '2020-11-25');
  // Play steps through the following changes; pressing again pauses.
  await page.click('#play');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'true');
  await page.waitForFunction(() => document.body.dataset.day === '2020-12-01', null, { timeout: 5000 });
  await page.click('#play');
  assert.equal(await page.getAttribute('#play', 'aria-pressed'), 'false');

  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

async function window_idle(page) {
  await page.evaluate(() => window.mapsvc.idle());
}

test('lang=ar lays the page out right to left with Arabic names', { timeout: 60000 }, async () => {
  const { page, context, problems } = await openPage(`${server.url}/?date=2020-11-25&lang=ar`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  assert.equal(await page.getAttribute('html', 'lang'), 'ar');
  const labels = await page.$$eval('.map-label', (els) => els.map((e) => e.textContent));
  assert.ok(labels.includes('كالباجار'), `Arabic district names on the map: ${labels.join(', ')}`);
  assert.match(await page.textContent('#description'), /كالباجار/);
  assert.match(await page.textContent('#title'), /[\u0600-\u06FF]/);
  const options = await page.$$eval('#district option', (els) => els.map((e) => e.textContent));
  assert.ok(options.includes('شوشا') || options.some((o) => /[\u0600-\u06FF]/.test(o)));
  await shot(page, 'map-ar.png');
  assert.deepEqual(problems, []);
  assert.deepEqual(await cspViolations(page), []);
  await context.close();
});

test('clicking a district shows its history and sources with safe links', { timeout: 60000 }, async () => {
  const { page, context, problems } = await openPage(`${server.url}/?date=2020-11-25`);
  const point = await page.evaluate(() => {
    const m = window.mapsvc.map;
    const label = window.mapsvc.data.regionProps.get('kalbajar').label;
    const p = m.project(label);
    const r = m.getCanvas().getBoundingClientRect();
    return { x: r.left + p.x, y: r.top + p.y + 12 };
  });
  await page.mouse.click(point.x, point.y);
  await page.waitForSelector('#panel:not([hidden]) .source', { timeout: 10000 });
  assert.equal(await page.textContent('#panel-title'), 'Kalbajar');
  await page.waitForFunction(() => location.search.includes('region=kalbajar'));
  const sources = await page.$$eval('#panel .source', (els) => els.length);
  assert.ok(sources >= 5, `sources listed: ${sources}`);
  const outlets = await page.$$eval('#panel .outlet', (els) => els.map((e) => e.textContent));
  assert.ok(outlets.some((o) => o.length > 0));
  const quotes = await page.$$eval('#panel .quote', (els) => els.map((e) => e.textContent));
  assert.ok(quotes.length > 0, 'quotes shown');
  const hrefs = await page.$$eval('#panel a', (els) => els.map((e) => e.getAttribute('href')));
  assert.ok(hrefs.length > 0, 'some sources link out');
  for (const h of hrefs) assert.match(h, /^https?:\/\//, `only http(s) links: ${h}`);
  const refs = await page.$$eval('#panel .ref', (els) => els.map((e) => e.textContent));
  assert.ok(refs.some((r) => r.startsWith('seeds/')) || (await page.textContent('#panel')).includes('seeds/'), 'bundled articles are named as text');
  const history = await page.$$eval('#panel .period', (els) => els.length);
  assert.ok(history >= 4, 'control history listed');
  await shot(page, 'panel-kalbajar-sources.png', true);
  await page.keyboard.press('Escape');
  await page.waitForSelector('#panel', { state: 'hidden' });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the embed works inside an iframe on another origin and resizes with it; the page itself refuses framing', { timeout: 60000 }, async () => {
  const host = await hostPage(`<!doctype html><html><body style="margin:0;font-family:sans-serif">
<p>Host page on another origin</p>
<iframe id="embed" src="${server.url}/embed?date=2020-11-25" width="640" height="520" style="border:0" title="map"></iframe>
<iframe id="page" src="${server.url}/" width="300" height="200" title="page"></iframe>
</body></html>`);
  const context = await browser.newContext({ viewport: { width: 1000, height: 800 } });
  const page = await context.newPage();
  const problems = await watch(page);
  try {
    await page.goto(host.url);
    const frame = await (await page.waitForSelector('#embed')).contentFrame();
    await frame.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
    assert.notEqual(new URL(page.url()).origin, new URL(frame.url()).origin, 'served from another origin');
    const kalbajar = await renderedRegion(frame, 'kalbajar');
    assert.equal(kalbajar.controller, 'AZE');
    assert.ok((await frame.textContent('.embed-footer')).includes('Natural Earth'), 'attribution shown');
    assert.ok(await frame.$('#full-link'), 'link to the full map');
    await frame.evaluate(() => window.mapsvc.idle());
    await shot(page, 'embed-cross-origin.png');

    // Resize the iframe: the map follows.
    await page.evaluate(() => { const f = document.getElementById('embed'); f.width = '380'; f.height = '420'; });
    await frame.waitForFunction(() => Math.abs(window.mapsvc.map.getCanvas().clientWidth - (document.documentElement.clientWidth - 16)) < 30, null, { timeout: 10000 });
    assert.ok(await renderedRegion(frame, 'kalbajar'), 'still drawn after resize');
    await frame.evaluate(() => window.mapsvc.idle());
    await shot(page, 'embed-cross-origin-small.png');

    // The full page must not render inside a frame.
    const pageFrame = await (await page.$('#page')).contentFrame();
    const framed = await pageFrame.evaluate(() => !!document.body && document.body.dataset.mode === 'page').catch(() => false);
    assert.equal(framed, false, 'the map page refused to be framed');
    assert.deepEqual(await cspViolations(page).then((v) => v.filter((x) => !x.startsWith('frame-ancestors'))), []);
    assert.deepEqual(problems.filter((p) => !/frame-ancestors|refused to connect|Refused to display/i.test(p)), []);
  } finally {
    await context.close();
    await host.close();
  }
});

test('dark mode follows the system setting', { timeout: 60000 }, async () => {
  const { page, context, problems } = await openPage(`${server.url}/?date=1993-04-02&region=kalbajar`, { colorScheme: 'dark' });
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  assert.notEqual(bg, 'rgb(255, 255, 255)');
  const k = await renderedRegion(page, 'kalbajar');
  assert.equal(k.status, 'uncertain', 'the change window of April 1993 is uncertain');
  await page.waitForSelector('#panel:not([hidden]) .source');
  await shot(page, 'map-dark-1993-04-02.png');
  assert.deepEqual(problems, []);
  await context.close();
});

test('without the npm-installed MapLibre the page says how to install it and shows the static map', { timeout: 60000 }, async () => {
  const empty = path.join(tmp, 'no-assets');
  mkdirSync(empty, { recursive: true });
  const bare = await startServer({ tmp, assets: empty, name: 'bare' });
  try {
    const { page, context } = await openPage(`${bare.url}/?date=2020-11-25`);
    const msg = await page.textContent('#map-message');
    assert.match(msg, /make run/);
    assert.equal(await page.isVisible('#map-message'), true);
    await page.waitForFunction(() => { const i = document.getElementById('fallback-map'); return i && i.complete && i.naturalWidth > 0; });
    assert.match(await page.textContent('#description'), /Kalbajar/);
    await shot(page, 'map-without-maplibre.png');
    await context.close();
  } finally {
    await bare.stop();
  }
});
