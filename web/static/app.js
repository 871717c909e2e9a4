// The map page and the embed. Data is loaded once (/api/v1/periods and
// /regions, both preloaded by the HTML); moving through time filters it on
// the client, with no request per step. Until MapLibre has drawn (and
// where it cannot), the server's SVG of the day stands in the map box.

import { translator, formatDay, formatEventDate, formatISO, parseDay, parseTypedDate, dayString, setDateWords } from './i18n.js';
import { el, link, clear, escapeAttr } from './dom.js';

const body = document.body;
const cfg = {
  mode: body.dataset.mode === 'embed' ? 'embed' : 'page',
  lang: body.dataset.lang || 'en',
  // Absolute, because map.js imports it and a relative specifier would
  // resolve against map.js rather than the page.
  maplibre: body.dataset.maplibre ? new URL(body.dataset.maplibre, document.baseURI).href : '',
  maplibreCSS: body.dataset.maplibreCss ? new URL(body.dataset.maplibreCss, document.baseURI).href : '',
  // Set in a static export: the data comes from files listed there.
  manifest: body.dataset.manifest || '',
  basemap: { url: body.dataset.basemap || '', attribution: body.dataset.basemapAttribution || '' },
  first: parseDay(body.dataset.firstDay) || parseDay('1991-01-01'),
  today: parseDay(body.dataset.today) || Math.floor(Date.now() / 86400000),
  theme: document.documentElement.dataset.theme || 'auto',
};
try { setDateWords(JSON.parse(body.dataset.dates || '{}')); } catch { /* English stands in */ }
const t = translator(cfg.lang);
const rtl = document.documentElement.dir === 'rtl';
const $ = (id) => document.getElementById(id);

const state = { day: cfg.today, region: null, place: null };
let manifest = null; // a static export's file list; null when the API serves

// dataURL picks the API URL, or in a static export the file standing in
// for it.
function dataURL(key, apiURL) {
  if (!manifest) return apiURL;
  const f = manifest.files[key];
  if (!f) throw new Error(`the export has no ${key}`);
  return f;
}

// getPeriods loads the periods: one answer, or in a static export of a
// long history its pages (manifest.periods), joined in order.
async function getPeriods(l, apiURL) {
  const pages = manifest && manifest.periods && manifest.periods[l];
  if (!pages) return getJSON(dataURL(`periods-${l}`, apiURL));
  const parts = await Promise.all(pages.map((p) => getJSON(p)));
  return { ...parts[0], features: parts.flatMap((p) => p.features) };
}

// pageURL is the page or embed for the current language, with params.
function pageURL(kind, params) {
  const base = manifest ? manifest.pages[kind][cfg.lang] || manifest.pages[kind].en : (kind === 'embed' ? '/embed' : '/');
  return `${base}?${params}`;
}
const data = { periods: null, byRegion: new Map(), names: new Map(), regionProps: new Map(), conflictIds: [], changeDays: [], context: new Map() };
let mapApi = null;
// Approximate control areas (areas.js): the loader, the layers, and the
// bundle of the day on the map (null until loaded, or without the API).
const areaState = { data: null, layers: null, shown: null, describe: null };
const hook = {
  ready: false, state, data, announcements: [],
  areaState, get map() { return mapApi && mapApi.map; }, idle: () => (mapApi ? mapApi.idle() : Promise.resolve()),
};
window.mapsvc = hook;

// ---- start -------------------------------------------------------------

applyStaticStrings();
readURL();
main().catch((err) => showMessage(t('loadFailed', { msg: err.message }), true));

async function main() {
  if (cfg.manifest) manifest = await getJSON(cfg.manifest);
  // These URLs are exactly the ones the HTML preloads.
  const q = (path) => `/api/v1/${path}?lang=${encodeURIComponent(cfg.lang)}`;
  const l = cfg.lang;
  const [periods, regions] = await Promise.all([
    getPeriods(l, q('periods')), getJSON(dataURL(`regions-${l}`, q('regions'))),
  ]);
  performance.mark('mapsvc:data');
  data.periods = periods;
  for (const f of regions.features) {
    data.names.set(f.properties.region, f.properties.name);
    data.regionProps.set(f.properties.region, f.properties);
    if (f.properties.role === 'conflict') data.conflictIds.push(f.properties.region);
    // The ledger tracks the conflict area only; the rest of Azerbaijan is
    // shown held by Azerbaijan throughout, as the snapshot API says.
    if (f.properties.role === 'context') data.context.set(f.properties.region, 'AZE');
  }
  const starts = new Set();
  for (const f of periods.features) {
    const p = f.properties;
    if (!data.byRegion.has(p.region)) data.byRegion.set(p.region, []);
    data.byRegion.get(p.region).push(p);
    starts.add(p.start_day);
  }
  for (const list of data.byRegion.values()) list.sort((a, b) => a.start_day - b.start_day);
  // A change day is a day some period starts: the timeline's change days.
  data.changeDays = [...starts].filter((d) => Number.isFinite(d)).sort((a, b) => a - b);

  setupControls();
  render({ fromSlider: false, first: true });
  if (state.region) openRegion(state.region, { focus: false });
  // The first view: the server's SVG of the day with its districts made
  // focusable and clickable. It needs no map library, so the reader can
  // open a district's sources before MapLibre has even been fetched.
  await drawFirstView();
  renderHitMap(state.day);
  // Marked once the frame with the legend and the buttons is painted.
  await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
  markDrawn();

  if (!cfg.maplibre) {
    showMessage(t('missingLib'), false);
    markReady();
    return;
  }
  // MapLibre (about 360 KiB), its worker and the areas' data come only
  // now, when the browser is idle: they no longer share a slow line with
  // what the first view needs.
  await whenIdle();
  performance.mark('mapsvc:map-start');
  // A static export has no areas endpoints: its map keeps the stripes.
  const areasEarly = manifest ? null : loadAreaData();
  if (areasEarly) areasEarly.catch(() => {});
  prefetch(body.dataset.maplibreWorker);
  try {
    const { createMap } = await import('./map.js');
    mapApi = await createMap({
      container: $('map'), maplibreURL: cfg.maplibre, maplibreCSS: cfg.maplibreCSS, basemap: cfg.basemap, periods, regions,
      contextControllers: data.context, rtl, day: state.day, embed: cfg.mode === 'embed', locale: t('maplibre'),
      // A static export with a PMTiles archive draws the map from it.
      pmtiles: manifest && manifest.pmtiles ? {
        archive: new URL(manifest.pmtiles.archive, document.baseURI).href,
        library: new URL(manifest.pmtiles.library, document.baseURI).href,
      } : null,
      onSelect: (id) => openRegion(id, { focus: true, opener: mapApi && mapApi.map.getCanvas() }),
      labelFor: (id) => data.names.get(id) || id,
    });
    performance.mark('mapsvc:map-loaded');
    mapApi.setSelected(state.region);
    // The day may have moved while MapLibre loaded.
    mapApi.setDay(state.day);
    matchMedia('(prefers-color-scheme: dark)').addEventListener('change', () => {
      if (cfg.theme === 'auto') { mapApi.applyTheme(); if (areaState.layers) areaState.layers.applyTheme(cssColoursNow()); }
    });
    if (areasEarly) await setupAreas(areasEarly).catch((err) => console.warn('areas:', err));
    performance.mark('mapsvc:areas');
    await mapApi.idle();
    handOver();
  } catch (err) {
    showMessage(t('mapFailed', { msg: err && err.message ? err.message : String(err) }), false);
  }
  markReady();
}

