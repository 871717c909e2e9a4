# syntax=docker/dockerfile:1
# mapsvc in a container: the binary (data embedded), the map page's npm
# assets, a non-root user and a volume for the database.
#   docker build -t mapsvc --build-arg VERSION=$(git describe --always) .
#   docker run -p 8080:8080 -v mapsvc-data:/data mapsvc

# 1. Front-end packages (MapLibre GL JS), production dependencies only.
FROM node:22-bookworm-slim AS assets
WORKDIR /src
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --ignore-scripts --no-audit --no-fund
# Brotli copies of MapLibre's files, served to browsers that accept them.
COPY scripts/precompress.mjs scripts/
RUN node scripts/precompress.mjs node_modules

# 2. The static binary.
FROM golang:1.26-bookworm AS build
WORKDIR /src
COPY go.mod go.sum ./
RUN go mod download
COPY . .
ARG VERSION=container
RUN CGO_ENABLED=0 go build -trimpath -ldflags "-s -w -X main.version=${VERSION}" -o /out/mapsvc ./cmd/mapsvc

# 3. The runtime: a small Debian with curl for the health check.
FROM debian:bookworm-slim
# hadolint ignore=DL3008
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl \
 && rm -rf /var/lib/apt/lists/* \
 && groupadd --system --gid 10001 mapsvc \
 && useradd --system --uid 10001 --gid mapsvc --home-dir /data --shell /usr/sbin/nologin mapsvc \
 && mkdir -p /data && chown mapsvc:mapsvc /data
COPY --from=build /out/mapsvc /usr/local/bin/mapsvc
COPY --from=assets /src/node_modules /opt/mapsvc/node_modules
ENV MAPSVC_ADDR=0.0.0.0:8080 \
    MAPSVC_DB=/data/mapsvc.db \
    MAPSVC_ASSETS=/opt/mapsvc/node_modules \
    MAPSVC_LOG_FORMAT=json
VOLUME ["/data"]
WORKDIR /data
USER mapsvc:mapsvc
EXPOSE 8080
HEALTHCHECK --interval=30s --timeout=3s --start-period=10s --retries=3 \
  CMD ["curl", "-fsS", "-o", "/dev/null", "http://127.0.0.1:8080/healthz"]
# --init: create and seed /data/mapsvc.db on first start (only if missing).
ENTRYPOINT ["/usr/local/bin/mapsvc"]
CMD ["serve", "--init"]
