#!/usr/bin/env bash
# Updates the gettext catalogues of samlactl (domain "samla") from the sources.
#
#   scripts/update-po.sh           extract po/samla.pot from the files in po/POTFILES, then merge
#                                  it into every po/<lang>.po (new texts come in untranslated,
#                                  changed ones as fuzzy: translate them and remove "fuzzy")
#   scripts/update-po.sh --check   change nothing; fail if po/samla.pot lacks a text of the
#                                  sources or keeps one they no longer have (a test runs this)
#
# What is extracted: the first argument of tr("…") (client) and of refuse("…") (models/src/
# rules.cpp). {0}, {1} … are our own placeholders, not printf formats, so no c-format flags.
set -euo pipefail
shopt -s nullglob
cd "$(dirname "$0")/.."

for tool in xgettext msgmerge msgattrib msgfmt; do
  if ! command -v "$tool" >/dev/null 2>&1; then
    echo "update-po: $tool not found; install gettext (scripts/install-deps.sh)" >&2
    exit 1
  fi
done

version="$(sed -n 's/^project(samla VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)"
mapfile -t sources < <(grep -v -e '^#' -e '^[[:space:]]*$' po/POTFILES)

extract() {
  xgettext --language=C++ --from-code=UTF-8 \
    --keyword --keyword=tr:1 --keyword=trn:1,2 --keyword=refuse:1 --keyword=N_:1 \
    --flag=tr:1:no-c-format --flag=trn:1:no-c-format --flag=trn:2:no-c-format \
    --flag=refuse:1:no-c-format --flag=N_:1:no-c-format \
    --add-comments=TRANSLATORS: --no-wrap --sort-by-file --add-location=file \
    --package-name=samla --package-version="$version" \
    --output="$1" "${sources[@]}"
}

if [[ "${1:-}" == "--check" ]]; then
  fresh="$(mktemp --suffix=.pot)"
  trap 'rm -f "$fresh"' EXIT
  extract "$fresh"
  # Every text of the sources must be in po/samla.pot, and po/samla.pot must have no other.
  # (Both are written with --no-wrap, so a msgid is one line.)
  ids() { grep '^msgid "[^"]' "$1" | LC_ALL=C sort -u; }
  added="$(LC_ALL=C comm -13 <(ids po/samla.pot) <(ids "$fresh"))"
  removed="$(LC_ALL=C comm -23 <(ids po/samla.pot) <(ids "$fresh"))"
  status=0
  if [[ -n "$added" || -n "$removed" ]]; then
    status=1
    echo "update-po: po/samla.pot is out of date with the sources (po/POTFILES)." >&2
    while IFS= read -r id; do
      [[ -z "$id" ]] || echo "update-po: new in the sources: ${id#msgid }" >&2
    done <<<"$added"
    while IFS= read -r id; do
      [[ -z "$id" ]] || echo "update-po: gone from the sources: ${id#msgid }" >&2
    done <<<"$removed"
    echo "update-po: run scripts/update-po.sh, then translate the new texts in po/*.po" >&2
  fi
  exit "$status"
fi

# Only the creation date changed: keep the old file, so a run without new texts changes nothing.
fresh="$(mktemp --suffix=.pot)"
trap 'rm -f "$fresh"' EXIT
extract "$fresh"
if [[ -f po/samla.pot ]] &&
  diff -q <(grep -v '^"POT-Creation-Date:' po/samla.pot) \
    <(grep -v '^"POT-Creation-Date:' "$fresh") >/dev/null; then
  echo "update-po: po/samla.pot is up to date"
else
  cp "$fresh" po/samla.pot
  echo "update-po: wrote po/samla.pot ($(grep -c '^msgid "[^"]' po/samla.pot) texts)"
fi
for po in po/*.po; do
  msgmerge --quiet --update --backup=none --no-wrap --previous "$po" po/samla.pot
  # Texts gone from the sources go from the catalogue too (git keeps the old translations).
  msgattrib --no-obsolete --no-wrap --output-file="$po" "$po"
  stats="$(msgfmt --check --statistics --output-file=/dev/null "$po" 2>&1)" || {
    echo "$stats" >&2
    exit 1
  }
  echo "update-po: $po: $stats"
done
