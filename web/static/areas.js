// Approximate control areas inside split districts, the approximate line
// between the holders, the peacekeeping overlay and the located places.
// The server derives them per change epoch; this module fetches one
// bundle per epoch (so scrubbing the slider through an epoch costs no
// request) and draws it over the districts.

import { patternImage, dotsImage } from './map.js';

// epochOf is the number of change days on or before day (the rule of
// /api/v1/epochs): days with the same number share one set of areas.
export function epochOf(changeDays, day) {
  let lo = 0; let hi = changeDays.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (changeDays[mid] <= day) lo = mid + 1; else hi = mid;
  }
  return lo;
}

// The peacekeeping mission's own dates are not change days of control
// (it is a presence): deployed 10 Nov 2020, gone from 12 Jun 2024 (the
// ledger's peacekeepers-2020-11-10-deployment and withdrawal events).
const MISSION = [Date.UTC(2020, 10, 10) / 864e5, Date.UTC(2024, 5, 12) / 864e5];

// createAreaData loads bundles through getJSON, cached by epoch key.
export function createAreaData({ getJSON, lang, changeDays, dayString }) {
  const cache = new Map();
  const keyOf = (day) => `${epochOf(changeDays, day)}|${day < MISSION[0] ? 0 : day < MISSION[1] ? 1 : 2}`;
  return {
    keyOf,
    requests: 0,
    load(day) {
      const key = keyOf(day);
      if (!cache.has(key)) {
        const d = dayString(day);
        const q = `date=${d}&lang=${encodeURIComponent(lang)}`;
        this.requests++;
        const p = Promise.all([
          getJSON(`/api/v1/areas?${q}`), getJSON(`/api/v1/lines?date=${d}`),
          getJSON(`/api/v1/peacekeeping?date=${d}`), getJSON(`/api/v1/places?${q}`),
        ]).then(([areas, lines, peace, places]) => bundle(key, areas, lines, peace, places));
        p.catch(() => cache.delete(key));
        cache.set(key, p);
      }
      return cache.get(key);
    },
  };
}

function bundle(key, areas, lines, peace, places) {
  // Only districts split on place evidence from both sides get areas; the
  // rest keep the stripes, which say the location is not mapped.
  const drawn = areas.features.filter((f) => f.properties.evidence === 'both');
  const regions = [...new Set(drawn.map((f) => f.properties.region))];
  const placeById = new Map(places.features.map((f) => [f.properties.id, f]));
  return {
    key, regions, placeById,
    areas: { type: 'FeatureCollection', features: drawn },
    lines: { type: 'FeatureCollection', features: lines.features.filter((f) => regions.includes(f.properties.region)) },
    peace, places,
  };
}

const empty = { type: 'FeatureCollection', features: [] };

// readColour resolves one CSS colour variable (a light-dark() pair) to hex.
function readColour(name) {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  probe.style.color = `var(${name})`;
  document.body.append(probe);
  const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
  probe.remove();
  return m ? `#${[m[1], m[2], m[3]].map((x) => Number(x).toString(16).padStart(2, '0')).join('')}` : '#000000';
}

export const PLACE_ZOOM = 9;

// addAreaLayers adds the layers under the district outlines. onPlace(id,
// node) opens a place; labels are DOM buttons (no glyph server), shown
// from PLACE_ZOOM on, so a keyboard reaches them too.
export function addAreaLayers(map, ml, colours, { onPlace, rtl, placeLabel }) {
  const before = 'conflict-line';
  const peaceColour = readColour('--peacekeeping');
  map.addImage('peace-hatch', patternImage(peaceColour, false), { pixelRatio: 4 });
  map.addSource('areas', { type: 'geojson', data: empty });
  map.addSource('area-lines', { type: 'geojson', data: empty });
  map.addSource('peacekeeping', { type: 'geojson', data: empty });
  map.addLayer({ id: 'areas-fill', type: 'fill', source: 'areas',
    paint: { 'fill-color': ['match', ['get', 'controller'], 'AZE', colours.aze, 'ARM', colours.arm, colours.unknown], 'fill-opacity': 0.92 } }, before);
  map.addLayer({ id: 'areas-dots', type: 'fill', source: 'areas', filter: ['==', ['get', 'controller'], 'ARM'],
    paint: { 'fill-pattern': 'dots-ARM' } }, before);
  map.addLayer({ id: 'peacekeeping-fill', type: 'fill', source: 'peacekeeping', paint: { 'fill-pattern': 'peace-hatch', 'fill-opacity': 0.55 } }, before);
  map.addLayer({ id: 'peacekeeping-line', type: 'line', source: 'peacekeeping',
    paint: { 'line-color': peaceColour, 'line-width': 2, 'line-dasharray': [1, 1.2] } }, before);
  map.addLayer({ id: 'area-line', type: 'line', source: 'area-lines',
    paint: { 'line-color': colours.edge, 'line-width': 2.2, 'line-dasharray': [3, 2] } }, before);

  let current = null;
  let markers = [];
  const clearMarkers = () => { for (const m of markers) m.remove(); markers = []; };
  const drawMarkers = () => {
    clearMarkers();
    if (!current || map.getZoom() < PLACE_ZOOM) return;
    for (const f of current.places.features) {
      if (!f.geometry) continue; // a place without coordinates
      const p = f.properties;
      const node = document.createElement('button');
      node.type = 'button';
      node.className = `place-marker ctl-${p.controller || 'none'}`;
      node.dataset.place = p.id;
      node.setAttribute('aria-label', placeLabel(p));
      node.append(Object.assign(document.createElement('span'), { className: 'place-dot' }),
        Object.assign(document.createElement('span'), { className: 'place-name', textContent: p.name }));
      node.addEventListener('click', (e) => { e.stopPropagation(); onPlace(p.id, node); });
      markers.push(new ml.Marker({ element: node, anchor: rtl ? 'right' : 'left', offset: [rtl ? 5 : -5, 0] }).setLngLat(f.geometry.coordinates).addTo(map));
    }
  };
  let shown = false;
  map.on('zoomend', () => {
    const want = map.getZoom() >= PLACE_ZOOM;
    if (want !== shown) { shown = want; drawMarkers(); }
  });

  return {
    get current() { return current; },
    get markers() { return markers; },
    show(b) {
      current = b;
      map.getSource('areas').setData(b ? b.areas : empty);
      map.getSource('area-lines').setData(b ? b.lines : empty);
      map.getSource('peacekeeping').setData(b ? b.peace : empty);
      shown = map.getZoom() >= PLACE_ZOOM;
      drawMarkers();
    },
    applyTheme(c) {
      map.setPaintProperty('areas-fill', 'fill-color', ['match', ['get', 'controller'], 'AZE', c.aze, 'ARM', c.arm, c.unknown]);
      map.setPaintProperty('area-line', 'line-color', c.edge);
      const pc = readColour('--peacekeeping');
      map.setPaintProperty('peacekeeping-line', 'line-color', pc);
      map.updateImage('peace-hatch', patternImage(pc, false));
    },
  };
}

