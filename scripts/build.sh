#!/usr/bin/env bash
# Builds what the package ships into pkg/: the two WebAssembly modules, their bindings, the element
# module (storycard.js, bundled by esbuild) and the TypeScript declarations (package.json lists them); then prints its size.
#
#   STORYCARD_DEBUG=1 npm run build   keeps panic messages (console_error_panic_hook) and names.
set -euo pipefail
cd "$(dirname "$0")/.."

out=pkg
# (build_module, and the toolchain and flags it uses)
source scripts/wasm-module.sh

if [ -n "${STORYCARD_DEBUG:-}" ]; then
  echo "build: debug modules (panic messages kept)"
elif [ -n "$nightly" ]; then
  echo "build: release modules ($(rustup run "$nightly" rustc --version), build-std, immediate abort)"
else
  echo "build: no nightly toolchain with rust-src; building with stable (larger modules)" >&2
fi

rm -rf "$out"
mkdir -p "$out"
# The module for widgets given their data; the one that also reads the page, loaded only by
# widgets without data.
build_module storycard_wasm
build_module storycard_page --features page
# The carousel's arithmetic alone (4.5 KB gzipped): a server-rendered card's "Read more", buttons,
# keys and pager work with it while the widget's module is still on its way.
build_module storycard_behaviour --features behaviour
# The module for JavaScript servers (renderToString of storycard/server): an ES module for Node.
bindgen_target=experimental-nodejs-module build_module storycard_server --features server
# The module for CDN workers (storycard/edge): the page rewritten as it streams through
# (lol-html), the card written into it; loaded by the worker, pkg/edge.js.
build_module storycard_edge --features edge
# The playground's renderer (www/playground.html shows the server-rendered HTML of what it read):
# the same server module, for the browser. Not in the package (package.json lists its files).
out=pkg/playground build_module storycard_render --features server
# The element module: www/storycard.js with element/, vocabulary.js and the core module's bindings
# (`storycard_wasm`, aliased to the file wasm-bindgen wrote) in one file, so that a page with one
# script tag fetches the element, then the WebAssembly: one round trip fewer than a chain through
# the bindings (on the benchmark's phone without resource hints, first paint 1,344 against 1,532
# ms: docs/benchmark.md). The page and behaviour modules' bindings stay their own files, imported
# from next to it when a widget needs them.
node_modules/.bin/esbuild www/storycard.js --bundle --format=esm --target=es2022 --log-level=warning \
  "--alias:storycard_wasm=./$out/storycard_wasm.js" \
  '--external:*storycard_page.js' '--external:*storycard_behaviour.js' \
  --outfile="$out/storycard.js"
cp www/storycard.d.ts www/storycard_server.d.ts www/edge.js www/edge.d.ts "$out/"
# (wasm-bindgen's package.json for the Node module: package.json's own "type" says the same)
rm -f "$out/package.json"
if [ -z "${STORYCARD_DEBUG:-}" ]; then
  for js in "$out/storycard.js" "$out/storycard_wasm.js" "$out/storycard_page.js" "$out/storycard_behaviour.js" "$out/storycard_edge.js"; do
    node_modules/.bin/terser "$js" --module --compress --mangle --output "$js"
  done
fi
node scripts/size.mjs "$out"