// whenIdle resolves once the browser has nothing more urgent to do (or
// after a second at most).
function whenIdle() {
  return new Promise((resolve) => {
    if ('requestIdleCallback' in window) requestIdleCallback(() => resolve(), { timeout: 1000 });
    else setTimeout(resolve, 50);
  });
}

function prefetch(href) {
  if (!href) return;
  const l = document.createElement('link');
  l.rel = 'prefetch';
  l.href = href;
  document.head.append(l);
}

// ---- the first view: the server's SVG, interactive -----------------------

// hitMap is a transparent copy of the districts' outlines from the SVG
// shown in the map box (same viewBox, same fit), one focusable button per
// tracked district; it goes with the SVG when MapLibre has drawn.
const hitMap = { svg: null, paths: new Map() };
const SVGNS = 'http://www.w3.org/2000/svg';

async function drawFirstView() {
  const img = $('fallback-map');
  if (!img) return;
  const src = img.getAttribute('src') || '';
  let text = '';
  if (src.startsWith('data:')) {
    text = decodeURIComponent(src.slice(src.indexOf(',') + 1));
  } else if (src) {
    try { const r = await fetch(src); if (r.ok) text = await r.text(); } catch { /* the image alone stays */ }
  }
  // Drawn means shown: wait for the image itself.
  try { await img.decode(); } catch { /* a broken image: the outlines still answer */ }
  if (text) buildHitMap(text);
}

function buildHitMap(text) {
  const root = new DOMParser().parseFromString(text, 'image/svg+xml').documentElement;
  if (!root || root.localName !== 'svg' || !root.getAttribute('viewBox')) return;
  const svg = document.createElementNS(SVGNS, 'svg');
  svg.setAttribute('class', 'hit-map');
  svg.setAttribute('viewBox', root.getAttribute('viewBox'));
  svg.setAttribute('preserveAspectRatio', 'xMidYMid meet');
  svg.setAttribute('role', 'group');
  svg.setAttribute('aria-label', t('mapLabel'));
  const outlines = new Map();
  for (const p of root.querySelectorAll('path[id^="region-"][data-region]')) outlines.set(p.getAttribute('data-region'), p.getAttribute('d'));
  // In the order of the districts list, by name.
  const ids = data.conflictIds.filter((id) => outlines.has(id)).sort((a, b) => data.names.get(a).localeCompare(data.names.get(b), cfg.lang));
  for (const id of ids) {
    const hit = document.createElementNS(SVGNS, 'path');
    hit.setAttribute('d', outlines.get(id));
    hit.setAttribute('fill-rule', 'evenodd');
    hit.setAttribute('data-region', id);
    hit.setAttribute('tabindex', '0');
    hit.setAttribute('role', 'button');
    hit.addEventListener('click', () => openRegion(id, { focus: true, opener: hit }));
    hit.addEventListener('keydown', (e) => {
      if (e.key !== 'Enter' && e.key !== ' ') return;
      e.preventDefault();
      openRegion(id, { focus: true, opener: hit });
    });
    svg.append(hit);
    hitMap.paths.set(id, hit);
  }
  if (!hitMap.paths.size) return;
  hitMap.svg = svg;
  $('fallback-map').after(svg);
}

// renderHitMap names each district's holder on the day.
function renderHitMap(day) {
  for (const [id, hit] of hitMap.paths) {
    hit.setAttribute('aria-label', `${data.names.get(id)}: ${stateLabel(periodAt(id, day))}`);
    hit.classList.toggle('selected', id === state.region);
  }
}

// handOver shows MapLibre's map in place of the SVG; focus on one of the
// SVG's districts moves to the map.
function handOver() {
  const inHitMap = hitMap.svg && hitMap.svg.contains(document.activeElement);
  $('map-wrap').classList.add('drawn');
  if (inHitMap && mapApi) mapApi.map.getCanvas().focus();
}

// markDrawn: the districts are on screen in their holders' colours for
// the chosen day, and answer to pointer and keyboard.
function markDrawn() {
  performance.mark('mapsvc:drawn');
  body.dataset.drawn = '1';
  postHeight();
}

let cssColoursNow = () => ({});

// loadAreaData fetches the areas' module and epochs and starts loading
// the shown day's bundle.
async function loadAreaData() {
  const [areas, epochs] = await Promise.all([import('./areas.js'), getJSON('/api/v1/epochs')]);
  const changeDays = epochs.change_days.map(parseDay);
  const loader = areas.createAreaData({ getJSON, lang: cfg.lang, changeDays, dayString });
  loader.load(state.day).catch(() => {}); // showAreas reports a failure
  return { areas, loader };
}

