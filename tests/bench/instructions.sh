#!/usr/bin/env bash
# Instructions per call of signWire, prepare or the official signing code, counted by
# valgrind (apt-get install valgrind): the difference between N and 2N calls, over N. V8 runs
# single-threaded with wasm compiled by TurboFan up front, so that compiling on other threads
# or at other moments does not move the count.
#
#   tests/bench/instructions.sh pkg/node/cloudplay.js sign-tc3 [N]
set -euo pipefail
cd "$(dirname "$0")/../.."
module=$1 what=$2 n=${3:-2000}
count() {
  local out
  out=$(valgrind --tool=cachegrind --cache-sim=no --cachegrind-out-file=/dev/null --smc-check=all-non-file \
    node --single-threaded --no-liftoff tests/bench/count.mjs "$module" "$what" "$1" 2>&1)
  if ! grep -q "exited with code 0\|ERROR SUMMARY\|I *refs" <<<"$out" || grep -q "Error:" <<<"$out"; then
    echo "$out" >&2
    exit 1
  fi
  sed -n 's/.*I *refs: *//p' <<<"$out" | tr -d ,
}
a=$(count "$n")
b=$(count $((n * 2)))
echo "$what $module: $(((b - a) / n)) instructions a call"
