#!/usr/bin/env bash
# Runs the curated clang-tidy checks (.clang-tidy) over every source in the compile database
# of build/release and fails on any warning. run-clang-tidy 14 has no -warnings-as-errors, so
# the output is searched instead.
set -uo pipefail
cd "$(dirname "$0")/.."
[[ -f build/release/compile_commands.json ]] || { echo "tidy.sh: run make build first" >&2; exit 2; }
out=$(run-clang-tidy -p build/release -j "$(nproc)" -quiet 'src/.*\.cc$' 2>&1)
warnings=$(printf '%s\n' "$out" | sed 's/\x1b\[[0-9;]*m//g' | grep -E '^/.*/src/.*(warning|error):' | sort -u)
if [[ -n $warnings ]]; then
  printf '%s\n' "$warnings"
  echo "tidy.sh: $(printf '%s\n' "$warnings" | wc -l) finding(s)"
  exit 1
fi
echo "tidy.sh: no findings"
