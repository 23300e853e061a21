#!/usr/bin/env bash
# Enforces the layer rules of docs/architecture.md ("Layers"): each layer may include
# only the layers below it. Exits 1 and names every offending include.
set -uo pipefail
cd "$(dirname "$0")/../src"
fail=0
check() {  # check DIR FORBIDDEN-PREFIX...
  local dir=$1; shift
  for p in "$@"; do
    if hits=$(grep -rnE "#include [<\"]${p}" "$dir" 2>/dev/null); then
      echo "layer violation: $dir must not include $p"; echo "$hits"; fail=1
    fi
  done
}
check core    'domain/' 'platform/' 'storage/' 'web/' 'app/' 'cli/' 'soci' 'restinio' 'nlohmann' 'kainjow' 'sodium' 'spdlog' 'toml'
check domain  'platform/' 'storage/' 'web/' 'app/' 'cli/' 'soci' 'restinio' 'nlohmann' 'kainjow' 'sodium' 'spdlog' 'toml'
check platform 'storage/' 'web/' 'app/' 'cli/' 'soci' 'restinio'
check storage 'web/' 'app/' 'cli/' 'restinio' 'kainjow'
check web     'storage/' 'app/' 'cli/' 'soci'
check app     'cli/' 'soci' 'restinio'
check cli     'storage/' 'web/' 'soci' 'restinio'
# RESTinio stays in the server adapter: it is slow to compile and must not leak into handlers.
# web/multipart.cc uses its multipart parser behind a header of our own.
if hits=$(grep -rln "#include <restinio" web | grep -vE '^web/(server|multipart)\.cc$'); then
  echo "restinio included outside web/server.cc and web/multipart.cc:"; echo "$hits"; fail=1
fi
[[ $fail -eq 0 ]] && echo "layers OK"
exit $fail
