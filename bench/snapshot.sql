-- pgbench script: the question mapsvc answers, asked of PostGIS. For a
-- random day D in 1991-01-01..2024-12-31: every region but neighbours,
-- its holder at the end of D (the control period containing D) and its
-- boundary, as one GeoJSON FeatureCollection.
\set d random(7670, 20088)
SELECT json_build_object(
  'type', 'FeatureCollection',
  'date', (date '1970-01-01' + :d)::text,
  'features', json_agg(json_build_object(
    'type', 'Feature',
    'id', r.id,
    'properties', jsonb_build_object('region', r.id, 'name', r.name, 'kind', r.kind, 'role', r.role)
      || coalesce(p.props, '{"controller":null,"controller_name":null,"status":"unknown","extent":null,"holders":[],"since":null,"since_precision":null,"since_event":null,"event_ids":[]}'::jsonb),
    'geometry', ST_AsGeoJSON(r.geom)::json) ORDER BY r.ord))
FROM regions r
LEFT JOIN periods p ON p.region = r.id AND p.start_day <= :d AND (p.end_day IS NULL OR p.end_day > :d)
WHERE r.role <> 'neighbour';
