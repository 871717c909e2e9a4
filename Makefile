# Two commands: `make run` starts the service with its map page,
# `make test` installs what the tests need and runs them all.
.PHONY: run test build

run:
	@if [ -f package-lock.json ] && [ ! -d node_modules ]; then npm ci --no-audit --no-fund --loglevel=error; fi
	go run ./cmd/mapsvc

test:
	./scripts/test.sh

# build makes the binary the Dockerfile makes: static and stripped.
build:
	CGO_ENABLED=0 go build -trimpath -ldflags "-s -w" -o mapsvc ./cmd/mapsvc
