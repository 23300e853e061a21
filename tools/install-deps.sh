#!/usr/bin/env bash
# Installs every Debian and npm package that building, testing and running xaso needs.
# Idempotent: packages already present are skipped; uses sudo when not root.
set -euo pipefail

PACKAGES=(
  build-essential cmake ninja-build pkg-config make clang-format clang-tidy
  librestinio-dev libasio-dev libfmt-dev libhttp-parser-dev
  libsoci-dev libboost-dev libsqlite3-dev sqlite3 libpq-dev
  nlohmann-json3-dev libkainjow-mustache-dev libsodium-dev libexiv2-dev libqrencode-dev
  libspdlog-dev libcli11-dev libtomlplusplus-dev
  libgtest-dev libgmock-dev
  postgresql
  chromium
  nginx-light wrk curl
)

SUDO=""
if [[ $(id -u) -ne 0 ]]; then SUDO="sudo"; fi

missing=()
for p in "${PACKAGES[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$p")
  fi
done

if ((${#missing[@]})); then
  echo "install-deps: installing ${missing[*]}"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
  # The postgresql package may start a cluster on 5432; the tests run their own server.
else
  echo "install-deps: all Debian packages present"
fi

# Node.js and npm come with the machine image (NodeSource build, which conflicts with Debian's npm).
if ! command -v npm >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get install -y -qq --no-install-recommends nodejs npm
fi
# playwright-core needs Node.js 20 or later (Debian 12's own nodejs is 18).
node_major=$(node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0)
if (( node_major < 20 )); then
  echo "install-deps: Node.js $node_major found; the browser tests need Node.js 20 or later" >&2
  exit 1
fi

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if [[ -f "$ROOT/test/browser/package-lock.json" ]]; then
  if [[ ! -d "$ROOT/test/browser/node_modules" ]] ||
     [[ "$ROOT/test/browser/package-lock.json" -nt "$ROOT/test/browser/node_modules/.package-lock.json" ]]; then
    (cd "$ROOT/test/browser" && npm ci --no-audit --no-fund --loglevel=error)
  fi
fi
