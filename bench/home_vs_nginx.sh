#!/usr/bin/env bash
# Home page throughput of xaso against nginx serving the same bytes as a static
# file, plus xaso's cold start time and idle memory. Loopback only.
#
#   bench/home_vs_nginx.sh [path/to/xaso]
#
# Environment (all optional):
#   XASO_BIN        xaso binary (default build/release/xaso; the first argument wins)
#   DURATION        seconds of load per server (default 10)
#   WARMUP          seconds of unmeasured load before each run (default 1; 0 = none)
#   THREADS         wrk threads (default 2)
#   CONNECTIONS     wrk connections (default 64)
#   NGINX_WORKERS   nginx worker_processes (default: nproc, at most 2)
#   NGINX_BIN       nginx binary (default: nginx on PATH, else /usr/sbin/nginx)
#   KEEP_TMP=1      keep the temp dir (db, logs, configs) for inspection
set -euo pipefail

REPO_ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
XASO_BIN=${1:-${XASO_BIN:-build/release/xaso}}
case $XASO_BIN in /*) ;; *) XASO_BIN=$REPO_ROOT/$XASO_BIN ;; esac
DURATION=${DURATION:-10}
WARMUP=${WARMUP:-1}
THREADS=${THREADS:-2}
CONNECTIONS=${CONNECTIONS:-64}
NPROC=$(nproc 2>/dev/null || echo 1)
NGINX_WORKERS=${NGINX_WORKERS:-$(( NPROC < 2 ? NPROC : 2 ))}
NGINX_BIN=${NGINX_BIN:-$(command -v nginx || echo /usr/sbin/nginx)}
HOST=127.0.0.1

die() { echo "home_vs_nginx: $*" >&2; exit 1; }

[[ -x $XASO_BIN ]] || die "no xaso binary at $XASO_BIN (build it, or pass its path)"
[[ -x $NGINX_BIN ]] || die "nginx not found (apt-get install nginx-light)"
command -v wrk >/dev/null || die "wrk not found (apt-get install wrk)"
command -v curl >/dev/null || die "curl not found (apt-get install curl)"
[[ $DURATION =~ ^[0-9]+$ && $DURATION -gt 0 ]] || die "DURATION must be a positive integer (seconds)"

TMP=$(mktemp -d "${TMPDIR:-/tmp}/xaso-bench.XXXXXX")
XASO_PID=
NGINX_PID=
WRK_PID=

stop_pid() {
  local pid=$1
  [[ -n $pid ]] && kill -0 "$pid" 2>/dev/null || return 0
  kill -TERM "$pid" 2>/dev/null || true
  for _ in $(seq 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  stop_pid "$WRK_PID"
  stop_pid "$NGINX_PID"
  stop_pid "$XASO_PID"
  if [[ ${KEEP_TMP:-0} == 1 ]]; then
    echo "kept $TMP" >&2
  else
    rm -rf "$TMP"
  fi
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A loopback TCP port nobody listens on right now.
free_port() {
  if command -v python3 >/dev/null; then
    python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()'
    return
  fi
  local p
  for _ in $(seq 100); do
    p=$(( 20000 + RANDOM % 40000 ))
    if ! (exec 3<>"/dev/tcp/$HOST/$p") 2>/dev/null; then echo "$p"; return; fi
  done
  die "no free port found"
}

now_ns() { date +%s%N; }

vm_field() { # vm_field PID VmRSS -> value in kB
  awk -v k="$2:" '$1 == k { print $2 }' "/proc/$1/status" 2>/dev/null || true
}

# run_wrk NAME URL: sets RPS; full wrk output kept in $TMP/wrk-NAME.txt.
# wrk runs in the background and is waited for, so a signal to this script
# is handled at once (and cleanup stops wrk too).
run_wrk() {
  local name=$1 url=$2 out=$TMP/wrk-$1.txt rc=0
  if (( WARMUP > 0 )); then
    wrk -t"$THREADS" -c"$CONNECTIONS" -d"${WARMUP}s" "$url" >/dev/null 2>&1 &
    WRK_PID=$!
    wait "$WRK_PID" || true
  fi
  wrk -t"$THREADS" -c"$CONNECTIONS" -d"${DURATION}s" --latency "$url" >"$out" 2>&1 &
  WRK_PID=$!
  wait "$WRK_PID" || rc=$?
  WRK_PID=
  (( rc == 0 )) || { cat "$out" >&2; die "wrk against $name failed"; }
  {
    echo "--- wrk: $name ($url) ---"
    cat "$out"
  } >&2
  if grep -q -e 'Non-2xx or 3xx responses' -e 'Socket errors' "$out"; then
    echo "WARNING: $name had errors or non-2xx answers (see above)" >&2
  fi
  RPS=$(awk '/^Requests\/sec:/ { print $2 }' "$out")
  [[ -n $RPS ]] || die "no Requests/sec in wrk output for $name"
}

# ------------------------------------------------------------------ xaso
DB="sqlite:$TMP/xaso.db"
echo "xaso: $XASO_BIN" >&2
"$XASO_BIN" migrate --db "$DB" >"$TMP/migrate.log" 2>&1 || { cat "$TMP/migrate.log" >&2; die "xaso migrate failed"; }
"$XASO_BIN" demo --db "$DB" >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log" >&2; die "xaso demo failed"; }

XASO_PORT=$(free_port)
XASO_URL=http://$HOST:$XASO_PORT

# Cold start: from spawning `xaso serve` to the first 200 from /healthz.
T0=$(now_ns)
"$XASO_BIN" serve --db "$DB" --listen "$HOST:$XASO_PORT" >"$TMP/xaso.log" 2>&1 &
XASO_PID=$!
T1=
DEADLINE=$(( T0 + 15 * 1000000000 ))
while :; do
  if code=$(curl -s -o /dev/null -w '%{http_code}' --max-time 1 "$XASO_URL/healthz") && [[ $code == 200 ]]; then
    T1=$(now_ns)
    break
  fi
  kill -0 "$XASO_PID" 2>/dev/null || { cat "$TMP/xaso.log" >&2; die "xaso serve exited before answering"; }
  (( $(now_ns) < DEADLINE )) || { cat "$TMP/xaso.log" >&2; die "xaso did not answer /healthz within 15 s"; }
  sleep 0.002
done
COLD_START_MS=$(awk -v a="$T0" -v b="$T1" 'BEGIN { printf "%.1f", (b - a) / 1e6 }')
RSS_START_KB=$(vm_field "$XASO_PID" VmRSS)

# The home page bytes, served later by nginx as a static file.
WWW=$TMP/www
mkdir -p "$WWW"
CTYPE=$(curl -sS --fail -o "$WWW/index.html" -w '%{content_type}' "$XASO_URL/") || die "GET / on xaso failed"
[[ -s $WWW/index.html ]] || die "GET / on xaso returned an empty body"
[[ -n $CTYPE ]] || CTYPE="text/html; charset=utf-8"
HOME_BYTES=$(wc -c <"$WWW/index.html")
echo "home page: $HOME_BYTES bytes, Content-Type: $CTYPE" >&2

run_wrk xaso "$XASO_URL/"
XASO_RPS=$RPS
sleep 1 # let the server settle before reading idle memory
RSS_IDLE_KB=$(vm_field "$XASO_PID" VmRSS)
RSS_PEAK_KB=$(vm_field "$XASO_PID" VmHWM)
XASO_THREADS=$(vm_field "$XASO_PID" Threads)
stop_pid "$XASO_PID"
XASO_PID=

# ------------------------------------------------------------------ nginx
NGINX_PORT=$(free_port)
NGINX_URL=http://$HOST:$NGINX_PORT
chmod 755 "$TMP" "$WWW"
chmod 644 "$WWW/index.html"
mkdir -p "$TMP/nginx"
USER_LINE=
[[ $(id -u) == 0 ]] && USER_LINE="user root;"
# Same bytes and Content-Type as xaso; no access log; keep-alive connections
# are not cut after nginx's default 1000 requests (wrk would pay reconnects).
cat >"$TMP/nginx.conf" <<EOF
$USER_LINE
daemon off;
master_process on;
worker_processes $NGINX_WORKERS;
pid $TMP/nginx/nginx.pid;
error_log $TMP/nginx/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  server_tokens off;
  sendfile on;
  tcp_nopush on;
  keepalive_timeout 65;
  keepalive_requests 1000000;
  open_file_cache max=16 inactive=60s;
  client_body_temp_path $TMP/nginx/body;
  proxy_temp_path $TMP/nginx/proxy;
  fastcgi_temp_path $TMP/nginx/fastcgi;
  uwsgi_temp_path $TMP/nginx/uwsgi;
  scgi_temp_path $TMP/nginx/scgi;
  types { }
  default_type "$CTYPE";
  server {
    listen $HOST:$NGINX_PORT;
    root $WWW;
    index index.html;
  }
}
EOF
"$NGINX_BIN" -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx.conf" -t >"$TMP/nginx-test.log" 2>&1 \
  || { cat "$TMP/nginx-test.log" >&2; die "nginx rejected its config"; }
"$NGINX_BIN" -p "$TMP/nginx" -e "$TMP/nginx/error.log" -c "$TMP/nginx.conf" >"$TMP/nginx.out" 2>&1 &
NGINX_PID=$!
for _ in $(seq 500); do
  curl -s -o /dev/null --max-time 1 "$NGINX_URL/" && break
  kill -0 "$NGINX_PID" 2>/dev/null || { cat "$TMP/nginx.out" "$TMP/nginx/error.log" >&2 2>/dev/null; die "nginx exited"; }
  sleep 0.01
done
curl -sS --fail -o "$TMP/nginx-home.html" "$NGINX_URL/" || die "nginx does not serve the page"
cmp -s "$WWW/index.html" "$TMP/nginx-home.html" || die "nginx serves different bytes"

run_wrk nginx "$NGINX_URL/"
NGINX_RPS=$RPS
stop_pid "$NGINX_PID"
NGINX_PID=

# ------------------------------------------------------------------ report
RATIO=$(awk -v a="$XASO_RPS" -v b="$NGINX_RPS" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "n/a" }')
kb_to_mib() { awk -v k="${1:-0}" 'BEGIN { printf "%.1f", k / 1024 }'; }

cat <<EOF

== home page: xaso vs nginx (wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s, loopback, $NPROC CPU) ==
home page size            : $HOME_BYTES bytes ($CTYPE)
xaso requests/sec         : $XASO_RPS
nginx requests/sec        : $NGINX_RPS  (worker_processes $NGINX_WORKERS, static file)
ratio xaso/nginx          : $RATIO
xaso cold start           : $COLD_START_MS ms (spawn of 'xaso serve' to first 200 from /healthz)
xaso RSS after start      : $(kb_to_mib "$RSS_START_KB") MiB
xaso RSS idle after load  : $(kb_to_mib "$RSS_IDLE_KB") MiB (peak $(kb_to_mib "$RSS_PEAK_KB") MiB, ${XASO_THREADS:-?} threads)
EOF