async function setupAreas(early) {
  const [{ areas, loader }, mapMod] = await Promise.all([early, import('./map.js')]);
  cssColoursNow = mapMod.cssColours;
  const ml = await import(cfg.maplibre);
  areaState.describe = areas.describeSplits;
  areaState.data = loader;
  areaState.layers = areas.addAreaLayers(mapApi.map, ml, mapMod.cssColours(), {
    rtl,
    placeLabel: (p) => `${p.name}: ${p.controller ? t('heldBy', { who: t(p.controller) }) : t('noData')}`,
    onPlace: (id, node) => openPlace(id, { focus: true, opener: node }),
  });
  await showAreas(state.day);
}

// showAreas draws the day's areas once loaded (from the epoch cache when
// the day shares its epoch with one already seen).
async function showAreas(day) {
  if (!areaState.data) return;
  const b = await areaState.data.load(day);
  if (day !== state.day || areaState.shown === b) return;
  areaState.shown = b;
  areaState.layers.show(b);
  mapApi.setAreaRegions(b.regions);
  renderLegend(state.day);
  renderDescription(state.day, false);
  if (state.place && !$('panel').hidden) renderPlaceState();
}

function markReady() {
  hook.ready = true;
  body.dataset.ready = '1';
  postHeight();
}

async function getJSON(url) {
  const r = await fetch(url, { headers: { Accept: 'application/json' } });
  if (!r.ok) {
    let detail = `${r.status}`;
    try { detail = (await r.json()).detail || detail; } catch { /* not JSON */ }
    throw new Error(detail);
  }
  return r.json();
}

// ---- strings ------------------------------------------------------------

function applyStaticStrings() {
  for (const node of document.querySelectorAll('[data-i18n]')) node.textContent = t(node.dataset.i18n);
  for (const node of document.querySelectorAll('[data-i18n-aria]')) node.setAttribute('aria-label', t(node.dataset.i18nAria));
  const lang = $('lang');
  if (lang) lang.value = cfg.lang;
  if (cfg.basemap.url && cfg.basemap.attribution) {
    const b = $('basemap-attribution');
    b.textContent = t('basemap', { text: cfg.basemap.attribution });
    b.hidden = false;
  }
}

function showMessage(text, fatal) {
  const m = $('map-message');
  m.textContent = text;
  m.hidden = false;
  m.classList.toggle('fatal', !!fatal);
}

// The server's SVG in the map box follows the date, a moment after the
// last change, so stepping or playing asks for one image, not one per day.
let imageTimer = 0;
function updateImage(now) {
  clearTimeout(imageTimer);
  const apply = () => {
    const img = $('fallback-map');
    const src = snapshotURL('svg');
    if (img && src && img.getAttribute('src') !== src) {
      img.src = src;
      img.alt = `${document.title}`;
    }
  };
  if (now) apply(); else imageTimer = setTimeout(apply, 350);
}
addEventListener('beforeprint', () => updateImage(true));

// ---- URL state ----------------------------------------------------------

function readURL() {
  const p = new URLSearchParams(location.search);
  const d = parseDay(p.get('date'));
  if (!Number.isNaN(d)) state.day = clampDay(d);
  const r = p.get('region');
  if (r && /^[a-z][a-z0-9-]{0,63}$/.test(r)) state.region = r;
}

function viewParams() {
  const p = new URLSearchParams();
  p.set('date', dayString(state.day));
  if (cfg.lang !== 'en') p.set('lang', cfg.lang);
  if (state.region) p.set('region', state.region);
  if (new URLSearchParams(location.search).has('theme')) p.set('theme', cfg.theme);
  return p;
}

let urlTimer = 0;
function writeURL() {
  clearTimeout(urlTimer);
  urlTimer = setTimeout(() => {
    const url = `${location.pathname}?${viewParams()}`;
    if (url !== location.pathname + location.search) history.replaceState(null, '', url);
  }, 150);
}

function snapshotURL(ext) {
  // A static export holds one drawn map per language, of its latest day.
  if (manifest) return manifest.files[`${ext}-latest-${cfg.lang}`] || '';
  return `/api/v1/snapshot.${ext}?date=${dayString(state.day)}&lang=${cfg.lang}`;
}

// ---- controls -----------------------------------------------------------

function clampDay(d) {
  return Math.min(cfg.today, Math.max(cfg.first, d));
}

function setupControls() {
  const slider = $('slider');
  slider.min = String(cfg.first);
  slider.max = String(cfg.today);
  slider.value = String(state.day);
  guardSliderTrack(slider);
  slider.addEventListener('input', () => {
    if (trackGuard) { slider.value = trackGuard; return; }
    stopPlay();
    setDay(Number(slider.value), { fromSlider: true });
  });
  slider.addEventListener('keydown', (e) => {
    if (e.key === 'PageUp' || e.key === 'PageDown') {
      e.preventDefault();
      stopPlay();
      step(e.key === 'PageUp' ? 1 : -1);
    }
  });
  const ticks = $('ticks');
  const span = cfg.today - cfg.first || 1;
  const pos = (d) => `${((d - cfg.first) / span) * 100}%`;
  for (const d of data.changeDays) {
    if (d < cfg.first || d > cfg.today) continue;
    const tick = el('span', { class: 'tick', 'data-day': dayString(d) });
    tick.style.insetInlineStart = pos(d);
    ticks.append(tick);
  }
  const years = $('years');
  if (years) {
    const y0 = new Date(cfg.first * 86400000).getUTCFullYear();
    const y1 = new Date(cfg.today * 86400000).getUTCFullYear();
    for (let y = y0; y <= y1; y += 1) {
      if (y !== y0 && y % 5 !== 0) continue;
      const label = el('span', { class: 'year', text: String(y) });
      label.style.insetInlineStart = pos(parseDay(`${y}-01-01`));
      years.append(label);
    }
    new ResizeObserver(() => spaceYearLabels(years)).observe(years);
  }
  $('prev').addEventListener('click', () => { stopPlay(); step(-1); });
  $('next').addEventListener('click', () => { stopPlay(); step(1); });
  $('play').addEventListener('click', () => (playTimer ? stopPlay() : startPlay()));
  const input = $('date-input');
  if (input) setupDateInput(input);
  const district = $('district');
  if (district) {
    const ids = [...data.conflictIds].sort((a, b) => data.names.get(a).localeCompare(data.names.get(b), cfg.lang));
    for (const id of ids) district.append(el('option', { value: id, text: data.names.get(id) }));
    district.addEventListener('change', () => {
      if (district.value) openRegion(district.value, { focus: false, opener: district });
      else closePanel();
    });
  }
  const list = $('district-list');
  if (list) {
    const ids = [...data.conflictIds].sort((a, b) => data.names.get(a).localeCompare(data.names.get(b), cfg.lang));
    for (const id of ids) {
      const btn = el('button', { type: 'button', 'data-region': id, text: data.names.get(id) });
      btn.addEventListener('click', () => openRegion(id, { focus: true, opener: btn }));
      list.append(el('li', {}, btn));
    }
    $('districts').addEventListener('toggle', postHeight);
  }
  setupLanguage();
  $('panel-close').addEventListener('click', () => closePanel({ restoreFocus: true }));
  document.addEventListener('keydown', (e) => {
    if (e.key === 'Escape' && !$('panel').hidden) closePanel({ restoreFocus: true });
  });
  const copy = $('copy');
  if (copy) copy.addEventListener('click', () => copySnippet('snippet', 'copy-status'));
  const copyImage = $('copy-image');
  if (copyImage) copyImage.addEventListener('click', () => copySnippet('image-snippet', 'copy-image-status'));
  const theme = $('theme');
  if (theme) {
    theme.value = 'light';
    theme.addEventListener('change', renderShare);
  }
  if (cfg.mode === 'embed') setupResize();
}

