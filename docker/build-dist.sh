#!/bin/sh
# Compiles src/ to JavaScript the way the image runs it: `npm run build` here, in the Dockerfile's
# build stage and in the production-build test, so the three cannot drift apart.
# Usage: sh docker/build-dist.sh [OUT_DIR]   (default dist)
set -eu
out="${1:-dist}"
rm -rf "$out"
tsc -p tsconfig.build.json --outDir "$out"
# Page stylesheets and scripts are served from beside the compiled code of their feature.
for dir in src/*/assets; do
  mkdir -p "$out/$dir"
  cp -R "$dir/." "$out/$dir/"
done
