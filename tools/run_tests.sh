#!/usr/bin/env bash
# Every test suite: unit and storage tests (ctest; the storage suite runs on SQLite and, with
# XASO_TEST_PG_URL, on PostgreSQL), then the HTTP integration tests against the real binary on
# both databases and the browser test. Exits non-zero if any suite fails.
#
# The three node suites run side by side: they mostly wait (HTTP round trips, server start-up,
# one password hash per sign-in) and each starts its own servers on free ports with a fresh
# database, so they share nothing but the PostgreSQL server. Each writes its own log, printed
# whole when it ends. XASO_TESTS_SERIAL=1 runs them one after the other instead.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$PWD/build/release/xaso"

if [[ -z "${XASO_TEST_PG_URL:-}" ]]; then
  echo "XASO_TEST_PG_URL is not set: PostgreSQL integration tests cannot run" >&2
  exit 1
fi

echo "== unit and storage tests (ctest)"
ctest --test-dir build/release --output-on-failure -j"$(nproc)"

logs=$(mktemp -d /tmp/xaso-tests.XXXXXX)
trap 'rm -rf "$logs"' EXIT
titles=() pids=()
suite() {  # suite TITLE COMMAND...: starts the suite in the background, output to its own log
  local n=${#titles[@]}
  titles+=("$1"); shift
  if [[ -n "${XASO_TESTS_SERIAL:-}" ]]; then
    echo "== ${titles[n]}"; "$@"; pids+=(0); return
  fi
  "$@" > "$logs/$n.log" 2>&1 &
  pids+=($!)
}
suite "integration tests, SQLite" env XASO_BIN="$BIN" XASO_IT_DB=sqlite node --test test/integration/
suite "integration tests, PostgreSQL" env XASO_BIN="$BIN" XASO_IT_DB=postgresql node --test test/integration/
suite "browser test (Chromium)" bash -c 'cd test/browser && XASO_BIN="$1" node --test' _ "$BIN"
[[ -n "${XASO_TESTS_SERIAL:-}" ]] && exit 0

failed=()
for n in "${!titles[@]}"; do
  status=0
  wait "${pids[n]}" || status=$?
  echo "== ${titles[n]} (exit $status)"
  cat "$logs/$n.log"
  ((status == 0)) || failed+=("${titles[n]}")
done
if ((${#failed[@]})); then
  printf 'run_tests.sh: failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