// A tap on the slider's track would jump the date to wherever the finger
// landed, and a vertical swipe starting there would drag it: only a press
// on the thumb (or the keyboard) moves the slider. trackGuard holds the
// value to keep while a press that began off the thumb lasts.
let trackGuard = null;
function guardSliderTrack(slider) {
  const offThumb = (e) => {
    const r = slider.getBoundingClientRect();
    const min = Number(slider.min); const max = Number(slider.max);
    const f = (Number(slider.value) - min) / ((max - min) || 1);
    const thumb = 10; // half the thumb plus the track's inset, in px
    let x = r.left + thumb + f * (r.width - 2 * thumb);
    if (rtl) x = r.right - thumb - f * (r.width - 2 * thumb);
    return Math.abs(e.clientX - x) > 22;
  };
  slider.addEventListener('pointerdown', (e) => {
    if (!offThumb(e)) { trackGuard = null; return; }
    trackGuard = slider.value;
    e.preventDefault();
  });
  const release = () => {
    if (trackGuard === null) return;
    slider.value = trackGuard;
    // Let the input events of this press pass first.
    setTimeout(() => { trackGuard = null; }, 0);
  };
  for (const type of ['pointerup', 'pointercancel', 'lostpointercapture']) slider.addEventListener(type, release);
  addEventListener('pointerup', release);
}

// spaceYearLabels hides the year labels that would touch the one before.
function spaceYearLabels(years) {
  const labels = [...years.querySelectorAll('.year')];
  for (const l of labels) l.hidden = false;
  let lastEdge = null;
  for (const l of labels) {
    const r = l.getBoundingClientRect();
    const start = rtl ? -r.right : r.left;
    const end = rtl ? -r.left : r.right;
    if (lastEdge !== null && start < lastEdge + 6) { l.hidden = true; continue; }
    lastEdge = end;
  }
}

// The date field applies a date on Enter, on leaving the field, or as
// soon as its year is complete and in range; while the reader types it is
// never rewritten (typing 04/02/1993 passes through 0001, 0019, 0199).
function setupDateInput(input) {
  // A text field in the page's language and direction, written and read
  // with the project's month names: Chromium's own date field keeps its
  // digits left to right and its order from the browser's locale.
  const hint = $('date-hint');
  if (hint) hint.textContent = t('dateHint', { example: formatDay(cfg.today, cfg.lang) });
  const typed = () => {
    const d = parseTypedDate(input.value);
    return Number.isNaN(d) || d < cfg.first || d > cfg.today ? null : d;
  };
  // apply sets the typed day once it is a whole date in range (the year
  // complete); the field keeps what the reader typed until they leave it
  // or press Enter, when it shows the day in the page's words again.
  const apply = (finish) => {
    const d = typed();
    if (d !== null && d !== state.day) { stopPlay(); setDay(d); }
    if (finish) {
      input.value = formatDay(state.day, cfg.lang);
      input.removeAttribute('aria-invalid');
    } else if (d === null && /[0-9\u0660-\u0669\u06F0-\u06F9]{4}/.test(input.value)) {
      // A year is there but no date in range: say so, rewrite nothing.
      input.setAttribute('aria-invalid', 'true');
    } else {
      input.removeAttribute('aria-invalid');
    }
  };
  input.addEventListener('input', () => apply(false));
  input.addEventListener('keydown', (e) => { if (e.key === 'Enter') { e.preventDefault(); apply(true); } });
  input.addEventListener('blur', () => apply(true));
}

// The language menu changes the page only on an explicit choice: a pick
// with the pointer, Enter, or the button beside it. Arrow keys only move
// the selection (in Chromium they change a closed select at once).
function setupLanguage() {
  const lang = $('lang');
  if (!lang) return;
  const go = $('lang-go');
  let byKey = false;
  const navigate = () => {
    if (lang.value === cfg.lang) return;
    const p = viewParams();
    if (manifest) {
      p.delete('lang'); // each language is its own file
      location.assign(`${manifest.pages[cfg.mode === 'embed' ? 'embed' : 'index'][lang.value]}?${p}`);
      return;
    }
    if (lang.value === 'en') p.delete('lang'); else p.set('lang', lang.value);
    location.assign(`${location.pathname}?${p}`);
  };
  lang.addEventListener('keydown', (e) => {
    if (e.key === 'Enter') { e.preventDefault(); navigate(); return; }
    byKey = true;
  });
  lang.addEventListener('pointerdown', () => { byKey = false; });
  lang.addEventListener('change', () => {
    if (go) go.hidden = lang.value === cfg.lang;
    if (!byKey) navigate();
  });
  if (go) go.addEventListener('click', navigate);
}

