# Sourced by the build scripts: `build_module NAME [cargo flags...]` builds the crate in the
# current directory into one WebAssembly module and its bindings in "$out" (NAME_bg.wasm,
# NAME.js), as the package ships it: a nightly toolchain's build-std with panics as a plain trap
# when there is one, then wasm-opt. STORYCARD_DEBUG=1 keeps panic messages and names.
target=wasm32-unknown-unknown
# The repository: the scripts that source this may build a crate elsewhere.
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
# The release modules' own target directory (their standard library is rebuilt with other flags).
size_target=${size_target:-$root/target/size}
wasm_features=(--enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext
  --enable-mutable-globals)

# A nightly toolchain with the standard library's source: the machine's own `nightly`, else the
# pinned one scripts/setup.sh installs (scripts/nightly-toolchain).
nightly=
for candidate in nightly "$(cat "$root/scripts/nightly-toolchain")"; do
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
# Then the functions flattened and their control flow rebuilt (--flatten --rereloop) before a
# second -Oz: 175 bytes gzipped less on the core module and 362 on the page module (measured),
# with the same speed (tests/e2e/scale.test.mjs: 275 and 2,660 ms, against 279 and 2,742).
restructure=(--flatten --rereloop -Oz)

# The shadow stack: 64 KiB instead of rustc's 1 MiB, which every page would otherwise hold. Every
# recursion is bounded: the JSON readers' at 64 levels, the related-links reader's at 32. The most
# any input used, measured by tests/e2e/stack.test.mjs (which keeps it under half of this), is
# about 19 KB. The stack comes first in memory, so an overflow traps rather than overwriting data.
stack_size=65536
stack="-Clink-arg=-zstack-size=$stack_size"

# A declared maximum memory, 256 MiB (src/memory.rs's MAXIMUM; the widget stops with an error
# before it is reached). WebKit's WebAssembly faulted now and then here in modules that declare
# none (4 failed runs of 200 of the browser tests; with it, none: docs/browsers.md), and WebKit
# copies the whole memory on every memory.grow of such a module. The browser tests' module
# declares the same (.cargo/config.toml).
max_memory="-Clink-arg=--max-memory=268435456"
stack="$stack $max_memory"

# Without reference types and multi-value, which rustc emits by default: WebKit's WebAssembly has
# had bugs with both (Safari reports in wasm-bindgen's and other projects' trackers), and
# wasm-bindgen then keeps JavaScript values in a JavaScript array instead of a table: the modules
# came out 612 and 711 bytes gzipped smaller. A standard library built with them (rustup's) would
# still mark the module as using them, so a build with it strips the module's custom sections,
# as .cargo/config.toml does for the browser tests.
no_refs="-Ctarget-feature=-reference-types,-multivalue"

# Builds one WebAssembly module into $out: $1 its name, then cargo's feature flags.
build_module() {
  local name=$1 dir
  shift
  if [ -n "${STORYCARD_DEBUG:-}" ]; then
    # (with reference types: the debug build keeps its names, so it cannot strip the marks)
    RUSTFLAGS="$stack" cargo build --lib --release --target "$target" "$@"
    dir=target/$target/release
  elif [ -n "$nightly" ]; then
    # The release module: the standard library rebuilt for size, with panics as a plain trap.
    # This removes the panic-message machinery, a fifth of the module.
    RUSTFLAGS="$stack $no_refs -Zunstable-options -Cpanic=immediate-abort -Zlocation-detail=none -Zfmt-debug=none" \
      cargo "+$nightly" build --lib --release --target "$target" --no-default-features "$@" \
      -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size \
      --target-dir "$size_target"
    dir=$size_target/$target/release
  else
    RUSTFLAGS="$stack $no_refs -Cstrip=symbols" cargo build --lib --release --target "$target" --no-default-features "$@"
    dir=target/$target/release
  fi
  wasm-bindgen --target "${bindgen_target:-web}" --no-typescript --out-dir "$out" --out-name "$name" "$dir/storycard.wasm"
  if [ -z "${STORYCARD_DEBUG:-}" ]; then
    # --low-memory-unused: Rust never addresses the first KiB (the stack comes first and grows down
    # towards it; only an overflow, which traps, would reach it), so constant addresses fold into
    # load and store offsets.
    "$root/node_modules/.bin/wasm-opt" -Oz "${inlining[@]}" "${restructure[@]}" --low-memory-unused --converge --strip-debug --strip-producers "${wasm_features[@]}" \
      "$out/${name}_bg.wasm" -o "$out/${name}_bg.wasm"
  fi
}
