#!/usr/bin/env bash
# `npm run bench [-- --quick] [-- --before DIR]`: builds, then runs the first-paint benchmark with
# the arguments given (bench/run.mjs) and the browser dedupe timings at scale (bench/scale.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh test
bash scripts/build.sh
node bench/run.mjs "$@"
node bench/scale.mjs