function step(dir) {
  const days = data.changeDays;
  let target = null;
  if (dir > 0) target = days.find((d) => d > state.day);
  else for (let i = days.length - 1; i >= 0; i--) if (days[i] < state.day) { target = days[i]; break; }
  if (target !== null && target !== undefined) setDay(clampDay(target));
  return target !== null && target !== undefined;
}

let playTimer = 0;
function startPlay() {
  if (!data.changeDays.some((d) => d > state.day)) setDay(cfg.first);
  const btn = $('play');
  btn.setAttribute('aria-pressed', 'true');
  btn.setAttribute('aria-label', t('pause'));
  btn.classList.add('playing');
  playTimer = setInterval(() => { if (!step(1)) stopPlay(); }, 1200);
}

function stopPlay() {
  if (!playTimer) return;
  clearInterval(playTimer);
  playTimer = 0;
  const btn = $('play');
  btn.setAttribute('aria-pressed', 'false');
  btn.setAttribute('aria-label', t('play'));
  btn.classList.remove('playing');
}

function setDay(day, opts = {}) {
  if (day === state.day && !opts.force) return;
  state.day = day;
  render(opts);
}

// ---- state per day --------------------------------------------------------

function periodAt(id, day) {
  const list = data.byRegion.get(id) || [];
  return list.find((p) => p.start_day <= day && (p.end_day === null || p.end_day === undefined || day < p.end_day)) || null;
}

// extentUncertain: the holder is not in doubt, but a change of the area
// held is not dated (extent_status, apart from status, which is about the
// holder).
function extentUncertain(p) {
  return !!p && p.status === 'firm' && p.extent_status === 'uncertain';
}

function stateLabel(p) {
  if (!p || p.status === 'unknown') return t('noData');
  if (p.status === 'uncertain') return t('uncertainBetween', { list: (p.candidates || []).map((c) => t(c)).join(' / ') });
  const who = t(p.controller);
  const label = p.extent === 'partial' ? `${who} (${t('partly')})` : who;
  return extentUncertain(p) ? `${label}, ${t('extentUncertainWord')}` : label;
}

function summarise(day) {
  const s = { AZE: [], ARM: [], partAZE: [], partARM: [], uncertain: [], unknown: [], extentUncertain: [] };
  for (const id of data.conflictIds) {
    const p = periodAt(id, day);
    const name = data.names.get(id);
    if (!p || p.status === 'unknown') s.unknown.push(name);
    else if (p.status === 'uncertain') s.uncertain.push(name);
    else {
      s[p.controller].push(name);
      if (p.extent === 'partial') s[`part${p.controller}`].push(name);
      if (extentUncertain(p)) s.extentUncertain.push(name);
    }
  }
  return s;
}

// ---- render ---------------------------------------------------------------

function render(opts = {}) {
  const day = state.day;
  const slider = $('slider');
  if (!opts.fromSlider) slider.value = String(day);
  const pretty = formatDay(day, cfg.lang);
  slider.setAttribute('aria-valuetext', pretty);
  $('date-label').textContent = pretty;
  $('title-date').textContent = pretty;
  document.title = `${document.querySelector('#title .title-text').textContent} — ${pretty}`;
  const input = $('date-input');
  // Never rewrite the field under the reader's cursor.
  if (input && document.activeElement !== input) { input.value = pretty; input.removeAttribute('aria-invalid'); }
  for (const tick of document.querySelectorAll('#ticks .tick')) tick.classList.toggle('current', parseDay(tick.dataset.day) === day);
  $('prev').disabled = !data.changeDays.some((d) => d < day);
  $('next').disabled = !data.changeDays.some((d) => d > day);
  if (mapApi) mapApi.setDay(day);
  renderHitMap(day);
  if (areaState.data) showAreas(day).catch((err) => console.warn('areas:', err));
  if (!opts.first) updateImage(false);
  renderLegend(day);
  renderDescription(day, !opts.first);
  renderShare();
  if (state.region && !$('panel').hidden) renderPanelState();
  if (state.place && !$('panel').hidden) renderPlaceState();
  body.dataset.day = dayString(day);
  writeURL();
}

function renderLegend(day) {
  const s = summarise(day);
  const total = data.conflictIds.length;
  const embed = cfg.mode === 'embed';
  let items = [
    ['aze', t('AZE'), s.AZE.length],
    ['arm', t('ARM'), s.ARM.length],
    ['partial', t(embed ? 'legPartialShort' : 'legPartial'), striped(s).length],
    ['uncertain', t(embed ? 'legUncertainShort' : 'legUncertain'), s.uncertain.length],
    ['extent-uncertain', t(embed ? 'legExtentUncertainShort' : 'legExtentUncertain'), s.extentUncertain.length],
    ['unknown', t('legUnknown'), s.unknown.length],
    ...areaLegend(),
    ['context', t('legContext'), null],
    ['neighbour', t('legNeighbour'), null],
  ];
  // The embed keeps a one-line key: the classes in use on this day.
  if (embed) items = items.filter(([key, , n]) => key === 'aze' || key === 'arm' || key === 'approx-line' || key === 'peacekeeping' || n > 0).map(([k, l]) => [k, l, null]);
  const list = clear($('legend-items'));
  for (const [key, label, n] of items) {
    list.append(el('li', { class: `legend-item legend-${key}`, 'data-key': key, 'data-count': n === null ? null : String(n) },
      el('span', { class: `swatch sw-${key}`, 'aria-hidden': 'true' }),
      el('span', { class: 'legend-label', text: label }),
      n === null ? null : el('span', { class: 'legend-count', text: t('legCount', { n, total }) })));
  }
}

// striped: the partly held districts still drawn with stripes (those
// without approximate areas on the day).
function striped(s) {
  const b = areaState.shown;
  const drawn = b && b.key === areaState.data.keyOf(state.day) ? new Set(b.regions.map((id) => data.names.get(id))) : new Set();
  return [...s.partAZE, ...s.partARM].filter((name) => !drawn.has(name));
}

