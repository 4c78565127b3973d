#!/usr/bin/env bash
# Installs the Debian 12 packages Samla needs, and only those that are missing.
#
#   scripts/install-deps.sh [build|test|lint]
#
#   build  compilers, CMake, the libraries, packaging tools (default)
#   test   build + what the test suites need (servers, display, formatter)
#   lint   build + clang-format and clang-tidy for scripts/lint.sh
#
# Idempotent: asks dpkg which packages are missing, runs `apt-get update` and `apt-get install`
# only when something is missing. Uses sudo only when not already root. Never prompts.
set -euo pipefail
cd "$(dirname "$0")/.."

group="${1:-build}"

# --- the package lists: add new needs here, in one place ----------------------------------------
build_packages=(
  build-essential cmake ninja-build pkg-config
  libwxgtk3.2-dev libcurl4-openssl-dev nlohmann-json3-dev
  libsqlitecpp-dev libsqlite3-dev libboost-test-dev libgmime-3.0-dev libpq-dev libcli11-dev
  libhowardhinnant-date-dev tzdata gettext
  libsecret-1-dev # channel passwords in the OS keyring
  dpkg-dev file sqlite3 python3
  time # GNU time: peak RSS in the benchmarks
  libicu-dev # grapheme clusters for SMS segment counting (templates/)
  libphonenumber-dev # SMS: phone numbers to E.164
  libxml2-dev # HTML mail read by libxml2's HTML parser
)
# What the test suites need beyond a build. Later: dovecot-imapd, postgresql, xvfb, dbus,
# gnome-keyring, ... go here.
test_packages=(
  clang-format # test.sh checks formatting
  postgresql   # the team hub tests start a throwaway server (tests/services/postgres.sh)
  openssl      # ... with a throwaway CA for its TLS certificate
  xvfb xauth libx11-dev # the desktop app's GUI tests: xvfb-run, screenshots from X
  # Email tests and benchmark: real IMAP/LMTP (Dovecot) and SMTP (Postfix) servers, openssl for
  # their test CA, mbsync to compare with, clang + libFuzzer for the IMAP parser's fuzz target.
  dovecot-imapd dovecot-lmtpd postfix openssl isync clang libclang-rt-14-dev
  dbus gnome-keyring # a real Secret Service for the keyring tests
)
lint_packages=(
  clang-format clang-tidy
)
# -------------------------------------------------------------------------------------------------

case "$group" in
  build) wanted=("${build_packages[@]}") ;;
  test) wanted=("${build_packages[@]}" "${test_packages[@]}") ;;
  lint) wanted=("${build_packages[@]}" "${lint_packages[@]}") ;;
  -h | --help)
    sed -n '2,12p' "$0"
    exit 0
    ;;
  *)
    echo "install-deps: unknown group '$group' (expected build, test or lint)" >&2
    exit 2
    ;;
esac

if ! command -v dpkg-query >/dev/null 2>&1 || ! command -v apt-get >/dev/null 2>&1; then
  echo "install-deps: this script installs Debian packages; on other systems install the" >&2
  echo "install-deps: equivalents of: ${wanted[*]}" >&2
  exit 1
fi

missing=()
for pkg in "${wanted[@]}"; do
  # "ii " = wanted install, installed; anything else (absent, half-installed, removed) is missing.
  status="$(dpkg-query -W -f='${db:Status-Abbrev}' "$pkg" 2>/dev/null || true)"
  if [[ "$status" != "ii "* ]]; then
    missing+=("$pkg")
  fi
done
# The same package may be listed in two groups.
if ((${#missing[@]} > 0)); then
  mapfile -t missing < <(printf '%s\n' "${missing[@]}" | sort -u)
fi

if ((${#missing[@]} == 0)); then
  echo "install-deps: all ${#wanted[@]} packages for '$group' are installed"
  exit 0
fi

echo "install-deps: missing for '$group': ${missing[*]}"
if ((EUID == 0)); then
  as_root=()
elif command -v sudo >/dev/null 2>&1; then
  as_root=(sudo)
else
  echo "install-deps: not root and no sudo; install as root: apt-get install ${missing[*]}" >&2
  exit 1
fi

echo "install-deps: apt-get update"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -q
echo "install-deps: apt-get install ${missing[*]}"
"${as_root[@]}" env DEBIAN_FRONTEND=noninteractive \
  apt-get install -y -q --no-install-recommends "${missing[@]}" </dev/null
echo "install-deps: done"