// centroid: the area-weighted centroid of a Polygon or MultiPolygon in
// degrees (planar; enough to tell west from east inside a district).
function centroid(geom) {
  const polys = geom.type === 'Polygon' ? [geom.coordinates] : geom.type === 'MultiPolygon' ? geom.coordinates : [];
  let a = 0; let x = 0; let y = 0;
  for (const rings of polys) {
    rings.forEach((ring, i) => {
      const sign = i === 0 ? 1 : -1;
      for (let k = 0; k + 1 < ring.length; k++) {
        const [x0, y0] = ring[k]; const [x1, y1] = ring[k + 1];
        const c = x0 * y1 - x1 * y0;
        a += sign * c; x += sign * (x0 + x1) * c; y += sign * (y0 + y1) * c;
      }
    });
  }
  return a ? { x: x / (3 * a), y: y / (3 * a), area: Math.abs(a / 2) } : null;
}

// directionOf names where a piece lies from the district's centre (which,
// the pieces tiling the district, is their area-weighted mean).
function directionOf(piece, centre) {
  const dx = (piece.x - centre.x) * Math.cos((centre.y * Math.PI) / 180);
  const dy = piece.y - centre.y;
  // Eight directions: a diagonal when the smaller component is more than
  // tan(22.5°) of the larger.
  const ns = dy >= 0 ? 'north' : 'south';
  const ew = dx >= 0 ? 'east' : 'west';
  const [big, small] = Math.abs(dx) >= Math.abs(dy) ? [Math.abs(dx), Math.abs(dy)] : [Math.abs(dy), Math.abs(dx)];
  if (small > 0.4142 * big) return `${ns}${ew}`;
  return Math.abs(dx) >= Math.abs(dy) ? ew : ns;
}

// namedPlace picks the piece's place to name: the district's own town,
// else another town, else a place with its own dated event.
function namedPlace(props, placeById) {
  const located = (props.place_ids || []).map((id) => placeById.get(id)).filter(Boolean).map((f) => f.properties);
  return located.find((p) => p.kind === 'town' && p.id === props.region)
    || located.find((p) => p.kind === 'town')
    || located.find((p) => p.basis === 'place_event')
    || null;
}

// describeSplits returns one sentence per split district drawn, e.g.
// "Agdam: Armenian forces held the west, including Agdam; Azerbaijan held
// the east, including Quzanli."
export function describeSplits(b, { t, names }) {
  if (!b) return [];
  const out = [];
  for (const region of b.regions) {
    const pieces = b.areas.features.filter((f) => f.properties.region === region)
      .map((f) => ({ f, c: centroid(f.geometry) })).filter((p) => p.c);
    if (pieces.length < 2) continue;
    const total = pieces.reduce((s, p) => s + p.c.area, 0);
    const centre = {
      x: pieces.reduce((s, p) => s + p.c.x * p.c.area, 0) / total,
      y: pieces.reduce((s, p) => s + p.c.y * p.c.area, 0) / total,
    };
    pieces.sort((p, q) => q.c.area - p.c.area);
    const parts = pieces.map(({ f, c }) => {
      // The server names the side of the line each piece lies on and the
      // towns it holds (/api/v1/areas: direction, town_names); the
      // centroid is the fallback for an answer without them.
      const p = f.properties;
      const dir = p.direction ? p.direction.replace('-', '') : directionOf(c, centre);
      const vars = { who: t(p.controller), dir: t(`dir_${dir}`) };
      let place = p.town_names && p.town_names.length ? p.town_names.join(t('listSep')) : null;
      if (!place) { const named = namedPlace(p, b.placeById); place = named && named.name; }
      return place ? t('splitPartPlace', { ...vars, place }) : t('splitPart', vars);
    });
    out.push(t('splitRegion', { region: names.get(region) || region, parts: parts.join(t('splitSep')) }));
  }
  return out;
}