// areaLegend: the approximate line and the peacekeeping zone, when the
// map shows them for the current day.
function areaLegend() {
  const b = areaState.shown;
  if (!b || b.key !== areaState.data.keyOf(state.day)) return [];
  const items = [];
  const short = cfg.mode === 'embed' ? 'Short' : '';
  if (b.regions.length) items.push(['approx-line', t(`legApproxLine${short}`), null]);
  if (b.peace.features.length) items.push(['peacekeeping', t(`legPeacekeeping${short}`), null]);
  return items;
}

function renderDescription(day, speak = true) {
  const s = summarise(day);
  const total = data.conflictIds.length;
  const sep = t('listSep');
  const parts = [t('atEnd', { date: formatDay(day, cfg.lang) })];
  for (const c of ['AZE', 'ARM']) {
    let line = t('heldCount', { who: t(c), n: s[c].length, total });
    if (s[`part${c}`].length) line += ` (${t('inPart', { list: s[`part${c}`].join(sep) })})`;
    parts.push(line);
  }
  if (s.uncertain.length) parts.push(t('uncertainList', { list: s.uncertain.join(sep) }));
  if (s.extentUncertain.length) parts.push(t('extentUncertainList', { list: s.extentUncertain.join(sep) }));
  if (s.unknown.length) parts.push(t('unknownList', { list: s.unknown.join(sep) }));
  let last = null;
  for (const d of data.changeDays) if (d <= day) last = d;
  const changes = [];
  if (last !== null && last > cfg.first) {
    for (const id of data.conflictIds) {
      const before = periodAt(id, last - 1);
      const after = periodAt(id, last);
      if (stateLabel(before) !== stateLabel(after)) changes.push(`${data.names.get(id)}: ${stateLabel(before)} ${t('arrow')} ${stateLabel(after)}`);
    }
  }
  const sentence = (x) => x.charAt(0).toUpperCase() + x.slice(1);
  const stop = t('sentenceSep').trim();
  let text = parts.map(sentence).join(t('sentenceSep')) + stop;
  if (changes.length) text += ` ${t('latestChange', { date: formatDay(last, cfg.lang), list: changes.join('; ') })}${stop}`;
  else text += ` ${t('noChangeYet')}`;
  const b = areaState.shown;
  if (b && b.key === areaState.data.keyOf(day)) {
    const splits = areaState.describe(b, { t, names: data.names });
    if (splits.length) text += ` ${t('splitIntro')} ${splits.join(' ')}`;
  }
  $('description').textContent = text;
  if (speak) announce(day, s, changes.length ? (last === day ? changedNames(day) : []) : []);
}

function changedNames(day) {
  return data.conflictIds.filter((id) => stateLabel(periodAt(id, day - 1)) !== stateLabel(periodAt(id, day))).map((id) => data.names.get(id));
}

// announce speaks a short line (date, counts, what changed that day) once
// the date has rested for a second: playing through the changes or
// holding an arrow key gives one line per pause, not one per step. The
// full description stays one step away, under the map.
let announceTimer = 0;
let announced = '';
function announce(day, s, changed) {
  clearTimeout(announceTimer);
  const total = data.conflictIds.length;
  const sep = t('listSep');
  let line = `${formatDay(day, cfg.lang)}: ${t('AZE')} ${t('legCount', { n: s.AZE.length, total })}${sep}${t('ARM')} ${t('legCount', { n: s.ARM.length, total })}`;
  if (changed.length) line += `${t('sentenceSep')}${t('announceChange', { list: changed.join(sep) })}`;
  announceTimer = setTimeout(() => {
    if (line === announced) return;
    announced = line;
    $('announce').textContent = line;
    hook.announcements.push({ at: performance.now(), text: line });
  }, 1000);
}

// Resizing: the embed tells its host page how tall its content wants to
// be ({type: "mapsvc:resize", height}); the snippet carries the few lines
// of script (written by the server, as in its oEmbed answer) that set the
// iframe's height. Without them the iframe keeps its aspect-ratio sizing.
function renderShare() {
  const p = viewParams();
  const origin = location.origin;
  if (manifest) p.delete('lang');
  const full = $('full-link');
  if (full) full.href = pageURL('index', p);
  const snippet = $('snippet');
  if (!snippet) return;
  $('view-link').href = pageURL('index', p);
  for (const ext of ['svg', 'png']) {
    const a = $(`${ext}-link`);
    const href = snapshotURL(ext);
    a.hidden = !href;
    if (href) a.href = href;
  }
  const theme = $('theme') ? $('theme').value : 'light';
  const ep = new URLSearchParams(p);
  if (theme !== 'light') ep.set('theme', theme); else ep.delete('theme');
  const title = `${document.querySelector('#title .title-text').textContent} — ${formatDay(state.day, cfg.lang)}`;
  const src = new URL(pageURL('embed', ep), `${origin}${location.pathname}`).href;
  snippet.value = `<iframe src="${escapeAttr(src)}" title="${escapeAttr(title)}" data-mapsvc style="width:100%;aspect-ratio:4/3;min-height:420px;border:0" loading="lazy" allowfullscreen></iframe>${body.dataset.resizeScript ? `\n${body.dataset.resizeScript}` : ''}`;
  const image = $('image-snippet');
  const png = snapshotURL('png');
  if (image) {
    image.value = png
      ? `<a href="${escapeAttr(new URL(pageURL('index', p), `${origin}${location.pathname}`).href)}"><img src="${escapeAttr(new URL(png, origin).href)}" alt="${escapeAttr(title)}" width="1000" height="760" style="max-width:100%;height:auto" loading="lazy"></a>`
      : '';
  }
}

// setupResize posts the content height to the host page whenever it
// changes: the map box wants about 62% of the width.
let lastHeight = 0;
function postHeight() {
  if (cfg.mode !== 'embed' || window.parent === window) return;
  const layout = document.querySelector('.embed-layout');
  const wrap = $('map-wrap');
  if (!layout || !wrap) return;
  const width = document.documentElement.clientWidth;
  const mapH = Math.round(Math.min(640, Math.max(220, width * 0.62)));
  const chrome = layout.scrollHeight - wrap.getBoundingClientRect().height;
  const height = Math.ceil(chrome + mapH);
  if (Math.abs(height - lastHeight) < 2) return;
  lastHeight = height;
  window.parent.postMessage({ type: 'mapsvc:resize', height }, '*');
}

