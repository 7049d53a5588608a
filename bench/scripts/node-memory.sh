#!/usr/bin/env bash
# Memory with a full cache: a shoal node with a 1 GB cache (cache.size=1GB) in reverse mode is
# filled with 10 KB objects (unique URLs, each a miss stored) until the cache holds >= 97% of
# 1 GB, then the process RSS is read (target: < 1.4 GB). Prints entries, cache bytes and RSS.
# Usage: bench/scripts/node-memory.sh   (installs nginx and wrk with apt-get)
#        SHOAL_JAR=path/shoal.jar to skip the build; SHOAL_JAVA_OPTS for the node's JVM
#        (default -Xms1200m -Xmx1200m -XX:+UseSerialGC: a 1 GB cache needs ~1.2 GB of heap).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
origin_port=18020; node_port=18022; admin_port=18023
opts="${SHOAL_JAVA_OPTS:--Xms1200m -Xmx1200m -XX:+UseSerialGC}"

source "$root/bench/scripts/lib.sh"
bench_install nginx wrk curl
bench_workdir

head -c 10240 /dev/urandom > "$work/www/10k.bin"
bench_nginx_static_conf 86400
bench_start_nginx

bench_jar
bench_start_node "$opts" 1GB
pid="${pids[-1]}"

cat > "$work/fill.lua" <<'LUA'
local counter = 0
local id = math.random(1, 1000000000)
request = function()
  counter = counter + 1
  return wrk.format("GET", "/10k.bin?obj=" .. id .. "-" .. counter)
end
LUA

status() { curl -s "http://127.0.0.1:$admin_port/status"; }
field() { status | tr ',{}' '\n\n\n' | awk -F: -v k="\"$1\"" '$1 == k {print $2; exit}'; }
target=$((1024 * 1024 * 1024 * 97 / 100))
echo "machine: $(nproc) cores; node JVM: $opts; cache.size=1GB; objects 10 KB; $(date -u +%F)"
for round in $(seq 1 20); do
  wrk -t2 -c16 -d10s -s "$work/fill.lua" "http://127.0.0.1:$node_port/" >/dev/null
  bytes="$(field bytes)"
  echo "after fill round $round: entries $(field entries), cache bytes $bytes, RSS $(ps -o rss= -p "$pid" | awk '{printf "%.0f MB", $1/1024}')"
  [ "${bytes:-0}" -ge "$target" ] && break
done
# Two more rounds with the cache full (evictions and admission at work), then the reading.
wrk -t2 -c16 -d10s -s "$work/fill.lua" "http://127.0.0.1:$node_port/" >/dev/null
rss_kb="$(ps -o rss= -p "$pid")"
echo "full: entries $(field entries), cache bytes $(field bytes), RSS $((rss_kb / 1024)) MB (target < 1434 MB: $([ "$rss_kb" -lt $((1400 * 1024 * 1024 / 1000)) ] && echo met || echo MISSED))"
