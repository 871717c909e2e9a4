// Browser tests of the approximate control areas on the map page and the
// embed: areas instead of stripes where places give evidence, the
// description naming the split, and a place opening its panel.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { artifacts, startServer, launch, watch, tempDir, removeDir } from './harness.mjs';

let tmp;
let server;
let browser;

before(async () => {
  tmp = tempDir();
  server = await startServer({ tmp, name: 'areas' });
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (server) await server.stop();
  if (tmp) removeDir(tmp);
});

async function openPage(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme: 'light', locale: 'en-GB' });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  await page.waitForFunction(() => window.mapsvc.areaState.shown !== null, null, { timeout: 15000 });
  await page.evaluate(() => window.mapsvc.idle());
  return { page, context, problems };
}

// drawn reads, for a district, the holders of the rendered area pieces and
// whether its stripes are rendered.
function drawn(page, region) {
  return page.evaluate((r) => {
    const m = window.mapsvc.map;
    const areas = m.queryRenderedFeatures({ layers: ['areas-fill'] }).filter((f) => f.properties.region === r);
    const stripes = m.queryRenderedFeatures({ layers: ['conflict-pattern'] }).filter((f) => f.properties.region === r);
    const lines = m.queryRenderedFeatures({ layers: ['area-line'] }).filter((f) => f.properties.region === r);
    return { holders: [...new Set(areas.map((f) => f.properties.controller))].sort(), stripes: stripes.length, lines: lines.length };
  }, region);
}

for (const [date, region, name] of [['2019-06-01', 'agdam', 'Agdam'], ['2021-06-01', 'kalbajar', 'Kalbajar']]) {
  test(`${date}: ${name} is drawn as approximate areas of both holders, not stripes`, { timeout: 90000 }, async () => {
    for (const mode of ['', 'embed']) {
      const { page, context, problems } = await openPage(`${server.url}/${mode}?date=${date}`);
      const d = await drawn(page, region);
      assert.deepEqual(d.holders, ['ARM', 'AZE'], `${mode || 'page'}: both holders' areas rendered in ${name}`);
      assert.equal(d.stripes, 0, `${mode || 'page'}: no stripes in ${name}`);
      assert.ok(d.lines > 0, `${mode || 'page'}: the approximate line is drawn in ${name}`);
      const legend = await page.textContent('#legend-items');
      if (!mode) {
        // On both dates every partly held district has place evidence from
        // both sides, so the stripes' legend entry counts none.
        assert.equal(await page.getAttribute('.legend-partial', 'data-count'), '0');
        assert.ok(await page.evaluate(() => window.mapsvc.areaState.shown.regions.length) >= 5);
      }
      assert.match(legend, /Approximate line, from sourced places/);
      if (date === '2021-06-01') {
        assert.match(legend, /[Pp]eacekeeping zone/, 'the peacekeeping overlay has its legend entry');
        const zone = await page.evaluate(() => window.mapsvc.map.queryRenderedFeatures({ layers: ['peacekeeping-line'] }).length);
        assert.ok(zone > 0, 'the peacekeeping zone is drawn');
      }
      if (!mode) {
        const text = await page.textContent('#description');
        if (region === 'agdam') {
          // The side of the line each piece lies on and its towns come
          // from /api/v1/areas (direction, town_names): the Armenian-held
          // west with Agdam town, the Azerbaijani-held east.
          const m = /Agdam: ([^.]*)\./.exec(text);
          assert.ok(m, `the description names Agdam's split: ${text}`);
          assert.match(m[1], /Armenian forces held the west, including Agdam\b/);
          assert.match(m[1], /Azerbaijan held the east\b/);
          assert.match(text, /Split districts \(approximate, from sourced places\):/);
        }
        else assert.match(text, /Kalbajar: (Azerbaijan|Armenian forces) held the \w+.*; (Azerbaijan|Armenian forces) held the/);
      }
      await page.screenshot({ path: path.join(artifacts, `areas-${mode || 'page'}-${date}.png`) });
      assert.deepEqual(problems, []);
      await context.close();
    }
  });
}

test('2020-11-01: Kalbajar, split with place evidence from one side only, keeps its stripes', { timeout: 90000 }, async () => {
  const { page, context, problems } = await openPage(`${server.url}/?date=2020-11-01`);
  const d = await drawn(page, 'kalbajar');
  assert.deepEqual(d.holders, [], 'no areas drawn for Kalbajar');
  assert.ok(d.stripes > 0, 'Kalbajar keeps its stripes');
  assert.ok(!(await page.textContent('#description')).includes('Kalbajar:'), 'the description names no split for Kalbajar');
  await page.screenshot({ path: path.join(artifacts, 'areas-page-2020-11-01.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('scrubbing within an epoch fetches once', { timeout: 90000 }, async () => {
  const { page, context } = await openPage(`${server.url}/?date=2019-06-01`);
  const requests = await page.evaluate(() => window.mapsvc.areaState.data.requests);
  // 2019-06-01 .. 2019-06-10 share an epoch (2016-04-05 .. 2020-09-27).
  await page.focus('#slider');
  for (let i = 0; i < 9; i++) await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => document.body.dataset.day === '2019-06-10');
  assert.equal(await page.evaluate(() => window.mapsvc.areaState.data.requests), requests, 'no new request inside the epoch');
  await context.close();
});

test('at zoom 9 places are labelled buttons; a click opens the place history and sources', { timeout: 90000 }, async () => {
  const { page, context, problems } = await openPage(`${server.url}/?date=2019-06-01`);
  await page.evaluate(() => { window.mapsvc.map.jumpTo({ center: [46.927, 39.991], zoom: 10 }); });
  await page.evaluate(() => window.mapsvc.idle());
  const marker = page.locator('button.place-marker[data-place="agdam"]');
  await marker.waitFor({ timeout: 10000 });
  assert.match(await marker.getAttribute('aria-label'), /Agdam: held by Armenian forces/);
  await page.screenshot({ path: path.join(artifacts, 'areas-places-2019-06-01.png') });
  await marker.click();
  await page.waitForFunction(() => document.querySelector('#panel-title') && document.querySelector('#panel-title').textContent === 'Agdam'
    && document.querySelector('#panel-body .events .event'), null, { timeout: 10000 });
  const panel = await page.textContent('#panel-body');
  assert.match(panel, /held by Armenian forces/);
  assert.match(panel, /Agdam town taken by Armenian forces/);
  assert.ok(await page.locator('#panel-body .sources a').count() > 0, 'the sources are linked');
  assert.equal(await page.evaluate(() => document.activeElement.id), 'panel-title', 'focus moves to the panel');
  assert.deepEqual(problems, []);
  await context.close();
});
