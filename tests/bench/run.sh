#!/usr/bin/env bash
# Runs the benchmarks on the release build and prints their figures (JSON).
#   SAMLA_BENCH_MESSAGES=100000 bash tests/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=build/release/tests/bench
messages="${SAMLA_BENCH_MESSAGES:-100000}"
echo "bench: import of $messages generated messages and FTS search"
"$bench/samla_import_bench" --messages "$messages" --queries 200
echo "bench: desktop app start-up with a store of $messages conversations (under xvfb-run)"
xvfb-run -a -s "-screen 0 1400x900x24" build/release/tests/bench/samla_app_start_bench \
  --app build/release/client/app/samla --conversations "$messages" --runs 3
