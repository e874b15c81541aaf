#!/usr/bin/env bash
# A module without storycard that does the work WebKit's faults were seen in (docs/browsers.md):
# a word index of 100,000 headlines (a HashMap of words to lists of headlines, looked up and
# grown), six times a run, its checksum against the native one. Runs it RUNS times under
# WebKitWebDriver and prints how many runs failed. TEST is `web` (the work alone, in the
# module), `calls` (the same work fed from JavaScript through two closures, a string each way
# per headline) or `objects` (30,000 JavaScript objects built from the module with Reflect.set,
# as the browser test one fault was seen in does, read back; six rounds).
#
#   bash scripts/webkit-alone/run.sh 400 [TEST]
#
# The module that does fault without storycard, src/slices.rs, runs in fresh pages instead:
# `MODULE=alone CLOCK=counting node scripts/webkit-fresh.mjs 20 20` (docs/browsers.md).
set -uo pipefail
cd "$(dirname "$0")"
runs=${1:-200}
test=${2:-web}
export CARGO_TARGET_DIR=${CARGO_TARGET_DIR:-/tmp/webkit-alone-target}
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}
mkdir -p "$CARGO_TARGET_DIR"
failed=0
for i in $(seq 1 "$runs"); do
  if ! env -u CHROMEDRIVER -u GECKODRIVER SAFARIDRIVER="$(command -v WebKitWebDriver)" \
    xvfb-run -a cargo test --target wasm32-unknown-unknown --test "$test" > "$CARGO_TARGET_DIR/run.log" 2>&1; then
    failed=$((failed + 1))
    cp "$CARGO_TARGET_DIR/run.log" "$CARGO_TARGET_DIR/failed-$i.log"
  fi
  printf 'webkit-alone (%s): %d of %d runs failed\n' "$test" "$failed" "$i"
done
