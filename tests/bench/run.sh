#!/usr/bin/env bash
# Runs the benchmarks on the release build and prints their figures (JSON).
#   SAMLA_BENCH_MESSAGES=100000 bash tests/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=build/release/tests/bench
messages="${SAMLA_BENCH_MESSAGES:-100000}"
echo "bench: import of $messages generated messages and FTS search"
"$bench/samla_import_bench" --messages "$messages" --queries 200
echo "bench: email sync of a ${SAMLA_BENCH_EMAILS:-20000}-message mailbox, Samla beside mbsync"
bash tests/bench/email_sync_bench.sh
