#!/usr/bin/env bash
# Build time only: install the pinned npm packages (package-lock.json) and copy the files the map page and
# the API docs need into the Python package, so `pantau serve` needs no network. The copies are committed;
# run this again only to update them.
set -euo pipefail
cd "$(dirname "$0")"
npm ci --no-audit --no-fund --ignore-scripts
dst=../src/pantau/web/static/vendor
rm -rf "$dst"; mkdir -p "$dst/images"
cp node_modules/leaflet/dist/leaflet.js node_modules/leaflet/dist/leaflet.css "$dst/"
cp node_modules/leaflet/dist/images/*.png "$dst/images/"
cp node_modules/leaflet.markercluster/dist/leaflet.markercluster.js \
   node_modules/leaflet.markercluster/dist/MarkerCluster.css "$dst/"
cp node_modules/topojson-client/dist/topojson-client.min.js "$dst/"
cp node_modules/world-atlas/countries-50m.json "$dst/countries-50m.json"
cp node_modules/swagger-ui-dist/swagger-ui-bundle.js node_modules/swagger-ui-dist/swagger-ui.css "$dst/"
for p in leaflet leaflet.markercluster topojson-client world-atlas swagger-ui-dist; do
  for f in node_modules/$p/*LICEN[CS]E*; do cp "$f" "$dst/LICENSE.$p.txt"; break; done
done
echo "copied into $dst"
