#!/usr/bin/env bash
# The test command: installs what the tests need, then runs the gates and
# every test. Used by `make test` and by CI (.ci/run).
set -euo pipefail
cd "$(dirname "$0")/.."

# System packages the tests drive as real clients: Chromium (map page) and
# GDAL (OGC API, downloads, tiles).
need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v pdftoppm >/dev/null 2>&1 || need+=(poppler-utils) # the print test rasterises a PDF
# DejaVu gives Chromium its Arabic and Armenian glyphs.
[ -e /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf ] || need+=(fonts-dejavu-core)
command -v ogrinfo >/dev/null 2>&1 || need+=(gdal-bin)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing ${need[*]}"
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
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
go test -race -count=1 ./...

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
