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
app="$bin/app/samla"
profile="${SAMLA_PROFILE:-${XDG_DATA_HOME:-$HOME/.local/share}/samla/demo}"

if [[ -f "$app" && -x "$app" ]]; then
  echo "run: starting $app on the demo profile $profile"
  mkdir -p "$(dirname "$profile")"
  exec "$app" --profile "$profile" --demo "$@"
fi

# No desktop app yet: show the demo inbox with the command line tool.
samlactl="$bin/samlactl"
if [[ ! -f "$samlactl" || ! -x "$samlactl" ]]; then
  echo "run: neither $app nor $samlactl was built" >&2
  exit 1
fi

mkdir -p "$(dirname "$profile")"
echo "run: preparing the demo profile $profile"
"$samlactl" --profile "$profile" demo
echo "run: the inbox (all conversations)"
exec "$samlactl" --profile "$profile" list --view all
