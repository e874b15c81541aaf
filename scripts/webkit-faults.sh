#!/usr/bin/env bash
# Counts WebKit's WebAssembly faults (docs/browsers.md): runs the browser tests (tests/web.rs)
# RUNS times under WebKitWebDriver (with xvfb-run), alternating the core and the page module's
# features, and prints how many runs failed. Any other arguments are environment settings for
# the browser, such as JavaScriptCore's options (`JSC_useOMGJIT=false`), which its web process
# reads.
#
#   bash scripts/webkit-faults.sh 200
#   bash scripts/webkit-faults.sh 200 JSC_useOMGJIT=false
#
# Each failed run's output is kept in target/webkit-faults/. Run it on a worktree of its own:
# a build in the same directory meanwhile would change what is tested.
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-200}
shift || true
mkdir -p target/webkit-faults
# The runner's WebDriver requests time out after 20 s by default, which a busy machine can reach
# with nothing wrong in the engine: such a run is counted apart, as a timeout, not a fault.
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}
failed=0
timeouts=0
for i in $(seq 1 "$runs"); do
  if [ $((i % 2)) = 1 ]; then features=(--no-default-features); else features=(--no-default-features --features page); fi
  if ! env -u CHROMEDRIVER -u GECKODRIVER SAFARIDRIVER="$(command -v WebKitWebDriver)" "$@" \
    xvfb-run -a cargo test --target wasm32-unknown-unknown --test web "${features[@]}" \
    > target/webkit-faults/run.log 2>&1; then
    if grep -q -E 'POST /session/[^ ]+ timed out after' target/webkit-faults/run.log \
      && ! grep -q -E 'RuntimeError|panicked at|^test .* FAILED' target/webkit-faults/run.log; then
      timeouts=$((timeouts + 1))
      cp target/webkit-faults/run.log "target/webkit-faults/timeout-$i.log"
    else
      failed=$((failed + 1))
      cp target/webkit-faults/run.log "target/webkit-faults/failed-$i.log"
    fi
  fi
  printf 'webkit-faults: %d of %d runs failed, %d more timed out (%s)\n' \
    "$failed" "$i" "$timeouts" "${*:-default}"
done
