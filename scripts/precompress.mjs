// Writes brotli copies (.br) of the MapLibre files the page loads, beside
// them in node_modules/maplibre-gl/dist, once at install time (npm runs
// it after `npm ci`): brotli at its best level is about a fifth smaller
// than gzip for these files but takes seconds per file, too slow for the
// server to do per request or at start-up. mapsvc serves a .br copy only
// when it is newer than its file and the browser accepts brotli.
//
//   node scripts/precompress.mjs [node_modules]

import { readFileSync, writeFileSync, statSync, existsSync, renameSync } from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

const root = process.argv[2] || path.join(path.dirname(new URL(import.meta.url).pathname), '..', 'node_modules');
const dist = path.join(root, 'maplibre-gl', 'dist');
const files = ['maplibre-gl.mjs', 'maplibre-gl-worker.mjs', 'maplibre-gl.css'];

if (!existsSync(dist)) {
  console.log(`precompress: ${dist} not found; nothing to do`);
  process.exit(0);
}
for (const name of files) {
  const src = path.join(dist, name);
  if (!existsSync(src)) continue;
  const out = `${src}.br`;
  if (existsSync(out) && statSync(out).mtimeMs >= statSync(src).mtimeMs) continue;
  const body = readFileSync(src);
  const br = zlib.brotliCompressSync(body, {
    params: {
      [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
      [zlib.constants.BROTLI_PARAM_MODE]: name.endsWith('.css') ? zlib.constants.BROTLI_MODE_TEXT : zlib.constants.BROTLI_MODE_GENERIC,
      [zlib.constants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
  // Written whole, then renamed: a server never reads half a file.
  writeFileSync(`${out}.tmp`, br);
  renameSync(`${out}.tmp`, out);
  console.log(`precompress: ${name} ${body.length} → ${br.length} bytes (brotli)`);
}
