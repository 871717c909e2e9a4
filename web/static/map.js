// The MapLibre map: the districts' periods filtered by day on the GPU,
// with fill colour by holder and a generated pattern for partial and
// uncertain control. No glyph server is needed: district names are DOM
// markers, so the page works offline and shapes Arabic natively.

const FAR = 1e9; // end_day of an open period

// dayFilter keeps the periods that hold at the end of day.
export function dayFilter(day) {
  return ['all', ['<=', ['get', 'start_day'], day], ['>', ['coalesce', ['get', 'end_day'], FAR], day]];
}

// Held by Armenian forces (firm, whole): dots, so the holders differ by
// more than colour; partial and uncertain states have their own patterns.
const armHeld = ['all', ['==', ['get', 'controller'], 'ARM'], ['==', ['get', 'status'], 'firm'], ['!=', ['get', 'extent'], 'partial']];

const patterned = ['any', ['==', ['get', 'status'], 'uncertain'], ['==', ['get', 'extent'], 'partial']];

// stripesFilter: a partly held district keeps its stripes only while it
// has no approximate areas (areas.js draws those instead).
function stripesFilter(day, areaRegions) {
  if (!areaRegions.length) return ['all', dayFilter(day), patterned];
  return ['all', dayFilter(day), ['any', ['==', ['get', 'status'], 'uncertain'],
    ['all', ['==', ['get', 'extent'], 'partial'], ['!', ['in', ['get', 'region'], ['literal', areaRegions]]]]]];
}

// cssColours reads the page's colours. They are light-dark() pairs, so
// each is resolved through a probe element to the theme in force.
export function cssColours() {
  const probe = document.createElement('span');
  probe.style.display = 'none';
  document.body.append(probe);
  const v = (name) => {
    probe.style.color = `var(${name})`;
    const m = /rgba?\((\d+),\s*(\d+),\s*(\d+)/.exec(getComputedStyle(probe).color);
    return m ? `#${[m[1], m[2], m[3]].map((x) => Number(x).toString(16).padStart(2, '0')).join('')}` : '#000000';
  };
  try {
    return read(v);
  } finally {
    probe.remove();
  }
}

function read(v) {
  return {
    bg: v('--map-bg'), aze: v('--aze'), arm: v('--arm'), azeContext: v('--aze-context'), armContext: v('--arm-context'),
    uncertain: v('--uncertain'), hatch: v('--hatch'), unknown: v('--unknown'), neighbour: v('--neighbour'),
    neighbourEdge: v('--neighbour-edge'), edge: v('--edge'), contextEdge: v('--context-edge'), selected: v('--selected'),
    dots: v('--dots'),
  };
}

// loadCSS adds MapLibre's stylesheet (preloaded by the HTML) only now, so
// it never holds up the first paint of the page.
function loadCSS(href) {
  if (!href || document.querySelector(`link[rel="stylesheet"][href="${CSS.escape(href)}"]`)) return Promise.resolve();
  return new Promise((resolve) => {
    const l = document.createElement('link');
    l.rel = 'stylesheet';
    l.href = href;
    l.onload = resolve;
    l.onerror = resolve; // the map still works unstyled
    document.head.append(l);
  });
}

let protocolAdded = false;

// loadScript runs a classic script once and resolves to the global it
// defines (the pmtiles package ships its browser build as one).
function loadScript(src, global) {
  if (window[global]) return Promise.resolve(window[global]);
  return new Promise((resolve, reject) => {
    const s = document.createElement('script');
    s.src = src;
    s.onload = () => (window[global] ? resolve(window[global]) : reject(new Error(`${src} defined no ${global}`)));
    s.onerror = () => reject(new Error(`could not load ${src}`));
    document.head.append(s);
  });
}

function rgba(colour) {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(colour);
  return m ? [parseInt(m[1], 16), parseInt(m[2], 16), parseInt(m[3], 16)] : [0, 0, 0];
}

// dotsImage draws a tileable 16×16 (device pixels) pattern of one dot:
// the non-colour cue for districts held by Armenian forces.
export function dotsImage(colour) {
  const size = 16;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = rgba(colour);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const dx = x - 7.5; const dy = y - 7.5;
      if (dx * dx + dy * dy > 9) continue;
      const i = (y * size + x) * 4;
      data[i] = r; data[i + 1] = g; data[i + 2] = b; data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

// patternImage draws a tileable 24×24 (device pixels) pattern: diagonal
// stripes, or cross-hatching when cross is set; transparent elsewhere.
export function patternImage(colour, cross) {
  const size = 24;
  const data = new Uint8Array(size * size * 4);
  const [r, g, b] = rgba(colour);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const d1 = (x + y) % size;
      const d2 = (x - y + size) % size;
      const on = cross ? d1 % 12 < 2 || d2 % 12 < 2 : d1 < 6;
      if (!on) continue;
      const i = (y * size + x) * 4;
      data[i] = r; data[i + 1] = g; data[i + 2] = b; data[i + 3] = 255;
    }
  }
  return { width: size, height: size, data };
}

