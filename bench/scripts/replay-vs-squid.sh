#!/usr/bin/env bash
# The same trace through one shoal node and through Squid (Debian package, a plain forward
# memory cache of the same size), from `shoal bench replay`, results side by side. One benchmark
# origin (`shoal bench origin`) serves both, so origin requests are comparable.
# Usage: bench/scripts/replay-vs-squid.sh [TRACE] [extra replay args...]
#   TRACE defaults to the bundled BU trace: webcachesim:classpath:bu-1998-webcachesim.tr.gz
#   e.g. bench/scripts/replay-vs-squid.sh webcachesim:/tmp/surge.tr --duration 30s --warmup 5s
# Environment: MEM (cache memory in MB for both, default 256), CONNECTIONS (default 63),
#   MAX_OBJECT (largest object kept, MB, default 16 = the node's cache.max-object-size),
#   SHOAL_JAR=path/shoal.jar to skip the build, SHOAL_JAVA_OPTS for the node's JVM.
# Installs squid with apt-get if missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
trace="${1:-webcachesim:classpath:bu-1998-webcachesim.tr.gz}"
shift || true
mem="${MEM:-256}"
conns="${CONNECTIONS:-63}"
max_object="${MAX_OBJECT:-16}"
origin_port=18201; node_port=18202; admin_port=18203; squid_port=18204

source "$root/bench/scripts/lib.sh"
if ! command -v squid >/dev/null; then
  bench_install squid
  # Debian starts the packaged service on :3128; this script runs its own instance.
  (systemctl stop squid || service squid stop) >/dev/null 2>&1 || true
fi
bench_install curl
bench_jar
bench_workdir
chmod 755 "$work"

java -jar "$jar" bench origin --port "$origin_port" >"$work/origin.log" 2>&1 &
pids+=($!)
java ${SHOAL_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$jar" node --port "$node_port" --admin-port "$admin_port" \
  --id shoal-node --cache-size "${mem}MB" --set proxy.host=127.0.0.1 \
  --set proxy.allowed-destinations=127.0.0.0/8 --set cache.max-object-size="${max_object}MB" \
  >"$work/node.log" 2>&1 &
pids+=($!)

cat > "$work/squid.conf" <<CONF
# A plain forward proxy with a memory-only cache of ${mem} MB (no cache_dir).
http_port 127.0.0.1:$squid_port
acl localhost src 127.0.0.1/32
http_access allow localhost
http_access deny all
cache_mem $mem MB
maximum_object_size_in_memory $max_object MB
maximum_object_size $max_object MB
memory_cache_mode always
collapsed_forwarding on
pid_filename $work/squid.pid
access_log none
cache_log $work/squid-cache.log
coredump_dir $work
visible_hostname squid
forwarded_for delete
shutdown_lifetime 1 seconds
CONF
chown proxy "$work" 2>/dev/null || true
squid -f "$work/squid.conf" -N >"$work/squid.log" 2>&1 &
pids+=($!)

bench_wait_http "http://127.0.0.1:$origin_port/_origin/stats"
bench_wait_http "http://127.0.0.1:$admin_port/health"
for _ in $(seq 150); do
  [ "$(curl -s -o /dev/null -w '%{http_code}' -x "http://127.0.0.1:$squid_port" \
    "http://127.0.0.1:$origin_port/o/1/probe.html")" = 200 ] && break
  sleep 0.2
done

replay() { # label proxy [args]
  local label="$1" proxy="$2"; shift 2
  curl -s -X POST "http://127.0.0.1:$origin_port/_origin/reset" >/dev/null
  java -jar "$jar" bench replay --label "$label" --proxy "$proxy" --trace "$trace" \
    --origin "http://127.0.0.1:$origin_port" --connections "$conns" --format csv "$@"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg); trace $trace; cache ${mem} MB each; $conns connections"
replay shoal "http://127.0.0.1:$node_port" --status "http://127.0.0.1:$admin_port/status" "$@" >"$work/shoal.csv"
replay squid "http://127.0.0.1:$squid_port" "$@" >"$work/squid.csv"
echo "squid $(squid -v | head -1 | sed 's/.*Version //'), load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

python3 - "$work/shoal.csv" "$work/squid.csv" <<'PY'
import csv, sys
runs = [list(csv.DictReader(open(f, newline="")))[0] for f in sys.argv[1:]]
width = max(len(k) for k in runs[0])
for key in runs[0]:
    print(f"{key:<{width}}  " + "  ".join(f"{r[key]:<24}" for r in runs).rstrip())
PY