function setupResize() {
  let w = 0;
  new ResizeObserver(() => {
    const now = document.documentElement.clientWidth;
    if (now !== w) { w = now; lastHeight = 0; }
    postHeight();
  }).observe(document.documentElement);
}

async function copySnippet(id, statusId) {
  const snippet = $(id);
  const status = $(statusId);
  try {
    await navigator.clipboard.writeText(snippet.value);
    status.textContent = t('copied');
  } catch {
    snippet.select();
    status.textContent = t('copyFailed');
  }
}

// ---- district panel ---------------------------------------------------------

const regionCache = new Map();
let panelToken = 0;

let panelOpener = null;

async function openRegion(id, { focus, opener }) {
  if (!data.regionProps.has(id) || data.regionProps.get(id).role !== 'conflict') return;
  state.region = id;
  state.place = null;
  // Closing the panel returns focus to what opened it.
  panelOpener = opener || (focus ? document.activeElement : null);
  if (mapApi) mapApi.setSelected(id);
  for (const [rid, hit] of hitMap.paths) hit.classList.toggle('selected', rid === id);
  const district = $('district');
  if (district) district.value = id;
  writeURL();
  renderShare();
  const panel = $('panel');
  const bodyNode = clear($('panel-body'));
  bodyNode.append(el('h2', { id: 'panel-title', tabindex: '-1', text: data.names.get(id) }), el('p', { class: 'muted', text: t('loading') }));
  panel.hidden = false;
  const token = ++panelToken;
  try {
    if (!regionCache.has(id)) regionCache.set(id, getJSON(dataURL(`region-${id}-${cfg.lang}`, `/api/v1/regions/${encodeURIComponent(id)}?lang=${cfg.lang}`)));
    const feature = await regionCache.get(id);
    if (token !== panelToken) return;
    renderPanel(feature.properties);
  } catch (err) {
    regionCache.delete(id);
    if (token !== panelToken) return;
    bodyNode.append(el('p', { class: 'error', text: t('loadFailed', { msg: err.message }) }));
  }
  if (focus) $('panel-title').focus();
}

function closePanel({ restoreFocus } = {}) {
  panelToken++;
  state.region = null;
  state.place = null;
  const hadFocus = $('panel').contains(document.activeElement);
  $('panel').hidden = true;
  // A district of the SVG that opened the panel may have gone with the
  // SVG since: the map stands in for it.
  let back = panelOpener;
  if (back && hitMap.svg && hitMap.svg.contains(back) && !back.getClientRects().length && mapApi) back = mapApi.map.getCanvas();
  if (restoreFocus && back && back.isConnected && (hadFocus || document.activeElement === body)) back.focus();
  panelOpener = null;
  if (mapApi) mapApi.setSelected(null);
  for (const hit of hitMap.paths.values()) hit.classList.remove('selected');
  const district = $('district');
  if (district) district.value = '';
  writeURL();
  renderShare();
}

// ---- place panel: a place's history and sources, in the district's panel.

const placeCache = new Map();
let placeFeature = null;

async function openPlace(id, { focus, opener }) {
  state.region = null;
  state.place = id;
  panelOpener = opener || (focus ? document.activeElement : null);
  if (mapApi) mapApi.setSelected(null);
  for (const hit of hitMap.paths.values()) hit.classList.remove('selected');
  const panel = $('panel');
  const bodyNode = clear($('panel-body'));
  bodyNode.append(el('h2', { id: 'panel-title', tabindex: '-1', text: id }), el('p', { class: 'muted', text: t('loading') }));
  panel.hidden = false;
  const token = ++panelToken;
  try {
    if (!placeCache.has(id)) placeCache.set(id, getJSON(`/api/v1/places/${encodeURIComponent(id)}?lang=${cfg.lang}`));
    const feature = await placeCache.get(id);
    if (token !== panelToken) return;
    renderPlacePanel(feature);
  } catch (err) {
    placeCache.delete(id);
    if (token !== panelToken) return;
    bodyNode.append(el('p', { class: 'error', text: t('loadFailed', { msg: err.message }) }));
  }
  if (focus) $('panel-title').focus();
}

const isoDay = (s) => (s ? parseDay(s) : null);

function placePeriodLabel(p) {
  const who = p.controller ? t('heldBy', { who: t(p.controller) }) : t('noData');
  return p.basis === 'district' ? `${who} (${t('placeByDistrict')})` : who;
}

function renderPlacePanel(feature) {
  placeFeature = feature;
  const props = feature.properties;
  const node = clear($('panel-body'));
  node.append(el('h2', { id: 'panel-title', tabindex: '-1', text: props.name }),
    el('p', { class: 'muted place-meta', text: `${t('placeIn', { district: data.names.get(props.region) || props.region })}` }));
  const names = el('dl', { class: 'names' });
  for (const lang of ['en', 'ar', 'az', 'ru', 'hy']) {
    if (!props.names || !props.names[lang]) continue;
    names.append(el('dt', { text: lang }), el('dd', { lang, dir: 'auto', text: props.names[lang] }));
  }
  node.append(el('section', { class: 'panel-names' }, el('h3', { text: t('otherNames') }), names,
    props.aliases && props.aliases.length ? el('p', { class: 'aliases' }, `${t('aliases')}: `,
      props.aliases.flatMap((a, i) => [i ? ' · ' : null, el('bdi', { text: a })])) : null));
  node.append(el('section', { id: 'place-state', class: 'panel-state' }));
  renderPlaceState();
  const history = el('ol', { class: 'history' });
  for (const p of feature.history || []) {
    const start = formatDay(isoDay(p.start), cfg.lang);
    const dates = `${start} – ${p.end ? formatDay(isoDay(p.end) - 1, cfg.lang) : t('open')}`;
    history.append(el('li', { class: `period status-${p.status}` },
      el('span', { class: `swatch sw-${p.controller ? p.controller.toLowerCase() : 'unknown'}`, 'aria-hidden': 'true' }),
      el('span', { class: 'period-dates', text: dates }),
      el('span', { class: 'period-state', text: placePeriodLabel(p) })));
  }
  node.append(el('section', {}, el('h3', { text: t('history') }), history));
  const events = el('ol', { class: 'events' });
  for (const ev of (feature.events || []).slice().reverse()) {
    const [first, last] = String(ev.date_first || ev.date || '').split('/');
    events.append(renderEvent({ ...ev, date_first: first, date_last: ev.date_last || last || first, date_precision: ev.date_precision || (last ? 'range' : 'day') }));
  }
  node.append(el('section', { class: 'panel-events' }, el('h3', { text: t('events') }), events));
}

