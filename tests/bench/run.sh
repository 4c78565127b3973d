#!/usr/bin/env bash
# Runs the benchmarks on the release build and prints their figures (JSON).
#   SAMLA_BENCH_MESSAGES=100000 bash tests/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=build/release/tests/bench
messages="${SAMLA_BENCH_MESSAGES:-100000}"
echo "bench: import of $messages generated messages and FTS search"
"$bench/samla_import_bench" --messages "$messages" --queries 200
