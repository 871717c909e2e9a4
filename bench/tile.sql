-- pgbench script: the periods vector tile mapsvc serves at
-- /tiles/periods/{z}/{x}/{y}.mvt, made by PostGIS with ST_AsMVT: every
-- control period of every conflict region reaching the tile (with its
-- start_day and end_day, so the tile serves every date), the outline
-- clipped to the tile with a 64-unit buffer. The tile is drawn at random
-- from tilelist (loaded by bench/run.sh: zooms 5..12 over the conflict
-- area, the same list wrk asks mapsvc for).
\set i random(1, :ntiles)
SELECT ST_AsMVT(q, 'periods', 4096, 'geom') FROM (
  SELECT p.region, p.start_day, coalesce(p.end_day, 2147483647) AS end_day, p.props,
         ST_AsMVTGeom(r.geom3857, ST_TileEnvelope(t.z, t.x, t.y), 4096, 64, true) AS geom
  FROM tilelist t
  JOIN regions r ON r.geom3857 && ST_TileEnvelope(t.z, t.x, t.y, margin => 64.0 / 4096)
  JOIN periods p ON p.region = r.id
  WHERE t.i = :i
) q;
