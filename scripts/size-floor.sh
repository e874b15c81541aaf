#!/usr/bin/env bash
# How small the data path could be if the widget only read and deduped its data: a floor under
# the package's size, for weighing a size goal against what the crate does.
#
# In a scratch copy of the crate, the browser facade (the widget: its view and DOM, hydration,
# events, dates, labels and slices) is replaced by one export that takes the article data as a
# JavaScript object, reads it (`web::page`), dedupes it (`story_from_json`) and returns the
# stories as the ready event's JSON text (`detail::story`). That module and its bindings, built
# and minified as the package's are, and the element module from pkg/, are printed gzipped.
#
#   npm run build && bash scripts/size-floor.sh
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f pkg/storycard.js ] || { echo "size-floor: no pkg/storycard.js: run npm run build first" >&2; exit 1; }

scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
cp -r Cargo.toml Cargo.lock build.rs src www benches tests "$scratch/"

# The facade: `floor` instead of `api` and `render`.
mod=$scratch/src/web/mod.rs
grep -q '^mod api;$' "$mod" && grep -q '^pub use api::Widget;$' "$mod" && grep -q '^mod render;$' "$mod" || {
  echo "size-floor: src/web/mod.rs no longer declares api, render and Widget as this script expects" >&2
  exit 1
}
sed -i -e 's/^mod api;$/mod floor;/' -e '/^pub use api::Widget;$/d' -e '/^mod render;$/d' "$mod"
cat > "$scratch/src/web/floor.rs" <<'RUST'
//! The data path's floor: read and dedupe, nothing rendered.
use wasm_bindgen::prelude::*;

/// The stories `data` holds, once each, as the ready event's JSON text; empty when unreadable.
#[wasm_bindgen]
pub fn stories(data: JsValue) -> String {
    super::page::from_js(&data)
        .and_then(|json| {
            crate::story_from_json(&json, &crate::dedupe::Rules::default(), crate::DEFAULT_MAX)
        })
        .map(|story| crate::detail::story(&story))
        .unwrap_or_default()
}
RUST

out=$scratch/out
mkdir -p "$out"
size_target=$PWD/target/size-floor
# (build_module, and the toolchain and flags it uses)
source scripts/wasm-module.sh
# (the build's output is shown only when it fails: the facade's unused helpers warn)
(cd "$scratch" && build_module floor >"$scratch/build.log" 2>&1) || {
  cat "$scratch/build.log" >&2
  exit 1
}
node_modules/.bin/terser "$out/floor.js" --module --compress --mangle --output "$out/floor.js"
node scripts/minify-imports.mjs "$out/floor_bg.wasm" "$out/floor.js" >/dev/null
cp pkg/storycard.js "$out/"

node - "$out" <<'JS'
const { readFileSync } = require('node:fs');
const { gzipSync } = require('node:zlib');
const dir = process.argv[2];
let total = 0;
console.log('the data path if it only read and deduped:   bytes     gzip');
for (const [name, what] of [['storycard.js', 'element module (pkg/)'], ['floor.js', 'bindings'], ['floor_bg.wasm', 'WebAssembly: read + dedupe']]) {
  const bytes = readFileSync(`${dir}/${name}`);
  const gzip = gzipSync(bytes, { level: 9 }).length;
  total += gzip;
  console.log(`  ${what.padEnd(40)}${String(bytes.length).padStart(9)}${String(gzip).padStart(9)}`);
}
console.log(`  ${'total'.padEnd(40)}${' '.repeat(9)}${String(total).padStart(9)}`);
JS
