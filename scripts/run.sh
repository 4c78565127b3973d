#!/usr/bin/env bash
# Installs what Samla needs, builds it and starts it on its embedded default: a demo profile
# on this machine, no server.
#
#   bash scripts/run.sh [arguments for samla]
#
# The profile lives in $SAMLA_PROFILE, by default $XDG_DATA_HOME/samla/demo
# (~/.local/share/samla/demo). It is created with demo data the first time.
set -euo pipefail
cd "$(dirname "$0")/.."

echo "run: installing dependencies (if any are missing)"
bash scripts/install-deps.sh build

echo "run: building the release build"
bash scripts/build.sh release

bin="build/release/client"
profile="${SAMLA_PROFILE:-${XDG_DATA_HOME:-$HOME/.local/share}/samla/demo}"

if [[ -f "$bin/samla" && -x "$bin/samla" ]]; then
  echo "run: starting $bin/samla on the demo profile $profile"
  exec "$bin/samla" --profile "$profile" --demo "$@"
fi

# No desktop app yet: show the demo inbox with the command line tool.
samlactl="$bin/samlactl"
if [[ ! -f "$samlactl" || ! -x "$samlactl" ]]; then
  echo "run: neither $bin/samla nor $samlactl was built" >&2
  exit 1
fi

mkdir -p "$(dirname "$profile")"
echo "run: preparing the demo profile $profile"
"$samlactl" --profile "$profile" demo
echo "run: the inbox (all conversations)"
exec "$samlactl" --profile "$profile" list --view all
