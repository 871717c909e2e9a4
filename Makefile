# Two commands: `make run` starts the service with its map page,
# `make test` installs what the tests need and runs them all.
.PHONY: run test build

run:
	@[ -e /usr/include/geos_c.h ] || (apt-get update -qq && apt-get install -y -qq --no-install-recommends libgeos-dev)
	@if [ -f package-lock.json ] && [ ! -d node_modules ]; then npm ci --no-audit --no-fund --loglevel=error; fi
	go run ./cmd/mapsvc

test:
	./scripts/test.sh

build:
	@[ -e /usr/include/geos_c.h ] || (apt-get update -qq && apt-get install -y -qq --no-install-recommends libgeos-dev)
	go build -o mapsvc ./cmd/mapsvc
