// The static export with a PMTiles archive: `mapsvc export-static
// --pmtiles` writes every layer of every date as one archive, and the map
// page, served by a plain file server that answers HTTP Range requests
// (as a CDN or object store does), draws the districts from it through
// the npm pmtiles protocol for MapLibre.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { open as openFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { artifacts, binary, freePort, launch, watch, tempDir, removeDir, renderedRegion, root } from './harness.mjs';

let tmp;
let site;
let browser;

const types = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css',
  '.json': 'application/json', '.geojson': 'application/geo+json', '.svg': 'image/svg+xml', '.map': 'application/json' };

// serveDir is a plain static file server: files by path, with single
// byte ranges (206, or 416 past the end), nothing else. It counts the
// range requests per file.
async function serveDir(dir) {
  const port = await freePort();
  const ranges = new Map();
  const server = http.createServer(async (req, res) => {
    const rel = decodeURIComponent(new URL(req.url, 'http://x').pathname).replace(/^\/+/, '') || 'index.html';
    const file = path.resolve(dir, rel);
    if (!file.startsWith(path.resolve(dir) + path.sep)) { res.writeHead(403); res.end(); return; }
    let st;
    try { st = await stat(file); } catch { res.writeHead(404); res.end(); return; }
    if (!st.isFile()) { res.writeHead(404); res.end(); return; }
    const headers = { 'Content-Type': types[path.extname(file)] || 'application/octet-stream', 'Accept-Ranges': 'bytes', ETag: `"${st.size}-${st.mtimeMs}"` };
    let start = 0; let end = st.size - 1; let status = 200;
    const m = /^bytes=(\d*)-(\d*)$/.exec(req.headers.range || '');
    if (req.headers.range) {
      if (!m || (m[1] === '' && m[2] === '')) { res.writeHead(416, { 'Content-Range': `bytes */${st.size}` }); res.end(); return; }
      if (m[1] === '') { start = Math.max(0, st.size - Number(m[2])); } else { start = Number(m[1]); if (m[2] !== '') end = Math.min(end, Number(m[2])); }
      if (start > end || start >= st.size) { res.writeHead(416, { 'Content-Range': `bytes */${st.size}` }); res.end(); return; }
      status = 206;
      headers['Content-Range'] = `bytes ${start}-${end}/${st.size}`;
      ranges.set(rel, (ranges.get(rel) || 0) + 1);
    }
    headers['Content-Length'] = end - start + 1;
    const fh = await openFile(file);
    try {
      const buf = Buffer.alloc(end - start + 1);
      await fh.read(buf, 0, buf.length, start);
      res.writeHead(status, headers);
      res.end(req.method === 'HEAD' ? undefined : buf);
    } finally {
      await fh.close();
    }
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}`, ranges, close: () => new Promise((r) => server.close(r)) };
}

before(async () => {
  tmp = tempDir();
  const bin = await binary(tmp);
  const packer = path.join(tmp, 'mapsvc-pmtiles');
  await promisify(execFile)('go', ['build', '-o', packer, './cmd/mapsvc-pmtiles'], { cwd: root, maxBuffer: 1 << 24 });
  const out = path.join(tmp, 'export');
  await promisify(execFile)(bin, ['export-static', '--init', '--db', path.join(tmp, 'export.db'), '--langs', 'en', '--max-zoom', '7',
    '--pmtiles', '--packer', packer, '--assets', path.join(root, 'node_modules'), out], { cwd: root });
  site = await serveDir(out);
  browser = await launch();
});

after(async () => {
  if (browser) await browser.close();
  if (site) await site.close();
  if (tmp) removeDir(tmp);
});

test('the map page draws from the PMTiles archive on a plain file server with range requests', { timeout: 120000 }, async () => {
  const manifest = await (await fetch(`${site.url}/manifest.json`)).json();
  assert.match(manifest.pmtiles.archive, /^data\/mapsvc\.[0-9a-f]{12}\.pmtiles$/);
  assert.match(manifest.pmtiles.library, /^vendor\/pmtiles\/[0-9a-f]{12}\/pmtiles\.js$/);
  const head = await fetch(`${site.url}/${manifest.pmtiles.archive}`, { headers: { Range: 'bytes=0-126' } });
  assert.equal(head.status, 206);
  const bytes = new Uint8Array(await head.arrayBuffer());
  assert.equal(new TextDecoder().decode(bytes.slice(0, 7)), 'PMTiles');
  assert.equal(bytes[7], 3, 'PMTiles version 3');

  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'en-GB' });
  const page = await context.newPage();
  const problems = await watch(page);
  await page.goto(`${site.url}/index.html?date=2020-11-24`);
  await page.waitForSelector('body[data-ready="1"]', { timeout: 60000 });
  await page.evaluate(() => window.mapsvc.idle());
  const source = await page.evaluate(() => {
    const s = window.mapsvc.map.getStyle();
    return { archive: s.sources.archive, layer: s.layers.find((l) => l.id === 'conflict-fill') };
  });
  assert.equal(source.archive && source.archive.type, 'vector');
  assert.match(source.archive.url, /^pmtiles:\/\/http/);
  assert.equal(source.layer.source, 'archive');
  assert.equal(source.layer['source-layer'], 'periods');

  // Districts coloured for the chosen date, from the archive's periods.
  const kalbajar = await renderedRegion(page, 'kalbajar');
  assert.equal(kalbajar && kalbajar.controller, 'ARM', 'Kalbajar on 24 November 2020');
  const shusha = await renderedRegion(page, 'shusha');
  assert.equal(shusha && shusha.controller, 'AZE', 'Shusha on 24 November 2020');
  assert.notEqual(kalbajar.fill, shusha.fill, 'the two holders have different fills');
  await page.focus('#slider');
  await page.keyboard.press('ArrowRight');
  await page.waitForFunction(() => {
    const f = window.mapsvc.map.queryRenderedFeatures({ layers: ['conflict-fill'] }).find((x) => x.properties.region === 'kalbajar');
    return f && f.properties.controller === 'AZE';
  }, null, { timeout: 10000 });
  assert.match(await page.textContent('#description'), /25 November 2020/);
  assert.ok((site.ranges.get(manifest.pmtiles.archive) || 0) >= 2, `range requests for the archive: ${site.ranges.get(manifest.pmtiles.archive)}`);
  await page.screenshot({ path: path.join(artifacts, 'static-pmtiles-2020-11-25.png') });
  assert.deepEqual(problems, []);
  await context.close();
});
