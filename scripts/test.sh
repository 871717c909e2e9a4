#!/usr/bin/env bash
# The test command: installs what the tests need, then runs the gates and
# every test. Used by `make test` and by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the tests drive as real clients or need to build, all
# listed in the README: Chromium (map page, Leaflet and MapLibre pages),
# DejaVu fonts (its Arabic and Armenian glyphs), GDAL (OGC API, downloads,
# tiles), QGIS and OWSLib through Debian's python3 (ogc/clients_test.go),
# xmllint for the KML 2.2 schema check, libgeos-dev for the GEOS geometry
# checks in the tests (cgo, github.com/twpayne/go-geos; the server itself
# does not link it), poppler-utils (the print test rasterises a PDF), wrk
# (load script).
./scripts/need.sh chromium fonts-dejavu-core gdal-bin python3-gdal python3-qgis qgis-providers \
  python3-owslib libxml2-utils libgeos-dev poppler-utils wrk

# The tests read ../shared (seed articles, reference notes). With CI=true
# (set by .ci/run) a missing ../shared is an error, not a reason to skip.
if [ "${CI:-}" = true ] && [ ! -d ../shared/seeds ]; then
  echo "CI=true but ../shared/seeds is not beside the repository"; exit 1
fi

if [ -f package-lock.json ]; then
  echo "== npm ci"
  npm ci --no-audit --no-fund --loglevel=error
fi

echo "== gofmt"
unformatted=$(gofmt -l $(git ls-files '*.go'))
if [ -n "$unformatted" ]; then
  echo "gofmt would change:"; echo "$unformatted"; exit 1
fi

echo "== go vet"
go vet ./...

echo "== go test -race"
# The default 10-minute limit per package is too tight for cmd/mapsvc's
# end-to-end tests on a slow or shared machine (it ran out at load 19);
# a hung test still ends, later.
go test -race -count=1 -timeout 30m ./...

# Every fuzz target, seeded from its corpus in testdata/fuzz. CI runs a
# fixed number of executions (FUZZRUNS, default 3000x) rather than a time
# budget: the Go 1.26 fuzz coordinator can report "context deadline
# exceeded" when a timed run ends under load, a failure that is not a bug.
# A run that fails without writing a failing input is retried once for the
# same reason; a run that writes one fails at once.
echo "== fuzz (${FUZZRUNS:-3000x} each)"
./scripts/fuzz.sh "${FUZZRUNS:-3000x}"

# Readers and a writer together, short mode (bench/load.sh 120 for long):
# fails on any 5xx.
echo "== load (short)"
./bench/load.sh 5 8

if [ -d webtest ]; then
  echo "== browser tests"
  node --test webtest/
fi
