#!/usr/bin/env bash
# Everything CI runs, in order of speed: lints, native tests, browser tests (wasm-bindgen-test in
# headless Chromium), the release build and its size budget, end-to-end tests (Playwright), and the
# packed package in three consumer apps.
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --check

step "cargo clippy (native)"
cargo clippy --all-targets -- -D warnings

step "cargo clippy (wasm32, both modules)"
cargo clippy --all-targets --target wasm32-unknown-unknown -- -D warnings
cargo clippy --all-targets --target wasm32-unknown-unknown --features page -- -D warnings

step "native tests"
cargo test

step "browser tests (wasm-bindgen-test, headless Chromium; both modules)"
export CHROMEDRIVER=${CHROMEDRIVER:-$(command -v chromedriver)}
cargo test --target wasm32-unknown-unknown --test web
cargo test --target wasm32-unknown-unknown --test web --features page

step "release build and size budget"
bash scripts/build.sh
node scripts/size.mjs pkg --check

step "end-to-end tests (Playwright, headless Chromium)"
node --test tests/e2e/

step "the packed package in three consumer apps (Vite, webpack, no bundler)"
node --test tests/consumers/
