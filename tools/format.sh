#!/usr/bin/env bash
# Formats the C++ sources with the pinned clang-format (14, Debian 12) and .clang-format.
#   tools/format.sh           rewrite src/**/*.{h,cc} in place
#   tools/format.sh --check   change nothing; list unformatted files and exit 1 if any (CI)
# CLANG_FORMAT=/path/to/clang-format-14 picks another binary of the same major version.
set -euo pipefail
cd "$(dirname "$0")/.."

mode=fix
case "${1:-}" in
  --check) mode=check ;;
  "") ;;
  *) echo "usage: tools/format.sh [--check]" >&2; exit 2 ;;
esac

want=14
bin=${CLANG_FORMAT:-}
if [[ -z $bin ]]; then
  for candidate in clang-format-$want clang-format; do
    if command -v "$candidate" >/dev/null; then bin=$candidate; break; fi
  done
fi
if [[ -z $bin ]]; then
  echo "format.sh: clang-format $want not found (apt-get install clang-format-$want)" >&2
  exit 2
fi
version=$("$bin" --version 2>/dev/null | sed -nE 's/.*version ([0-9]+)\..*/\1/p' || true)
if [[ $version != "$want" ]]; then
  echo "format.sh: $bin is version ${version:-unknown}; .clang-format is pinned to $want" >&2
  exit 2
fi

mapfile -d '' files < <(find src -type f \( -name '*.h' -o -name '*.cc' \) -print0 | sort -z)
if ((${#files[@]} == 0)); then echo "format.sh: no sources under src/" >&2; exit 2; fi

if [[ $mode == check ]]; then
  bad=()
  for f in "${files[@]}"; do
    if ! "$bin" --style=file --dry-run -Werror "$f" >/dev/null 2>&1; then bad+=("$f"); fi
  done
  if ((${#bad[@]})); then
    printf 'format.sh: %d of %d files need formatting (run tools/format.sh):\n' \
      "${#bad[@]}" "${#files[@]}"
    printf '  %s\n' "${bad[@]}"
    exit 1
  fi
  echo "format.sh: ${#files[@]} files formatted"
else
  "$bin" --style=file -i "${files[@]}"
  echo "format.sh: formatted ${#files[@]} files"
fi
