#!/usr/bin/env bash
# Builds a libFuzzer target with clang (ASan + UBSan) and runs it for a while.
#
#   tests/fuzz/run.sh BUILD_DIR [SECONDS] [TARGET]     (default 30 s, target imap)
#
# Targets: imap (the IMAP framer and parser), html (libxml2's HTML read by walk_html, and the
# conversation pane's sanitiser on top of it).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="${1:?usage: run.sh BUILD_DIR [SECONDS] [TARGET]}"
seconds="${2:-30}"
target="${3:-imap}"
flags=(-std=c++20 -O1 -g -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all
  -I"$root/sync/include")
case "$target" in
  imap)
    sources=("$here/imap_response_fuzz.cpp" "$root/sync/src/email/imap_response.cpp"
      "$root/sync/src/email/imap_mailbox_name.cpp")
    libs=()
    seeds=("$here"/corpus/*.txt)
    ;;
  html)
    sources=("$here/html_fuzz.cpp" "$root/sync/src/html_walk.cpp"
      "$root/client/app/safe_html.cpp")
    flags+=(-I"$root/client/app" $(pkg-config --cflags libxml-2.0))
    libs=($(pkg-config --libs libxml-2.0))
    seeds=("$here"/corpus/*.html)
    ;;
  *)
    echo "run.sh: unknown target $target (imap or html)" >&2
    exit 2
    ;;
esac
corpus="$out/corpus-$target"
mkdir -p "$corpus"
cp -n "${seeds[@]}" "$corpus/" 2>/dev/null || true
clang++ "${flags[@]}" "${sources[@]}" "${libs[@]}" -o "$out/${target}_fuzz"
"$out/${target}_fuzz" -max_total_time="$seconds" -max_len=65536 -timeout=10 \
  -artifact_prefix="$out/$target-" "$corpus"
