#!/usr/bin/env bash
# Runs the benchmarks on the release build and prints their figures (JSON).
#   SAMLA_BENCH_MESSAGES=100000 bash tests/bench/run.sh
set -euo pipefail
cd "$(dirname "$0")/../.."
bench=build/release/tests/bench
messages="${SAMLA_BENCH_MESSAGES:-100000}"
echo "bench: import of $messages generated messages and FTS search"
"$bench/samla_import_bench" --messages "$messages" --queries 200

# The team hub: a throwaway PostgreSQL in a temp dir, stopped by its pid whatever happens.
hub_events="${SAMLA_BENCH_HUB_EVENTS:-100000}"
hub_clients="${SAMLA_BENCH_HUB_CLIENTS:-200}"
pg_dir="$(mktemp -d)"
chmod 755 "$pg_dir"
trap 'bash tests/services/postgres.sh stop "$pg_dir/pg" || true; rm -rf "$pg_dir"' EXIT
bash tests/services/postgres.sh start "$pg_dir/pg"
echo "bench: hub pull of $hub_events events, push latency, $hub_clients concurrent desktops"
"$bench/samla_hub_bench" --server "$pg_dir/pg" --events "$hub_events" --clients "$hub_clients"
echo "bench: desktop app start-up with a store of $messages conversations (under xvfb-run)"
xvfb-run -a -s "-screen 0 1400x900x24" build/release/tests/bench/samla_app_start_bench \
  --app build/release/client/app/samla --conversations "$messages" --runs 3
echo "bench: email sync of a ${SAMLA_BENCH_EMAILS:-20000}-message mailbox, Samla beside mbsync"
bash tests/bench/email_sync_bench.sh
