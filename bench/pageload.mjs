// Page-load figures of the map page and the embed on a slow connection:
// Chromium (Debian's, through playwright-core) with CDP network
// throttling of 150 ms latency and 1.6 Mbit/s, cold (empty cache) and
// warm (the same browser profile loading the page again).
//
//   node bench/pageload.mjs [--runs 3] [--json out.json]
//
// It builds and starts mapsvc on a free port with a temporary database
// (MAPSVC_BIN picks another build, e.g. an older one to compare), behind a
// counting proxy.
// For each load it reports bytes on the wire, requests, the first
// meaningful paint (the server's SVG of the day, with its date, drawn in
// the map box), first contentful paint, "districts drawn" (the page's
// data-drawn mark: the SVG of the chosen day decoded and shown, and its
// districts focusable and clickable, opening their sources; the page has
// its data, controls, legend and description) and "map drawn" (data-ready:
// MapLibre, fetched after data-drawn, has drawn the districts, areas
// included, and replaced the SVG). Times are from navigation start,
// medians over the runs.

import { startServer, launch, tempDir, removeDir, freePort } from '../webtest/harness.mjs';
import { writeFileSync } from 'node:fs';
import http from 'node:http';
import { loadavg } from 'node:os';

const args = process.argv.slice(2);
const opt = (name, dflt) => { const i = args.indexOf(name); return i >= 0 ? args[i + 1] : dflt; };
const runs = Number(opt('--runs', '3'));
const jsonOut = opt('--json', '');
// --waterfall prints each request of the first cold load of each page:
// when it started, its first byte and its end (ms from navigation start),
// its size on the wire and its priority, as the page's DevTools saw them.
const waterfall = args.includes('--waterfall');

const profile = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8), uploadThroughput: (1.6e6 / 8) };

// marks records, inside the page, when the SVG stand-in finished loading
// and when the districts were drawn.
function marks() {
  window.__marks = {};
  document.addEventListener('load', (e) => {
    if (e.target && e.target.id === 'fallback-map' && !window.__marks.svg) window.__marks.svg = performance.now();
  }, true);
  new MutationObserver(() => {
    if (document.body && document.body.dataset.drawn === '1' && !window.__marks.drawn) window.__marks.drawn = performance.now();
    if (document.body && document.body.dataset.ready === '1' && !window.__marks.ready) window.__marks.ready = performance.now();
  }).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ready', 'data-drawn'] });
}

let proxy;
async function load(context, url, showWaterfall) {
  proxy.reset();
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', profile);
  let requests = 0;
  const fromCache = new Set();
  cdp.on('Network.requestWillBeSent', () => { requests++; });
  cdp.on('Network.requestServedFromCache', (e) => fromCache.add(e.requestId));
  const rows = new Map();
  cdp.on('Network.requestWillBeSent', (e) => {
    rows.set(e.requestId, { url: e.request.url, start: e.timestamp, priority: e.request.initialPriority });
  });
  cdp.on('Network.responseReceived', (e) => { const r = rows.get(e.requestId); if (r) r.head = e.timestamp; });
  cdp.on('Network.loadingFinished', (e) => { const r = rows.get(e.requestId); if (r) { r.end = e.timestamp; r.bytes = e.encodedDataLength; } });
  await page.addInitScript(marks);
  await page.goto(url, { waitUntil: 'commit' });
  await page.waitForFunction(() => document.body && document.body.dataset.ready === '1', null, { timeout: 120000, polling: 50 });
  const m = await page.evaluate(() => {
    const paint = performance.getEntriesByName('first-contentful-paint')[0];
    const marks = window.__marks || {};
    const steps = performance.getEntriesByType('mark').filter((e) => e.name.startsWith('mapsvc:')).map((e) => `${e.name.slice(7)} ${Math.round(e.startTime)}`);
    return { svg: marks.svg || null, drawn: marks.drawn || null, ready: marks.ready || performance.now(), fcp: paint ? paint.startTime : null, steps };
  });
  // Count the worker's requests too: they belong to the page load.
  await page.waitForTimeout(200);
  if (showWaterfall) {
    // CDP timestamps are seconds on a monotonic clock; the navigation's
    // own request is the zero.
    const all = [...rows.values()];
    const t0 = Math.min(...all.map((r) => r.start));
    const ms = (v) => (v === undefined ? '   -' : String(Math.round((v - t0) * 1000)).padStart(5));
    console.log(`waterfall ${url}: svg ${Math.round(m.svg || 0)} ms, fcp ${Math.round(m.fcp || 0)} ms, districts drawn ${Math.round(m.drawn || 0)} ms, map drawn ${Math.round(m.ready)} ms; steps: ${m.steps.join(', ')}`);
    for (const r of all.sort((a, b) => a.start - b.start)) {
      const u = new URL(r.url);
      console.log(`  ${ms(r.start)} ${ms(r.head)} ${ms(r.end)} ${String(Math.round((r.bytes || 0) / 1024)).padStart(4)} KiB ${String(r.priority).padEnd(8)} ${(u.pathname + u.search).slice(0, 90)}`);
    }
  }
  await page.close();
  return { bytes: proxy.seen.bytes, requests, network: proxy.seen.requests, paths: proxy.seen.paths.slice(), fmp: m.svg === null ? null : Math.max(m.svg, m.fcp || 0), fcp: m.fcp, drawn: m.drawn, map: m.ready };
}

