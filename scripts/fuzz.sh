#!/usr/bin/env bash
# Runs every fuzz target (fuzz/fuzz_targets/) for a while each, with cargo fuzz on the nightly
# toolchain, from the committed seeds (fuzz/seeds/<target>/, taken from the fixtures; for `page`,
# tests/fixtures/pages/ itself) plus the corpus earlier
# runs grew (fuzz/corpus/, not committed). Not part of `npm test`.
#
#   bash scripts/fuzz.sh                 10 minutes a target
#   bash scripts/fuzz.sh 60              one minute a target
#   bash scripts/fuzz.sh 60 url jsonld   those targets only
#
# Prints, per target, the executions, the time and the crashes; a crash's input is kept in
# fuzz/artifacts/<target>/ (reproduce with `cargo +nightly fuzz run <target> <file>`), and the
# summary goes to fuzz/last-run.txt.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(island page jsonld url headlines)
nightly=nightly
rustup run "$nightly" rustc --version >/dev/null 2>&1 || nightly=$(cat scripts/nightly-toolchain)
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz
summary=fuzz/last-run.txt
echo "fuzz run of $(date -u +%Y-%m-%d), $seconds s a target, $(rustup run "$nightly" rustc --version)" > "$summary"
for target in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$target"
  log=$(mktemp)
  status=0
  began=$SECONDS
  # (the page target's seeds are the fixture pages themselves)
  seeds=fuzz/seeds/$target
  [ "$target" = page ] && seeds=tests/fixtures/pages
  cargo "+$nightly" fuzz run "$target" "fuzz/corpus/$target" "$seeds" -- \
    -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=65536 -print_final_stats=1 > "$log" 2>&1 || status=$?
  runs=$(grep -o 'stat::number_of_executed_units: [0-9]*' "$log" | awk '{print $2}' | tail -1)
  crashes=$(find "fuzz/artifacts/$target" -type f 2>/dev/null | wc -l)
  line="$target: ${runs:-?} executions in $((SECONDS - began)) s, exit $status, $crashes crash inputs kept"
  echo "$line" | tee -a "$summary"
  if [ "$status" -ne 0 ]; then tail -30 "$log"; fi
  rm -f "$log"
done
