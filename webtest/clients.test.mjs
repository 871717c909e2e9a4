// Third-party web maps read mapsvc cross-origin: a Leaflet page (with
// Leaflet.VectorGrid) and a MapLibre page, each served from a second port,
// load the vector tiles through the TileJSON document and filter them to
// one day. Run with `node --test webtest/`.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import path from 'node:path';
import { readFile } from 'node:fs/promises';
import { artifacts, root, startServer, launch, freePort, tempDir, removeDir } from './harness.mjs';

const DAY = '2020-11-25';
const D = Date.UTC(2020, 10, 25) / 86400000; // days since 1970-01-01

let tmp;
let server;
let browser;
let site;

const types = { '.js': 'text/javascript', '.mjs': 'text/javascript', '.css': 'text/css', '.html': 'text/html; charset=utf-8', '.png': 'image/png' };

// The other site: two HTML pages and the npm packages they load.
const pages = {
  '/leaflet.html': `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/nm/leaflet/dist/leaflet.css">
<style>#map{width:800px;height:600px}</style></head><body><div id="map"></div>
<script src="/nm/leaflet/dist/leaflet.js"></script>
<script src="/nm/leaflet.vectorgrid/dist/Leaflet.VectorGrid.bundled.js"></script>
<script>
const q = new URLSearchParams(location.search), api = q.get('api'), D = Number(q.get('day'));
window.drawn = {};
fetch(api + '/tiles/periods.json').then((r) => r.json()).then((tj) => {
  const map = L.map('map', { zoomAnimation: false }).setView([39.75, 46.75], 8);
  const colours = { AZE: '#1f77b4', ARM: '#d95f02' };
  const layer = L.vectorGrid.protobuf(tj.tiles[0], {
    maxNativeZoom: tj.maxzoom, attribution: tj.attribution,
    vectorTileLayerStyles: {
      periods: (p) => {
        if (!(p.start_day <= D && p.end_day > D)) return [];
        window.drawn[p.region] = p.controller;
        return { fill: true, fillColor: colours[p.controller] || '#999', fillOpacity: 0.6, weight: 1, color: '#333' };
      },
    },
  });
  layer.on('load', () => { window.done = true; });
  layer.addTo(map);
}).catch((e) => { window.failed = String(e); });
</script></body></html>`,
  '/maplibre.html': `<!doctype html><html><head><meta charset="utf-8">
<link rel="stylesheet" href="/nm/maplibre-gl/dist/maplibre-gl.css">
<style>#map{width:800px;height:600px}</style></head><body><div id="map"></div>
<script type="module">
import * as maplibregl from '/nm/maplibre-gl/dist/maplibre-gl.mjs';
const q = new URLSearchParams(location.search), api = q.get('api'), D = Number(q.get('day'));
const map = new maplibregl.Map({
  container: 'map', center: [46.75, 39.75], zoom: 7.5, fadeDuration: 0,
  style: { version: 8, sources: { periods: { type: 'vector', url: api + '/tiles/periods.json' } },
    layers: [
      { id: 'bg', type: 'background', paint: { 'background-color': '#fff' } },
      { id: 'control', type: 'fill', source: 'periods', 'source-layer': 'periods',
        filter: ['all', ['<=', ['get', 'start_day'], D], ['>', ['get', 'end_day'], D]],
        paint: { 'fill-color': ['match', ['get', 'controller'], 'AZE', '#1f77b4', 'ARM', '#d95f02', '#999999'], 'fill-opacity': 0.6 } },
    ] },
});
map.on('error', (e) => { window.failed = String(e.error && e.error.message || e); });
map.once('idle', () => {
  const drawn = {};
  for (const f of map.queryRenderedFeatures({ layers: ['control'] })) drawn[f.properties.region] = f.properties.controller;
  window.drawn = drawn;
  window.done = true;
});
</script></body></html>`,
};

before(async () => {
  tmp = tempDir();
  server = await startServer({ tmp });
  browser = await launch();
  const port = await freePort();
  const srv = http.createServer(async (req, res) => {
    const p = new URL(req.url, 'http://x').pathname;
    try {
      if (p === '/favicon.ico') {
        res.writeHead(204);
        return res.end();
      }
      if (pages[p]) {
        res.writeHead(200, { 'Content-Type': types['.html'] });
        return res.end(pages[p]);
      }
      const m = p.match(/^\/nm\/(leaflet|leaflet\.vectorgrid|maplibre-gl)\/dist\/([\w.-]+)$/);
      if (!m) throw new Error('not found');
      const body = await readFile(path.join(root, 'node_modules', m[1], 'dist', m[2]));
      res.writeHead(200, { 'Content-Type': types[path.extname(m[2])] || 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise((r) => srv.listen(port, '127.0.0.1', r));
  site = { url: `http://127.0.0.1:${port}`, close: () => new Promise((r) => srv.close(r)) };
});

after(async () => {
  if (browser) await browser.close();
  if (site) await site.close();
  if (server) await server.stop();
  if (tmp) removeDir(tmp);
});

// The holders the API gives for the conflict regions at the end of DAY.
async function holders() {
  const snap = await (await fetch(`${server.url}/api/v1/snapshot?date=${DAY}`)).json();
  const out = {};
  for (const f of snap.features) if (f.properties.role === 'conflict') out[f.properties.region] = f.properties.controller;
  return out;
}

for (const [name, file] of [['Leaflet (VectorGrid)', 'leaflet.html'], ['MapLibre', 'maplibre.html']]) {
  test(`${name} on another origin draws the ${DAY} control map from the TileJSON`, { timeout: 90000 }, async () => {
    const page = await browser.newPage({ viewport: { width: 900, height: 700 } });
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => { if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) errors.push(m.text()); });
    page.on('response', (r) => { if (r.status() >= 400) errors.push(`${r.status()} ${r.url()}`); });
    await page.goto(`${site.url}/${file}?api=${encodeURIComponent(server.url)}&day=${D}`);
    await page.waitForFunction(() => window.done || window.failed, null, { timeout: 60000 });
    assert.equal(await page.evaluate(() => window.failed), undefined, 'the page loaded without errors');
    const drawn = await page.evaluate(() => window.drawn);
    await page.screenshot({ path: path.join(artifacts, `client-${file.replace('.html', '')}.png`) });
    const want = await holders();
    assert.equal(Object.keys(want).length, 12);
    assert.deepEqual(drawn, want, 'one feature per conflict district, held as the API says');
    if (file === 'leaflet.html') {
      const paths = await page.locator('.leaflet-tile path').count();
      assert.ok(paths >= 12, `Leaflet drew ${paths} paths`);
    }
    assert.deepEqual(errors, [], 'no console errors (a CORS failure would show here)');
    await page.close();
  });
}
