#!/usr/bin/env bash
# Every test suite, in order: unit and storage tests (ctest; the storage suite runs on SQLite
# and, with XASO_TEST_PG_URL, on PostgreSQL), the HTTP integration tests against the real
# binary on both databases, then the browser test. Exits non-zero on the first failure.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="$PWD/build/release/xaso"

echo "== unit and storage tests (ctest)"
ctest --test-dir build/release --output-on-failure -j"$(nproc)"

echo "== integration tests, SQLite"
XASO_BIN=$BIN XASO_IT_DB=sqlite node --test test/integration/

if [[ -n "${XASO_TEST_PG_URL:-}" ]]; then
  echo "== integration tests, PostgreSQL"
  XASO_BIN=$BIN XASO_IT_DB=postgresql node --test test/integration/
else
  echo "XASO_TEST_PG_URL is not set: PostgreSQL integration tests cannot run" >&2
  exit 1
fi

echo "== browser test (Chromium)"
(cd test/browser && XASO_BIN="$BIN" node --test)