function renderPlaceState() {
  const node = $('place-state');
  if (!node || !placeFeature || placeFeature.properties.id !== state.place) return;
  clear(node);
  const p = (placeFeature.history || []).find((h) => isoDay(h.start) <= state.day && (!h.end || state.day < isoDay(h.end)));
  node.append(el('p', { class: 'state-line' }, el('strong', { text: t('onDate', { date: formatDay(state.day, cfg.lang) }) }), ': ', p ? placePeriodLabel(p) : t('noData')));
}

function renderPanel(props) {
  const node = clear($('panel-body'));
  node.append(el('h2', { id: 'panel-title', tabindex: '-1', text: props.name }));
  const names = el('dl', { class: 'names' });
  for (const lang of ['en', 'ar', 'az', 'ru', 'hy']) {
    if (!props.names || !props.names[lang]) continue;
    names.append(el('dt', { text: lang }), el('dd', { lang, dir: 'auto', text: props.names[lang] }));
  }
  node.append(el('section', { class: 'panel-names' }, el('h3', { text: t('otherNames') }), names,
    props.aliases && props.aliases.length ? el('p', { class: 'aliases' }, `${t('aliases')}: `,
      props.aliases.flatMap((a, i) => [i ? ' · ' : null, el('bdi', { text: a })])) : null));
  node.append(el('section', { id: 'panel-state', class: 'panel-state' }));
  renderPanelState();

  const history = el('ol', { class: 'history' });
  for (const p of (props.history && props.history.periods) || []) {
    const start = formatDay(p.start_day, cfg.lang);
    let dates = `${start} – ${p.end_day === null ? t('open') : formatDay(p.end_day - 1, cfg.lang)}`;
    if (p.end_day === p.start_day + 1) dates = start;
    history.append(el('li', { class: `period status-${p.status}` },
      el('span', { class: `swatch sw-${swatchKey(p)}`, 'aria-hidden': 'true' }),
      el('span', { class: 'period-dates', text: dates }),
      el('span', { class: 'period-state', text: stateLabel(p) })));
  }
  node.append(el('section', {}, el('h3', { text: t('history') }), history));

  const events = el('ol', { class: 'events' });
  for (const ev of ((props.history && props.history.events) || []).slice().reverse()) events.append(renderEvent(ev));
  node.append(el('section', { class: 'panel-events' }, el('h3', { text: t('events') }), events));
}

function swatchKey(p) {
  if (p.status === 'uncertain') return 'uncertain';
  if (p.status === 'unknown' || !p.controller) return 'unknown';
  if (p.extent === 'partial') return p.controller === 'AZE' ? 'partial' : 'partial-arm';
  return p.controller.toLowerCase();
}

function renderPanelState() {
  const node = $('panel-state');
  if (!node || !state.region) return;
  clear(node);
  const p = periodAt(state.region, state.day);
  let text = stateLabel(p);
  if (p && p.status === 'firm') {
    text = p.extent === 'partial'
      ? t('partlyHeld', { who: t(p.controller), other: t(p.controller === 'AZE' ? 'ARM' : 'AZE') })
      : t('heldBy', { who: t(p.controller) });
    if (p.since) text += ` · ${t('since', { date: formatEventDate({ date_precision: p.since_precision, date_first: p.since.split('/')[0], date_last: p.since.split('/').pop() }, cfg.lang) })}`;
  }
  node.append(el('p', { class: 'state-line' }, el('strong', { text: t('onDate', { date: formatDay(state.day, cfg.lang) }) }), ': ', text));
}

function renderEvent(ev) {
  const li = el('li', { class: 'event', id: `event-${ev.id}` });
  li.append(el('h4', {},
    el('time', { datetime: ev.date_first, text: formatEventDate(ev, cfg.lang) }), ' · ', t.kind(ev.kind)));
  if (ev.from && ev.to) li.append(el('p', { class: 'transfer', text: `${t(ev.from)} ${t('arrow')} ${t(ev.to)}${ev.extent === 'partial' ? ` (${t('partly')})` : ''}` }));
  li.append(el('p', { class: 'summary', lang: 'en', dir: 'ltr' }, ev.summary));
  const meta = [t('confidence', { c: t(`conf_${ev.confidence}`) })];
  if (ev.scheduled) meta.push(t('scheduled', { date: formatISO(ev.scheduled, cfg.lang) }));
  li.append(el('p', { class: 'muted', text: meta.join(' · ') }));
  if (ev.extent_note) li.append(el('p', { class: 'muted', lang: 'en', dir: 'ltr', text: t('extentNote', { note: ev.extent_note }) }));
  const sources = el('ul', { class: 'sources', 'aria-label': t('sources') });
  for (const s of ev.sources || []) sources.append(renderSource(s));
  li.append(sources);
  return li;
}

function renderSource(s) {
  const li = el('li', { class: 'source' });
  const head = el('p', { class: 'source-head' });
  head.append(el('span', { class: 'outlet', dir: 'auto', text: s.outlet || s.ref }));
  if (s.published) head.append(' · ', t('published', { date: formatISO(s.published, cfg.lang) }));
  li.append(head);
  if (s.title) li.append(el('p', { class: 'source-title', dir: 'auto', lang: s.lang || null }, link(s.ref, s.title)));
  else li.append(el('p', {}, link(s.ref, s.ref)));
  if (s.quote) li.append(el('blockquote', { class: 'quote', dir: 'auto', lang: s.lang || null, text: s.quote }));
  if (s.ref && s.ref.startsWith('seeds/')) li.append(el('p', { class: 'muted', dir: 'auto', text: t('archived', { ref: s.ref }) }));
  if (s.via) li.append(el('p', { class: 'muted', dir: 'auto', text: t('via', { via: s.via }) }));
  return li;
}
