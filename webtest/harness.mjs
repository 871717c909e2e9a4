// Test harness: builds and starts the real mapsvc binary on a free port
// with a temporary database, and launches Debian's headless Chromium
// through playwright-core (which never downloads a browser).

import { spawn, execFile } from 'node:child_process';
import { existsSync, mkdtempSync, mkdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const artifacts = path.join(root, 'artifacts');
mkdirSync(artifacts, { recursive: true });

const chromiumPath = process.env.CHROMIUM || '/usr/bin/chromium';

export function freePort() {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

let built = null;
// binary builds mapsvc once per run (or uses MAPSVC_BIN).
export function binary(tmp) {
  if (process.env.MAPSVC_BIN) return Promise.resolve(process.env.MAPSVC_BIN);
  if (!built) {
    const out = path.join(tmp, 'mapsvc');
    built = promisify(execFile)('go', ['build', '-o', out, './cmd/mapsvc'], { cwd: root, maxBuffer: 1 << 24 }).then(() => out);
  }
  return built;
}

// startServer runs `mapsvc serve` and resolves once /healthz answers.
export async function startServer({ tmp, assets = path.join(root, 'node_modules'), name = 'main' }) {
  const bin = await binary(tmp);
  const port = await freePort();
  const db = path.join(tmp, `${name}.db`);
  const proc = spawn(bin, ['serve', '--init', '--addr', `127.0.0.1:${port}`, '--db', db, '--assets', assets], {
    cwd: root, stdio: ['ignore', 'ignore', 'pipe'],
  });
  let log = '';
  proc.stderr.on('data', (b) => { log += b; });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30000;
  for (;;) {
    if (proc.exitCode !== null) throw new Error(`mapsvc exited (${proc.exitCode}): ${log}`);
    try {
      const r = await fetch(`${url}/healthz`);
      if (r.ok) break;
    } catch { /* not up yet */ }
    if (Date.now() > deadline) { proc.kill(); throw new Error(`mapsvc did not start: ${log}`); }
    await new Promise((r) => setTimeout(r, 150));
  }
  return {
    url,
    log: () => log,
    stop: () => new Promise((resolve) => {
      if (proc.exitCode !== null) return resolve();
      proc.once('exit', () => resolve());
      proc.kill('SIGTERM');
    }),
  };
}

// launch starts headless Chromium. A missing browser fails the run with a
// message: CI installs it, and a skipped browser test proves nothing.
export async function launch() {
  if (!existsSync(chromiumPath)) {
    throw new Error(`Chromium not found at ${chromiumPath}: install it with \`apt-get install -y chromium\` (or set CHROMIUM to its path)`);
  }
  // Playwright adds --headless and gives each launch a fresh temporary
  // --user-data-dir of its own (it refuses one passed in args).
  return chromium.launch({
    executablePath: chromiumPath,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
}

// watch collects page errors, console errors and CSP violations.
export async function watch(page) {
  const problems = [];
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console: ${m.text()}`);
  });
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  return problems;
}

export async function cspViolations(page) {
  const frames = page.frames();
  const out = [];
  for (const f of frames) {
    try { out.push(...(await f.evaluate(() => window.__csp || []))); } catch { /* detached */ }
  }
  return out;
}

// hostPage serves one HTML page on its own port: another origin.
export async function hostPage(html) {
  const port = await freePort();
  const server = http.createServer((req, res) => {
    res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' });
    res.end(html);
  });
  await new Promise((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((r) => server.close(r)) };
}

export function tempDir() {
  return mkdtempSync(path.join(os.tmpdir(), 'mapsvc-webtest-'));
}

export function removeDir(dir) {
  rmSync(dir, { recursive: true, force: true });
}

// renderedRegion reads what the map draws for a district: the
// controller of the rendered feature and the evaluated fill colour.
export function renderedRegion(page, id) {
  return page.evaluate((region) => {
    const fs = window.mapsvc.map.queryRenderedFeatures({ layers: ['conflict-fill'] }).filter((f) => f.properties.region === region);
    if (!fs.length) return null;
    const c = fs[0].layer.paint['fill-color'];
    const hex = '#' + [c.r, c.g, c.b].map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('');
    return { controller: fs[0].properties.controller, extent: fs[0].properties.extent, status: fs[0].properties.status, fill: hex };
  }, id);
}
