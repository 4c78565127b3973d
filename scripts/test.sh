#!/usr/bin/env bash
# The project's whole test run; CI runs it through .ci/run.
#
#   bash scripts/test.sh
#
#   1. install what building and testing need          scripts/install-deps.sh test
#   2. check formatting                                 scripts/lint.sh format
#      (and clang-tidy with SAMLA_TIDY=1: slow)        scripts/lint.sh tidy
#   3. build release and asan                           scripts/build.sh release|asan
#   4. all tests but those labelled release-only, in build/asan (ASan + UBSan, leaks checked)
#   5. the tests labelled release-only, in build/release
#   6. make the .deb in build/release and check it      installer/check-deb.sh
#   7. the benchmarks, only with SAMLA_BENCH=1          tests/bench/run.sh
#
# A failure does not stop the later steps that do not depend on it. At the end it names the
# steps that failed and prints, as its very last line, the tests passed and failed over both
# ctest runs: "N passed, N failed". Exits non-zero if anything failed.
#
# SAMLA_TEST_JOBS=N runs N tests at once (default 2); SAMLA_JOBS=N builds with N jobs.
set -euo pipefail
cd "$(dirname "$0")/.."

test_jobs="${SAMLA_TEST_JOBS:-2}"
results="$PWD/build/test-results"
failed_steps=()
passed=0
failed=0
skipped=0

step() { printf '\n== test: %s\n' "$*"; }
step_failed() {
  failed_steps+=("$1")
  echo "test: FAILED: $1"
}

# count_junit FILE: adds the tests in ctest's JUnit file to the totals.
count_junit() {
  local counts p f s
  counts="$(python3 - "$1" <<'PY'
import sys
import xml.etree.ElementTree as ET
passed = failed = skipped = 0
for case in ET.parse(sys.argv[1]).getroot().iter("testcase"):
    status = case.get("status")
    if status == "run":
        passed += 1
    elif status == "fail":
        failed += 1
    else:  # notrun (skipped), disabled
        skipped += 1
print(passed, failed, skipped)
PY
  )" || return 1
  read -r p f s <<<"$counts"
  passed=$((passed + p))
  failed=$((failed + f))
  skipped=$((skipped + s))
}

# run_ctest STEP DIR NAME [ctest options...]: runs ctest in DIR, writes build/test-results/NAME.xml
# and adds its counts to the totals.
run_ctest() {
  local name="$1" dir="$2" junit="$results/$3.xml"
  shift 3
  mkdir -p "$results"
  rm -f "$junit"
  local rc=0
  ctest --test-dir "$dir" --output-on-failure --output-junit "$junit" "$@" || rc=$?
  if [[ -f "$junit" ]] && ! count_junit "$junit"; then
    echo "test: could not read $junit"
    rc=1
  fi
  if ((rc != 0)); then
    step_failed "$name"
  fi
}

step "dependencies"
if ! bash scripts/install-deps.sh test; then
  echo "test: FAILED: installing dependencies; nothing else can run"
  exit 1
fi

step "formatting (clang-format)"
bash scripts/lint.sh format || step_failed "formatting"

release_ok=false
asan_ok=false
step "build release"
if bash scripts/build.sh release; then release_ok=true; else step_failed "build release"; fi
step "build asan"
if bash scripts/build.sh asan; then asan_ok=true; else step_failed "build asan"; fi

if [[ "${SAMLA_TIDY:-0}" == 1 ]]; then
  step "clang-tidy (SAMLA_TIDY=1)"
  bash scripts/lint.sh tidy || step_failed "clang-tidy"
fi

step "tests in build/asan (AddressSanitizer, UndefinedBehaviorSanitizer, leaks)"
if $asan_ok; then
  # A project without tests is a failure here, not a green run. abort_on_error=0: a finding ends
  # the process with exit code 1; as SIGABRT, Boost.Test would catch it and go on in a broken
  # process (once it hung until the ctest timeout instead of failing at once).
  ASAN_OPTIONS="detect_leaks=1:abort_on_error=0${ASAN_OPTIONS:+:$ASAN_OPTIONS}" \
    UBSAN_OPTIONS="print_stacktrace=1:halt_on_error=1${UBSAN_OPTIONS:+:$UBSAN_OPTIONS}" \
    run_ctest "tests (asan)" build/asan asan --parallel "$test_jobs" --label-exclude release-only \
    --no-tests=error
else
  echo "test: skipped: the asan build failed"
fi

step "tests labelled release-only in build/release"
if $release_ok; then
  release_only="$(ctest --test-dir build/release --show-only --label-regex release-only 2>/dev/null |
    sed -n 's/^Total Tests: *\([0-9][0-9]*\)$/\1/p')"
  if ((${release_only:-0} > 0)); then
    # Tests that time themselves should set RUN_SERIAL so that nothing runs beside them.
    run_ctest "tests (release-only)" build/release release-only --parallel "$test_jobs" \
      --label-regex release-only
  else
    echo "test: there are no release-only tests"
  fi
else
  echo "test: skipped: the release build failed"
fi

step "package (.deb)"
if $release_ok; then
  rm -f build/release/*.deb build/release/*.deb.sha256
  if (cd build/release && cpack -G DEB); then
    shopt -s nullglob
    debs=(build/release/*.deb)
    shopt -u nullglob
    if ((${#debs[@]} == 0)); then
      echo "test: cpack made no .deb"
      step_failed "package"
    else
      bash installer/check-deb.sh "${debs[@]}" || step_failed "package check"
    fi
  else
    step_failed "package"
  fi
else
  echo "test: skipped: the release build failed"
fi

step "benchmarks"
if [[ "${SAMLA_BENCH:-0}" != 1 ]]; then
  echo "test: skipped (set SAMLA_BENCH=1 to run them)"
elif [[ ! -f tests/bench/run.sh ]]; then
  echo "test: skipped: tests/bench/run.sh does not exist yet"
elif ! $release_ok; then
  echo "test: skipped: the release build failed"
  step_failed "benchmarks"
else
  bash tests/bench/run.sh || step_failed "benchmarks"
fi

step "summary"
echo "test: took $((SECONDS / 60)) min $((SECONDS % 60)) s"
if ((${#failed_steps[@]} > 0)); then
  list="${failed_steps[0]}"
  for s in "${failed_steps[@]:1}"; do list+=", $s"; done
  echo "test: failed: $list"
else
  echo "test: every step passed"
fi
summary="$passed passed, $failed failed"
if ((skipped > 0)); then
  summary+=", $skipped skipped"
fi
echo "$summary"
if ((${#failed_steps[@]} > 0)); then
  exit 1
fi
