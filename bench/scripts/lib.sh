# Shared set-up of the node benchmark scripts (sourced, not run): packages, a work directory
# cleaned up on exit, an nginx origin that must answer 200, the shoal jar, a shoal node,
# waiting for a URL. Callers set: root, origin_port, node_port, admin_port.

# Installs the Debian packages of the commands given, where missing.
bench_install() {
  local need=() cmd
  for cmd in "$@"; do command -v "$cmd" >/dev/null || need+=("$cmd"); done
  if [ ${#need[@]} -gt 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  fi
}

# Installs, where its command is missing, each Debian package given as COMMAND:PACKAGE (e.g.
# varnishd:varnish), then stops the services those packages started (this runs its own instances).
bench_install_packages() {
  local need=() pair names=() name
  for pair in "$@"; do
    command -v "${pair%%:*}" >/dev/null && continue
    need+=("${pair#*:}"); names+=("${pair%%:*}" "${pair#*:}")   # the service is named like one or the other
  done
  [ ${#need[@]} -gt 0 ] || return 0
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null
  for name in "${names[@]}"; do
    (systemctl stop "$name" || service "$name" stop) >/dev/null 2>&1 || true
  done
}

# Sets work (a fresh directory with www/ and logs/) and pids; on exit (or INT, TERM) kills them
# and every daemon whose pid file is $work/*.pid (nginx, squid), then removes the directory.
bench_workdir() {
  work="$(mktemp -d)"
  pids=()
  trap bench_cleanup EXIT INT TERM
  mkdir -p "$work/www" "$work/logs"
}

bench_cleanup() {
  local f daemons=0
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  for f in "$work"/*.pid; do
    if [ -f "$f" ] && kill "$(cat "$f")" 2>/dev/null; then daemons=1; fi
  done
  [ "$daemons" = 0 ] || sleep 1   # let them remove their files before the directory goes
  rm -rf "$work"
}

# Writes $work/nginx.conf: one worker serving $work/www on $origin_port with Cache-Control
# max-age=$1; with $2 = log, each request is logged to $work/logs/access.log (to count misses).
bench_nginx_static_conf() {
  local log=off
  [ "${2:-}" = log ] && log="$work/logs/access.log"
  cat > "$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log $log; keepalive_requests 1000000;
  server { listen 127.0.0.1:$origin_port; root $work/www; location / { add_header Cache-Control "max-age=$1"; } }
}
CONF
}

# Starts nginx with $work/nginx.conf and refuses to go on unless the origin answers 200.
bench_start_nginx() {
  chmod -R a+rX "$work"   # nginx workers run unprivileged; a 0700 mktemp dir would make every answer 403
  nginx -c "$work/nginx.conf"
  local code
  code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$origin_port/$(ls "$work/www" | head -1)")"
  [ "$code" = 200 ] || { echo "origin answers $code, not 200: the numbers would be meaningless" >&2; exit 1; }
}

# Sets jar: $SHOAL_JAR (e.g. built in a clean worktree), or cli/target/shoal.jar built now.
bench_jar() {
  jar="${SHOAL_JAR:-$root/cli/target/shoal.jar}"
  [ -n "${SHOAL_JAR:-}" ] || (cd "$root" && mvn -B -q -ntp -DskipTests -pl cli -am package >/dev/null)
}

# Starts a shoal node reverse-proxying the origin with JVM options $1 and cache size $2; waits
# for /health. Its pid is the last of pids.
bench_start_node() {
  # shellcheck disable=SC2086 # $1 is a list of JVM options
  java $1 -jar "$jar" node --port "$node_port" --admin-port "$admin_port" \
    --reverse "http://127.0.0.1:$origin_port" --set proxy.host=127.0.0.1 --set node.id=bench --cache-size "$2" \
    > "$work/node.log" 2>&1 &
  pids+=($!)
  bench_wait_http "http://127.0.0.1:$admin_port/health"
}

# Waits up to 30 s for URL $1 to answer at all; fails saying so otherwise.
bench_wait_http() {
  for _ in $(seq 150); do curl -s -o /dev/null "$1" && return 0; sleep 0.2; done
  echo "no answer from $1" >&2; return 1
}
