#!/usr/bin/env bash
# Runs the curated clang-tidy checks (.clang-tidy) over every source in the compile database
# of build/release and fails on any warning. run-clang-tidy 14 has no -warnings-as-errors, so
# the output is searched instead.
#
#   tools/tidy.sh                     run now, in the foreground
#   tools/tidy.sh --background LOG    start at nice 19, writing LOG (make test, before the tests)
#   tools/tidy.sh --wait LOG          wait for that run and fail as it failed (after the tests)
set -uo pipefail
cd "$(dirname "$0")/.."
[[ -f build/release/compile_commands.json ]] || { echo "tidy.sh: run make build first" >&2; exit 2; }

case "${1:-}" in
  --background)
    log=$2
    rm -f "$log" "$log.rc"
    # The exit status goes to a file: `wait` cannot reach a job of another shell.
    (nice -n 19 bash "$0" > "$log" 2>&1; echo $? > "$log.rc") < /dev/null > /dev/null 2>&1 &
    echo "tidy.sh: running in the background at nice 19, log $log"
    exit 0
    ;;
  --wait)
    log=$2
    echo "tidy.sh: waiting for the background run"
    while [[ ! -f "$log.rc" ]]; do sleep 2; done
    cat "$log"
    exit "$(cat "$log.rc")"
    ;;
esac

out=$(run-clang-tidy -p build/release -j "$(nproc)" -quiet 'src/.*\.cc$' 2>&1)
warnings=$(printf '%s\n' "$out" | sed 's/\x1b\[[0-9;]*m//g' | grep -E '^/.*/src/.*(warning|error):' | sort -u)
if [[ -n $warnings ]]; then
  printf '%s\n' "$warnings"
  echo "tidy.sh: $(printf '%s\n' "$warnings" | wc -l) finding(s)"
  exit 1
fi
echo "tidy.sh: no findings"
