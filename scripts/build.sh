#!/usr/bin/env bash
# Builds what the package ships into pkg/: the two WebAssembly modules, their bindings, the element
# module (storycard.js) and the TypeScript declarations (package.json lists them); then prints its size.
#
#   STORYCARD_DEBUG=1 npm run build   keeps panic messages (console_error_panic_hook) and names.
set -euo pipefail
cd "$(dirname "$0")/.."

out=pkg
target=wasm32-unknown-unknown
wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals --enable-reference-types --enable-multivalue)

# A nightly toolchain with the standard library's source: the machine's own `nightly`, else the
# pinned one scripts/setup.sh installs (scripts/nightly-toolchain).
nightly=
for candidate in nightly "$(cat scripts/nightly-toolchain)"; do
  sysroot=$(rustup run "$candidate" rustc --print sysroot 2>/dev/null) || continue
  if [ -d "$sysroot/lib/rustlib/src/rust/library" ]; then
    nightly=$candidate
    break
  fi
done

# Less inlining than -Oz's own: a function called once stays a call when over 20 bytes, and any
# function up to 6 bytes is inlined. Gzip finds the repeated calls; the copies inlining makes are
# different bytes each time. (Measured on the core module: 1,178 bytes gzipped less than plain
# -Oz, the best of a grid of both limits, 0 to 30 and 2 to 12.)
inlining=(--one-caller-inline-max-function-size=20 --always-inline-max-function-size=6)

# The shadow stack: 128 KiB instead of rustc's 1 MiB, which every page would otherwise hold. The
# deepest recursion is the JSON readers' (64 levels at most); the stack comes first in memory, so
# an overflow traps rather than overwriting data.
stack="-Clink-arg=-zstack-size=131072"

# Builds one WebAssembly module into pkg/: $1 its name, then cargo's feature flags.
build_module() {
  local name=$1 dir
  shift
  if [ -n "${STORYCARD_DEBUG:-}" ]; then
    RUSTFLAGS="$stack" cargo build --lib --release --target "$target" "$@"
    dir=target/$target/release
  elif [ -n "$nightly" ]; then
    # The release module: the standard library rebuilt for size, with panics as a plain trap.
    # This removes the panic-message machinery, a fifth of the module.
    RUSTFLAGS="$stack -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
      cargo "+$nightly" build --lib --release --target "$target" --no-default-features "$@" \
      -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
      --target-dir target/size
    dir=target/size/$target/release
  else
    RUSTFLAGS="$stack" cargo build --lib --release --target "$target" --no-default-features "$@"
    dir=target/$target/release
  fi
  wasm-bindgen --target "${bindgen_target:-web}" --no-typescript --out-dir "$out" --out-name "$name" "$dir/storycard.wasm"
  if [ -z "${STORYCARD_DEBUG:-}" ]; then
    # --low-memory-unused: Rust never addresses the first KiB (the stack comes first and grows down
    # towards it; it would take a 127 KiB deep recursion to reach it),
    # so constant addresses fold into load and store offsets.
    node_modules/.bin/wasm-opt -Oz "${inlining[@]}" --low-memory-unused --converge --strip-debug --strip-producers "${wasm_features[@]}" \
      "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
  fi
}

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
# The module for JavaScript servers (renderToString of storycard/server): an ES module for Node.
bindgen_target=experimental-nodejs-module build_module storycard_server --features server
cp www/storycard.js www/storycard.d.ts www/storycard_server.d.ts "$out/"
# (wasm-bindgen's package.json for the Node module: package.json's own "type" says the same)
rm -f "$out/package.json"
if [ -z "${STORYCARD_DEBUG:-}" ]; then
  for js in "$out/storycard.js" "$out/storycard_wasm.js" "$out/storycard_page.js"; do
    node_modules/.bin/terser "$js" --module --compress --mangle --output "$js"
  done
  node scripts/minify-imports.mjs "$out/storycard_wasm_bg.wasm" "$out/storycard_wasm.js"
  node scripts/minify-imports.mjs "$out/storycard_page_bg.wasm" "$out/storycard_page.js"
fi
node scripts/size.mjs "$out"
