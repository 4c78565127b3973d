#!/usr/bin/env bash
# Checks a built Samla .deb before anyone installs it:
#   - dpkg-deb can read it; Package is samla; it has a Version and an Architecture
#   - Depends names the shared libraries samlactl links (dpkg-shlibdeps filled it in)
#   - it contains ./usr/bin/samlactl, an executable ELF file, and nothing outside ./usr
#   - the samlactl unpacked from it runs: `samlactl --version` exits 0 and prints the version
#
#   installer/check-deb.sh build/release/samla_*.deb [more.deb...]
#
# SAMLA_DEB_REQUIRED_DEPENDS overrides the packages Depends must name (space separated).
set -euo pipefail

required_depends="${SAMLA_DEB_REQUIRED_DEPENDS:-libc6 libstdc++6 libsqlite3-0 libgmime-3.0-0 tzdata}"

if (($# == 0)); then
  echo "usage: installer/check-deb.sh PACKAGE.deb..." >&2
  exit 2
fi

failures=0
ok() { echo "check-deb: ok: $*"; }
bad() {
  echo "check-deb: FAIL: $*" >&2
  failures=$((failures + 1))
}

workdir="$(mktemp -d "${TMPDIR:-/tmp}/samla-check-deb.XXXXXX")"
trap 'rm -rf "$workdir"' EXIT

check_one() {
  local deb="$1"
  echo "check-deb: checking $deb"
  if [[ ! -f "$deb" ]]; then
    bad "$deb does not exist (was cpack run?)"
    return
  fi
  if ! dpkg-deb --info "$deb" >"$workdir/info" 2>&1; then
    bad "dpkg-deb cannot read $deb: $(cat "$workdir/info")"
    return
  fi

  local package version arch depends
  package="$(dpkg-deb --field "$deb" Package)"
  version="$(dpkg-deb --field "$deb" Version)"
  arch="$(dpkg-deb --field "$deb" Architecture)"
  depends="$(dpkg-deb --field "$deb" Depends)"

  if [[ "$package" == samla ]]; then ok "Package: $package"; else bad "Package is '$package', expected 'samla'"; fi
  if [[ -n "$version" ]]; then ok "Version: $version"; else bad "no Version field"; fi
  if [[ -n "$arch" ]]; then ok "Architecture: $arch"; else bad "no Architecture field"; fi

  # Depends: "libc6 (>= 2.34), libgmime-3.0-0 (>= 3.2.7), ..." -> one package name a line.
  local names need
  names="$(printf '%s\n' "$depends" | tr ',|' '\n' | sed -E 's/^[[:space:]]+//; s/[[:space:](].*$//' | sed '/^$/d')"
  if [[ -z "$names" ]]; then
    bad "Depends is empty (is CPACK_DEBIAN_PACKAGE_SHLIBDEPS on and dpkg-dev installed?)"
  else
    for need in $required_depends; do
      if grep -qxF -- "$need" <<<"$names"; then
        ok "Depends names $need"
      else
        bad "Depends does not name $need; it is: $depends"
      fi
    done
  fi

  # Contents: samlactl is there, executable, and everything lives under /usr.
  dpkg-deb --contents "$deb" >"$workdir/contents"
  local line
  line="$(awk '$6 == "./usr/bin/samlactl"' "$workdir/contents")"
  if [[ -z "$line" ]]; then
    bad "./usr/bin/samlactl is not in the package"
  elif [[ "$line" != -rwx* ]]; then
    bad "./usr/bin/samlactl is not an executable file: $line"
  else
    ok "contains ./usr/bin/samlactl (${line%% *})"
  fi
  # The data samlactl reads at run time: the demo workspace and the translations.
  local data
  for data in ./usr/share/samla/demo/workspace.json ./usr/share/samla/demo/actions.json \
    ./usr/share/samla/demo/mailboxes.tsv ./usr/share/locale/nn/LC_MESSAGES/samla.mo \
    ./usr/share/locale/nb/LC_MESSAGES/samla.mo; do
    if awk -v f="$data" '$6 == f { found = 1 } END { exit !found }' "$workdir/contents"; then
      ok "contains $data"
    else
      bad "$data is not in the package"
    fi
  done
  local stray
  stray="$(awk '$6 != "./" && $6 !~ /^\.\/usr\//' "$workdir/contents")"
  if [[ -n "$stray" ]]; then bad "files outside /usr: $stray"; else ok "all files are under /usr"; fi

  # Unpack and run the packaged samlactl.
  local root="$workdir/root"
  rm -rf "$root"
  mkdir -p "$root"
  if ! dpkg-deb --extract "$deb" "$root"; then
    bad "dpkg-deb --extract failed"
    return
  fi
  local exe="$root/usr/bin/samlactl"
  [[ -f "$exe" ]] || return 0 # already reported above
  local kind
  kind="$(file --brief "$exe")"
  if [[ "$kind" == ELF* && ("$kind" == *executable* || "$kind" == *interpreter*) ]]; then
    ok "samlactl is $(cut -d, -f1-2 <<<"$kind")"
  else
    bad "samlactl is not an executable ELF file: $kind"
  fi
  local missing_libs
  missing_libs="$(ldd "$exe" 2>&1 | grep 'not found' || true)"
  if [[ -n "$missing_libs" ]]; then bad "samlactl needs libraries that are not installed: $missing_libs"; fi

  local out rc=0
  out="$(timeout 60 "$exe" --version 2>&1)" || rc=$?
  local upstream="${version#*:}"
  upstream="${upstream%-*}"
  if ((rc != 0)); then
    bad "the packaged 'samlactl --version' exited with $rc: $out"
  elif [[ -z "$out" ]]; then
    bad "the packaged 'samlactl --version' printed nothing"
  elif [[ "$out" != *"$upstream"* ]]; then
    bad "the packaged 'samlactl --version' printed '$out', which does not name the package version $upstream"
  else
    ok "packaged 'samlactl --version': $out"
  fi
}

for deb in "$@"; do
  check_one "$deb"
done

if ((failures > 0)); then
  echo "check-deb: $failures check(s) failed" >&2
  exit 1
fi
echo "check-deb: all checks passed"
