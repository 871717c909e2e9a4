// The static export: `mapsvc export-static` writes the public side as
// files; a plain static file server (no mapsvc behind it) serves them and
// the real map page works on them in headless Chromium.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { readFile } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { artifacts, binary, freePort, launch, watch, tempDir, removeDir, renderedRegion, root } from './harness.mjs';

let tmp;
let site;
let browser;

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.geojson': 'application/geo+json', '.svg': 'image/svg+xml', '.mvt': 'application/vnd.mapbox-vector-tile', '.map': 'application/json' };

// serveDir is a plain static file server: files by path, nothing else.
async function serveDir(dir) {
  const port = await freePort();
  const server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(path.resolve(dir) + path.sep)) { res.writeHead(403); res.end(); return; }
    try {
      const body = await readFile(file);
      res.writeHead(200, { 'Content-Type': types[path.extname(file)] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404); res.end();
    }
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => server.close(r)) };
}

before(async () => {
  tmp = tempDir();
  const bin = await binary(tmp);
  const out = path.join(tmp, 'export');
  await promisify(execFile)(bin, ['export-static', '--init', '--db', path.join(tmp, 'export.db'), '--langs', 'en,ar', '--max-zoom', '5',
    '--assets', path.join(root, 'node_modules'), out], { cwd: root });
  site = await serveDir(out);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (site) await site.close();
  if (tmp) removeDir(tmp);
});

async function open(url) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(url);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
  return { page, context, problems };
}

test('the exported map page works from a plain static file server', { timeout: 90000 }, async () => {
  const manifest = JSON.parse(await (await fetch(`${site.url}/manifest.json`)).text());
  assert.ok(manifest.epochs.snapshots.en.length > 10, 'every epoch has a snapshot file');
  const snap = await fetch(`${site.url}/${manifest.epochs.snapshots.en[0]}.gz`);
  assert.equal(snap.status, 200, 'each snapshot has a gzip twin');

  const { page, context, problems } = await open(`${site.url}/index.html?date=2020-11-24`);
  await page.evaluate(() => window.mapsvc.idle());
  const before = await renderedRegion(page, 'kalbajar');
  assert.equal(before && before.controller, 'ARM');
  await page.focus('#slider');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => {
    const f = window.mapsvc.map.queryRenderedFeatures({ layers: ['conflict-fill'] }).find((x) => x.properties.region === 'kalbajar');
    return f && f.properties.controller === 'AZE';
  }, null, { timeout: 10000 });
  assert.match(await page.textContent('#description'), /25 November 2020/);

  // The district panel reads the exported region file.
  await page.selectOption('#district', 'lachin');
  await page.waitForSelector('#panel:not([hidden]) .source', { timeout: 10000 });
  const hrefs = await page.$$eval('#panel a[href]', (as) => as.map((a) => a.getAttribute('href')));
  assert.ok(hrefs.every((h) => /^https?:/.test(h) || !h.includes(':')), 'only http(s) links');
  await page.screenshot({ path: path.join(artifacts, 'static-export-2020-11-25.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('the exported Arabic page is right to left with Arabic names', { timeout: 60000 }, async () => {
  const { page, context, problems } = await open(`${site.url}/index.ar.html?date=2020-12-01`);
  assert.equal(await page.getAttribute('html', 'dir'), 'rtl');
  const names = await page.$$eval('#district option', (os) => os.map((o) => o.textContent));
  assert.ok(names.includes('كالباجار'), `Arabic district names, got ${names.join(', ')}`);
  await page.screenshot({ path: path.join(artifacts, 'static-export-ar.png') });
  assert.deepEqual(problems, []);
  await context.close();
});

test('a paged export: the page joins the periods pages', { timeout: 120000 }, async () => {
  const out = path.join(tmp, 'paged');
  const bin = await binary(tmp);
  await promisify(execFile)(bin, ['export-static', '--db', path.join(tmp, 'export.db'), '--langs', 'en', '--max-zoom', '3',
    '--periods-page', '40', '--assets', path.join(root, 'node_modules'), out], { cwd: root });
  const paged = await serveDir(out);
  try {
    const manifest = JSON.parse(await (await fetch(`${paged.url}/manifest.json`)).text());
    assert.ok(manifest.periods.en.length > 1, 'the periods are in pages');
    assert.equal(manifest.files['periods-en'], undefined);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
    const page = await context.newPage();
    const problems = await watch(page);
    await page.goto(`${paged.url}/index.html?date=2020-11-24`);
    await page.waitForSelector('body[data-ready="1"]', { timeout: 30000 });
    await page.evaluate(() => window.mapsvc.idle());
    const kalbajar = await renderedRegion(page, 'kalbajar');
    assert.equal(kalbajar && kalbajar.controller, 'ARM');
    assert.deepEqual(problems, []);
    await context.close();
  } finally {
    await paged.close();
  }
});
