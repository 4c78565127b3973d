#!/usr/bin/env bash
# Configures and builds one build tree under build/.
#
#   scripts/build.sh TYPE [extra cmake -D options...]
#
#   release  build/release  RelWithDebInfo: what run.sh starts and the .deb packages
#   asan     build/asan     Debug with AddressSanitizer + UndefinedBehaviorSanitizer (test.sh)
#   debug    build/debug    Debug, no sanitizers (for a debugger)
#
# Ninja, warnings as errors, all cores (SAMLA_JOBS=N to use fewer).
set -euo pipefail
cd "$(dirname "$0")/.."

type="${1:-}"
if [[ "$type" == -h || "$type" == --help ]]; then
  sed -n '2,10p' "$0"
  exit 0
elif [[ -z "$type" ]]; then
  sed -n '2,10p' "$0" >&2
  exit 2
fi
shift

case "$type" in
  # Installed under /usr, as the .deb made from this tree installs it (paths are compiled in).
  release) options=(-DCMAKE_BUILD_TYPE=RelWithDebInfo -DSAMLA_SANITIZE=OFF -DCMAKE_INSTALL_PREFIX=/usr) ;;
  # Benchmarks measure the release build only; skipping them here saves build time.
  asan) options=(-DCMAKE_BUILD_TYPE=Debug -DSAMLA_SANITIZE=ON -DSAMLA_BUILD_BENCH=OFF) ;;
  debug) options=(-DCMAKE_BUILD_TYPE=Debug -DSAMLA_SANITIZE=OFF) ;;
  *)
    echo "build: unknown build type '$type' (expected release, asan or debug)" >&2
    exit 2
    ;;
esac

dir="build/$type"
jobs="${SAMLA_JOBS:-$(nproc)}"

# A tree configured earlier with another generator cannot be reconfigured with Ninja:
# start that tree's configuration afresh (the sources are untouched).
if [[ -f "$dir/CMakeCache.txt" ]] && ! grep -qx 'CMAKE_GENERATOR:INTERNAL=Ninja' "$dir/CMakeCache.txt"; then
  echo "build: $dir was configured with another generator; reconfiguring it with Ninja"
  rm -rf "$dir/CMakeCache.txt" "$dir/CMakeFiles"
fi

echo "build: configure $dir (${options[*]} -DSAMLA_WERROR=ON $*)"
cmake -S . -B "$dir" -G Ninja "${options[@]}" -DSAMLA_WERROR=ON "$@"

echo "build: build $dir with $jobs jobs"
cmake --build "$dir" --parallel "$jobs"

echo "build: $dir is up to date"
