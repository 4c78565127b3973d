#!/usr/bin/env bash
# Builds the IMAP parser's libFuzzer target with clang (ASan + UBSan) and runs it for a while.
#
#   tests/fuzz/run.sh BUILD_DIR [SECONDS]     (default 30 s)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:?usage: run.sh BUILD_DIR [SECONDS]}"
seconds="${2:-30}"
mkdir -p "$out/corpus"
cp -n "$here"/corpus/* "$out/corpus/" 2>/dev/null || true
clang++ -std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all \
  -I"$root/sync/include" "$here/imap_response_fuzz.cpp" "$root/sync/src/email/imap_response.cpp" \
  "$root/sync/src/email/imap_mailbox_name.cpp" \
  -o "$out/imap_response_fuzz"
"$out/imap_response_fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -artifact_prefix="$out/" "$out/corpus"
