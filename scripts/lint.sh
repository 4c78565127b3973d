#!/usr/bin/env bash
# Checks the project's own C++ sources.
#
#   scripts/lint.sh [format|tidy|all|fix]     (default: all)
#
#   format  clang-format --dry-run --Werror over the project's C++ files (fast)
#   tidy    clang-tidy with .clang-tidy over the project's files in build/release's
#           compile_commands.json (slow: configure build/release first, scripts/build.sh release)
#   all     format, then tidy
#   fix     rewrite the project's C++ files in place with clang-format
set -euo pipefail
cd "$(dirname "$0")/.."
root="$(pwd)"

what="${1:-all}"
case "$what" in
  format | tidy | all | fix) ;;
  -h | --help)
    sed -n '2,10p' "$0"
    exit 0
    ;;
  *)
    echo "lint: unknown check '$what' (expected format, tidy, all or fix)" >&2
    exit 2
    ;;
esac

# Our own folders; anything else (build trees, vendored code) is not ours to lint.
own_dirs=(models templates sync client tests)

# The project's C++ files: tracked ones plus new ones git does not ignore; plain find outside git.
list_sources() {
  if git rev-parse --is-inside-work-tree >/dev/null 2>&1; then
    git ls-files --cached --others --exclude-standard -- "${own_dirs[@]}" |
      grep -E '\.(cpp|cc|cxx|h|hpp|hh|ipp)$' || true
  else
    find "${own_dirs[@]}" -type f \( -name '*.cpp' -o -name '*.cc' -o -name '*.cxx' \
      -o -name '*.h' -o -name '*.hpp' -o -name '*.hh' -o -name '*.ipp' \) 2>/dev/null | sort
  fi | while IFS= read -r f; do [[ -f "$f" ]] && printf '%s\n' "$f"; done
}

find_tool() { # find_tool NAME: the unversioned tool, else the newest versioned one
  local name="$1" v
  if command -v "$name" >/dev/null 2>&1; then
    echo "$name"
    return 0
  fi
  for v in 19 18 17 16 15 14; do
    if command -v "$name-$v" >/dev/null 2>&1; then
      echo "$name-$v"
      return 0
    fi
  done
  echo "lint: $name not found (scripts/install-deps.sh lint installs it)" >&2
  return 1
}

status=0

if [[ "$what" == fix ]]; then
  clang_format="$(find_tool clang-format)"
  mapfile -t files < <(list_sources)
  echo "lint: clang-format -i on ${#files[@]} files"
  if ((${#files[@]} > 0)); then
    printf '%s\0' "${files[@]}" | xargs -0 "$clang_format" -i
  fi
  exit 0
fi

if [[ "$what" == format || "$what" == all ]]; then
  clang_format="$(find_tool clang-format)"
  mapfile -t files < <(list_sources)
  echo "lint: clang-format check of ${#files[@]} files"
  if ((${#files[@]} > 0)); then
    if ! printf '%s\0' "${files[@]}" | xargs -0 "$clang_format" --dry-run --Werror; then
      echo "lint: formatting differs from .clang-format; fix it with: scripts/lint.sh fix" >&2
      status=1
    fi
  fi
fi

if [[ "$what" == tidy || "$what" == all ]]; then
  clang_tidy="$(find_tool clang-tidy)"
  db="build/release/compile_commands.json"
  if [[ ! -f "$db" ]]; then
    echo "lint: $db is missing; run scripts/build.sh release first" >&2
    exit 1
  fi
  # The translation units in the database that are ours (the database holds absolute paths).
  mapfile -t units < <(python3 - "$db" "$root" "${own_dirs[@]}" <<'PY'
import json, os, sys
db, root, dirs = sys.argv[1], sys.argv[2], sys.argv[3:]
prefixes = tuple(os.path.join(root, d) + os.sep for d in dirs)
seen = set()
for entry in json.load(open(db)):
    path = os.path.normpath(os.path.join(entry.get("directory", ""), entry["file"]))
    if path.startswith(prefixes) and path not in seen:
        seen.add(path)
        print(path)
PY
  )
  echo "lint: clang-tidy over ${#units[@]} translation units (this takes a while)"
  root_regex="$(printf '%s' "$root" | sed 's/[][\\.*^$+?(){}|]/\\&/g')"
  header_filter="^${root_regex}/($(IFS='|'; echo "${own_dirs[*]}"))/"
  if ((${#units[@]} > 0)); then
    if ! printf '%s\0' "${units[@]}" |
      xargs -0 -n 1 -P "${SAMLA_JOBS:-$(nproc)}" "$clang_tidy" -p build/release --quiet \
        --header-filter="$header_filter" --warnings-as-errors='*'; then
      echo "lint: clang-tidy found problems (see above)" >&2
      status=1
    fi
  fi
fi

if ((status == 0)); then
  echo "lint: clean"
fi
exit "$status"