// counter is a pass-through proxy in front of mapsvc: it sees every
// request of the page, its modules and MapLibre's worker (which the
// page's own DevTools session does not), and the bytes as sent.
async function counter(target) {
  const port = await freePort();
  const seen = { requests: 0, bytes: 0, paths: [] };
  const t = new URL(target);
  const server = http.createServer((req, res) => {
    seen.requests++;
    seen.paths.push(req.url);
    const up = http.request({ host: t.hostname, port: t.port, path: req.url, method: req.method, headers: req.headers }, (r) => {
      res.writeHead(r.statusCode, r.headers);
      r.on('data', (b) => { seen.bytes += b.length; });
      r.pipe(res);
    });
    up.on('error', () => { res.writeHead(502); res.end(); });
    req.pipe(up);
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}`, seen, reset() { seen.requests = 0; seen.bytes = 0; seen.paths = []; }, close: () => new Promise((r) => server.close(r)) };
}

const median = (xs) => { const s = xs.filter((x) => x !== null).sort((a, b) => a - b); return s.length ? s[Math.floor(s.length / 2)] : null; };

const loadBefore = loadavg();
const tmp = tempDir();
const server = await startServer({ tmp });
proxy = await counter(server.url);
const browser = await launch();
const results = [];
try {
  for (const [name, path] of [['embed', '/embed?date=2020-11-25'], ['page', '/?date=2020-11-25']]) {
    const cold = []; const warm = [];
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1000, height: 760 } });
      // Warm the server's own caches (not the browser's) once.
      if (i === 0) await (await fetch(server.url + path)).text();
      cold.push(await load(context, proxy.url + path, waterfall && i === 0));
      warm.push(await load(context, proxy.url + path));
      await context.close();
    }
    for (const [kind, xs] of [['cold', cold], ['warm', warm]]) {
      const r = {
        page: name, load: kind, runs,
        kib: Math.round(median(xs.map((x) => x.bytes)) / 1024),
        requests_seen_by_page: median(xs.map((x) => x.requests)),
        requests_over_network: median(xs.map((x) => x.network)),
        paths: xs[0].paths,
        first_meaningful_paint_ms: median(xs.map((x) => x.fmp)) === null ? null : Math.round(median(xs.map((x) => x.fmp))),
        first_contentful_paint_ms: Math.round(median(xs.map((x) => x.fcp))),
        districts_drawn_ms: median(xs.map((x) => x.drawn)) === null ? null : Math.round(median(xs.map((x) => x.drawn))),
        map_drawn_ms: Math.round(median(xs.map((x) => x.map))),
      };
      results.push(r);
    }
  }
} finally {
  await browser.close();
  await proxy.close();
  await server.stop();
  removeDir(tmp);
}

const la = (l) => l.map((x) => x.toFixed(2)).join(' ');
console.log(`profile: ${profile.latency} ms latency, ${profile.downloadThroughput * 8 / 1e6} Mbit/s; median of ${runs} runs; load average ${la(loadBefore)} before, ${la(loadavg())} after`);
console.log('page   load  KiB over the wire  requests over the wire  FMP (SVG with date) ms  FCP ms  districts drawn ms  map drawn ms');
const n = (v) => (v === null || Number.isNaN(v) ? 'n/a' : String(v));
for (const r of results) {
  console.log(`${r.page.padEnd(6)} ${r.load.padEnd(5)} ${n(r.kib).padStart(17)} ${n(r.requests_over_network).padStart(22)} ${n(r.first_meaningful_paint_ms).padStart(22)} ${n(r.first_contentful_paint_ms).padStart(7)} ${n(r.districts_drawn_ms).padStart(19)} ${n(r.map_drawn_ms).padStart(13)}`);
}
if (jsonOut) writeFileSync(jsonOut, JSON.stringify({ profile, results }, null, 2));
