#!/usr/bin/env bash
# Installs what the project needs, and is quick when it is already there.
#   scripts/setup.sh build   what `npm start` and `npm run build` need
#   scripts/setup.sh test    that, plus what `npm test` needs (Chromium, Firefox and WebKit with
#                            their WebDriver servers, Xvfb, lints)
# Where it cannot install something (not root, not Debian), it says what to install and stops.
set -euo pipefail
cd "$(dirname "$0")/.."
need=${1:-build}

say() { printf 'setup: %s\n' "$*"; }
stop() {
  printf 'setup: %s\n' "$*" >&2
  exit 1
}

command -v rustup >/dev/null && command -v cargo >/dev/null ||
  stop "Rust is missing: install it with rustup (https://rustup.rs), then run this again"
command -v node >/dev/null && command -v npm >/dev/null ||
  stop "Node.js 20 or newer with npm is missing: install it, then run this again"

# The WebAssembly target of the default toolchain.
if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# A nightly toolchain with the standard library's source builds the size-optimised release
# module (build-std, immediate-abort panics): the machine's own `nightly` when it has one, else
# the pinned one in scripts/nightly-toolchain, installed once.
pinned_nightly=$(cat scripts/nightly-toolchain)
has_src() {
  local sysroot
  sysroot=$(rustup run "$1" rustc --print sysroot 2>/dev/null) && [ -d "$sysroot/lib/rustlib/src/rust/library" ]
}
if rustup run nightly rustc --version >/dev/null 2>&1; then
  if ! has_src nightly; then
    say "adding rust-src to the nightly toolchain"
    rustup component add rust-src --toolchain nightly
  fi
elif ! has_src "$pinned_nightly"; then
  say "installing $pinned_nightly with rust-src (for the size-optimised release build)"
  rustup toolchain install "$pinned_nightly" --profile minimal --component rust-src
fi

# wasm-bindgen-cli at exactly the version of the wasm-bindgen crate in Cargo.lock.
want=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/"/, "", $3); print $3; exit }' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{ print $2 }' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (about five minutes, once)"
  cargo install wasm-bindgen-cli --version "$want"
fi

# The npm dev dependencies, when package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm dev dependencies"
  npm ci --no-audit --no-fund
fi

[ "$need" = test ] || exit 0

for component in rustfmt clippy; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding $component"
    rustup component add "$component"
  fi
done

# The three browser engines, from Debian: Chromium with ChromeDriver, Firefox ESR, and WebKitGTK
# with its WebDriver (which draws to a display: Xvfb gives it one).
missing=()
command -v chromium >/dev/null || missing+=(chromium)
command -v chromedriver >/dev/null || missing+=(chromium-driver)
command -v firefox-esr >/dev/null || command -v firefox >/dev/null || missing+=(firefox-esr)
command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
command -v xvfb-run >/dev/null || missing+=(xvfb)
if [ ${#missing[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    say "installing ${missing[*]} from Debian"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    stop "the browser tests need ${missing[*]}: on Debian, run as root: apt-get install ${missing[*]}"
  fi
fi

# geckodriver (Firefox's WebDriver) from crates.io, once: a few minutes.
if ! command -v geckodriver >/dev/null && [ ! -x "$HOME/.cargo/bin/geckodriver" ]; then
  say "installing geckodriver (a few minutes, once)"
  cargo install geckodriver
fi