function bboxOf(features) {
  let minX = 180, minY = 90, maxX = -180, maxY = -90;
  const visit = (c) => {
    if (typeof c[0] === 'number') {
      minX = Math.min(minX, c[0]); maxX = Math.max(maxX, c[0]);
      minY = Math.min(minY, c[1]); maxY = Math.max(maxY, c[1]);
    } else c.forEach(visit);
  };
  features.forEach((f) => f.geometry && visit(f.geometry.coordinates));
  return [[minX, minY], [maxX, maxY]];
}

// createMap draws the map in container and resolves once it is loaded.
export async function createMap(opts) {
  const { container, maplibreURL, basemap, periods, regions, contextControllers, rtl, onSelect, labelFor } = opts;
  const [ml] = await Promise.all([import(maplibreURL), loadCSS(opts.maplibreCSS)]);
  performance.mark('mapsvc:maplibre');
  if (opts.pmtiles) {
    const lib = await loadScript(opts.pmtiles.library, 'pmtiles');
    if (!protocolAdded) {
      ml.addProtocol('pmtiles', new lib.Protocol().tile);
      protocolAdded = true;
    }
  }
  const colours = cssColours();
  const conflict = regions.features.filter((f) => f.properties.role === 'conflict');
  const bounds = bboxOf(conflict);
  const raster = basemap.url && /\{z\}/.test(basemap.url);
  const style = (basemap.url && !raster) ? basemap.url : {
    version: 8,
    sources: {},
    layers: [{ id: 'background', type: 'background', paint: { 'background-color': colours.bg } }],
  };
  const map = new ml.Map({
    container,
    style,
    bounds,
    fitBoundsOptions: { padding: 24 },
    attributionControl: false,
    dragRotate: false,
    pitchWithRotate: false,
    touchPitch: false,
    maxPitch: 0,
    renderWorldCopies: false,
    minZoom: 4,
    maxZoom: 12,
    cooperativeGestures: opts.embed ? true : false,
    locale: opts.locale && typeof opts.locale === 'object' ? opts.locale : undefined,
  });
  map.touchZoomRotate.disableRotation();
  await new Promise((resolve, reject) => {
    map.once('load', resolve);
    map.once('error', (e) => { if (!map.loaded()) reject(e.error || new Error('map error')); });
  });

  const withContext = {
    type: 'FeatureCollection',
    features: regions.features.map((f) => ({
      type: 'Feature', id: f.id, geometry: f.geometry,
      properties: { region: f.properties.region, role: f.properties.role, controller: contextControllers.get(f.properties.region) || null },
    })),
  };
  const dim = basemap.url ? 0.55 : 1;
  map.addImage('stripe-AZE', patternImage(colours.aze, false), { pixelRatio: 2 });
  map.addImage('stripe-ARM', patternImage(colours.arm, false), { pixelRatio: 2 });
  map.addImage('hatch', patternImage(colours.hatch, true), { pixelRatio: 2 });
  map.addImage('dots-ARM', dotsImage(colours.dots), { pixelRatio: 2 });
  if (raster) {
    map.addSource('basemap', { type: 'raster', tiles: [basemap.url], tileSize: 256, maxzoom: 19 });
    map.addLayer({ id: 'basemap', type: 'raster', source: 'basemap' });
  }
  // From a PMTiles archive (a static export on plain hosting), both layers
  // come from one vector source read by HTTP range requests; otherwise
  // from the GeoJSON the page has loaded.
  const vector = Boolean(opts.pmtiles);
  const src = (layer) => (vector ? { source: 'archive', 'source-layer': layer } : { source: layer });
  if (vector) {
    map.addSource('archive', { type: 'vector', url: `pmtiles://${opts.pmtiles.archive}` });
  } else {
    map.addSource('regions', { type: 'geojson', data: withContext });
    map.addSource('periods', { type: 'geojson', data: periods });
  }
  map.addLayer({ id: 'neighbour-fill', type: 'fill', ...src('regions'), filter: ['==', ['get', 'role'], 'neighbour'],
    paint: { 'fill-color': colours.neighbour, 'fill-opacity': basemap.url ? 0.25 : 1 } });
  map.addLayer({ id: 'context-fill', type: 'fill', ...src('regions'), filter: ['==', ['get', 'role'], 'context'],
    paint: { 'fill-color': contextColour(colours, vector), 'fill-opacity': basemap.url ? 0.4 : 1 } });
  map.addLayer({ id: 'context-line', type: 'line', ...src('regions'), filter: ['==', ['get', 'role'], 'context'],
    paint: { 'line-color': colours.contextEdge, 'line-width': 0.6 } });
  map.addLayer({ id: 'neighbour-line', type: 'line', ...src('regions'), filter: ['==', ['get', 'role'], 'neighbour'],
    paint: { 'line-color': colours.neighbourEdge, 'line-width': 1.2, 'line-dasharray': [3, 2] } });
  map.addLayer({ id: 'conflict-fill', type: 'fill', ...src('periods'), filter: dayFilter(opts.day),
    paint: { 'fill-color': fillColour(colours), 'fill-opacity': 0.92 * dim + (1 - dim) * 0.5 } });
  map.addLayer({ id: 'conflict-pattern', type: 'fill', ...src('periods'), filter: ['all', dayFilter(opts.day), patterned],
    paint: { 'fill-pattern': ['case', ['==', ['get', 'status'], 'uncertain'], 'hatch', ['==', ['get', 'controller'], 'AZE'], 'stripe-ARM', 'stripe-AZE'] } });
  map.addLayer({ id: 'conflict-dots', type: 'fill', ...src('periods'), filter: ['all', dayFilter(opts.day), armHeld],
    paint: { 'fill-pattern': 'dots-ARM' } });
  map.addLayer({ id: 'conflict-line', type: 'line', ...src('regions'), filter: ['==', ['get', 'role'], 'conflict'],
    paint: { 'line-color': colours.edge, 'line-width': 1 } });
  // A change of extent that is not dated: a dashed inner outline, apart
  // from the hatching of an uncertain holder.
  map.addLayer({ id: 'extent-uncertain-line', type: 'line', ...src('periods'),
    filter: ['all', dayFilter(opts.day), ['==', ['get', 'extent_status'], 'uncertain']],
    paint: { 'line-color': colours.hatch, 'line-width': 2.5, 'line-dasharray': [2, 1.5], 'line-offset': 2 } });
  map.addLayer({ id: 'selected-line', type: 'line', ...src('regions'), filter: ['==', ['get', 'region'], ''],
    paint: { 'line-color': colours.selected, 'line-width': 3.5 } });

  map.addControl(new ml.NavigationControl({ showCompass: false }), rtl ? 'bottom-left' : 'bottom-right');

  const markers = [];
  for (const f of conflict) {
    const label = f.properties.label;
    if (!Array.isArray(label)) continue;
    const node = document.createElement('div');
    node.className = 'map-label';
    node.textContent = labelFor(f.properties.region);
    node.setAttribute('aria-hidden', 'true');
    markers.push(new ml.Marker({ element: node, anchor: 'center' }).setLngLat(label).addTo(map));
  }

  map.on('click', 'conflict-fill', (e) => {
    const f = e.features && e.features[0];
    if (f) onSelect(f.properties.region);
  });
  map.on('mouseenter', 'conflict-fill', () => { map.getCanvas().style.cursor = 'pointer'; });
  map.on('mouseleave', 'conflict-fill', () => { map.getCanvas().style.cursor = ''; });

  let moved = false;
  map.on('dragstart', () => { moved = true; });
  map.on('zoomstart', (e) => { if (e.originalEvent) moved = true; });
  const refit = () => { if (!moved) map.fitBounds(bounds, { padding: 24, animate: false }); };
  new ResizeObserver(() => { map.resize(); refit(); }).observe(container);

  let areaRegions = [];
  let shownDay = opts.day;
  return {
    map,
    setDay(day) {
      shownDay = day;
      map.setFilter('conflict-fill', dayFilter(day));
      map.setFilter('conflict-pattern', stripesFilter(day, areaRegions));
      map.setFilter('conflict-dots', ['all', dayFilter(day), armHeld]);
      map.setFilter('extent-uncertain-line', ['all', dayFilter(day), ['==', ['get', 'extent_status'], 'uncertain']]);
    },
    // setAreaRegions names the districts drawn by areas.js on the day.
    setAreaRegions(ids) {
      areaRegions = ids || [];
      map.setFilter('conflict-pattern', stripesFilter(shownDay, areaRegions));
    },
    setSelected(id) {
      map.setFilter('selected-line', ['==', ['get', 'region'], id || '']);
    },
    applyTheme() {
      const c = cssColours();
      if (map.getLayer('background')) map.setPaintProperty('background', 'background-color', c.bg);
      map.setPaintProperty('neighbour-fill', 'fill-color', c.neighbour);
      map.setPaintProperty('neighbour-line', 'line-color', c.neighbourEdge);
      map.setPaintProperty('context-fill', 'fill-color', contextColour(c, vector));
      map.setPaintProperty('context-line', 'line-color', c.contextEdge);
      map.setPaintProperty('conflict-fill', 'fill-color', fillColour(c));
      map.setPaintProperty('conflict-line', 'line-color', c.edge);
      map.setPaintProperty('selected-line', 'line-color', c.selected);
      map.updateImage('hatch', patternImage(c.hatch, true));
      map.updateImage('stripe-AZE', patternImage(c.aze, false));
      map.updateImage('stripe-ARM', patternImage(c.arm, false));
      map.updateImage('dots-ARM', dotsImage(c.dots));
    },
    idle() {
      return new Promise((resolve) => {
        if (map.loaded() && !map.isMoving()) { map.once('idle', resolve); map.triggerRepaint(); } else map.once('idle', resolve);
      });
    },
    markers,
  };
}

function fillColour(c) {
  return ['case',
    ['==', ['get', 'status'], 'uncertain'], c.uncertain,
    ['==', ['get', 'status'], 'unknown'], c.unknown,
    ['match', ['coalesce', ['get', 'controller'], ''], 'AZE', c.aze, 'ARM', c.arm, c.unknown]];
}

// contextColour: the page shows the rest of Azerbaijan held by Azerbaijan
// throughout (app.js); the GeoJSON carries that as controller, the tiles
// do not.
function contextColour(c, vector) {
  if (vector) return c.azeContext;
  return ['match', ['coalesce', ['get', 'controller'], ''], 'AZE', c.azeContext, 'ARM', c.armContext, c.unknown];
}
