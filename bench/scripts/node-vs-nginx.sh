#!/usr/bin/env bash
# Side by side on this machine: a shoal node and nginx proxy_cache in front of the same origin
# (nginx serving static files), load from wrk through each proxy (64 connections, keep-alive):
#   (a) 1 KB cache hits  (b) 100 KB cache hits  (c) misses (unique query per request)
# plus the origin directly, for the miss overhead. Prints req/s and p99 for each and the ratios.
# Usage: bench/scripts/node-vs-nginx.sh [duration, default 15s]   (installs nginx and wrk with apt-get)
#        SHOAL_JAR=path/shoal.jar to skip the build; SHOAL_JAVA_OPTS for the node's JVM.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-15s}"
threads="${THREADS:-2}"
conns=64
origin_port=18000; nginx_port=18001; node_port=18002; admin_port=18003

source "$root/bench/scripts/lib.sh"
bench_install nginx wrk curl
bench_workdir

mkdir -p "$work/cache"
head -c 1024 /dev/urandom > "$work/www/1k.bin"
head -c 102400 /dev/urandom > "$work/www/100k.bin"
cat > "$work/nginx.conf" <<CONF
worker_processes auto;
pid $work/nginx.pid;
error_log $work/logs/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; tcp_nopush on; keepalive_requests 1000000;
  proxy_cache_path $work/cache levels=1:2 keys_zone=shoal:64m max_size=1g inactive=1h use_temp_path=off;
  server {
    listen 127.0.0.1:$origin_port;
    root $work/www;
    location / { add_header Cache-Control "max-age=3600"; }
  }
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://127.0.0.1:$origin_port;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache shoal;
      proxy_cache_valid 200 1h;
      proxy_cache_lock on;
      add_header X-Cache \$upstream_cache_status;
    }
  }
}
CONF
bench_start_nginx

bench_jar
bench_start_node "${SHOAL_JAVA_OPTS:--Xms512m -Xmx1g}" 512MB

cat > "$work/miss.lua" <<'LUA'
local counter = 0
request = function()
  counter = counter + 1
  return wrk.format("GET", "/1k.bin?miss=" .. counter .. "-" .. math.random(1, 1000000000))
end
LUA

# run NAME URL [lua]: prints "NAME req/s p99(ms)"
run() {
  local name="$1" url="$2" script="${3:-}"
  local args=(-t"$threads" -c"$conns" -d"$duration" --latency)
  [ -n "$script" ] && args+=(-s "$script")
  wrk "${args[@]}" -d2s "$url" >/dev/null 2>&1 || true   # warm-up (fills caches, JIT)
  local out; out="$(wrk "${args[@]}" "$url")"
  local rps p99
  rps="$(awk '/Requests\/sec/ {print $2}' <<<"$out")"
  p99="$(awk '$1=="99%" {v=$2; if (v ~ /us$/) {sub("us","",v); v=v/1000} else if (v ~ /ms$/) {sub("ms","",v)} else if (v ~ /s$/) {sub("s","",v); v=v*1000}; print v}' <<<"$out")"
  printf '%-22s %12s req/s   p99 %8s ms\n' "$name" "$rps" "$p99"
  echo "$name $rps $p99" >> "$work/results"
}

echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GB; wrk -t$threads -c$conns -d$duration; $(date -u +%F)"
run "origin 1KB direct" "http://127.0.0.1:$origin_port/1k.bin"
run "nginx 1KB hit" "http://127.0.0.1:$nginx_port/1k.bin"
run "shoal 1KB hit" "http://127.0.0.1:$node_port/1k.bin"
run "nginx 100KB hit" "http://127.0.0.1:$nginx_port/100k.bin"
run "shoal 100KB hit" "http://127.0.0.1:$node_port/100k.bin"
run "origin miss direct" "http://127.0.0.1:$origin_port/" "$work/miss.lua"
run "nginx miss" "http://127.0.0.1:$nginx_port/" "$work/miss.lua"
run "shoal miss" "http://127.0.0.1:$node_port/" "$work/miss.lua"

awk '
  { name=$1; for (i = 2; i <= NF-2; i++) name = name " " $i; rps[name]=$(NF-1); p99[name]=$NF }
  END {
    printf "\n1KB hits:   shoal/nginx req/s %.2fx, p99 %.2fx\n", rps["shoal 1KB hit"]/rps["nginx 1KB hit"], p99["shoal 1KB hit"]/p99["nginx 1KB hit"]
    printf "100KB hits: shoal/nginx req/s %.2fx, p99 %.2fx\n", rps["shoal 100KB hit"]/rps["nginx 100KB hit"], p99["shoal 100KB hit"]/p99["nginx 100KB hit"]
    printf "misses:     shoal/nginx req/s %.2fx; p99 over direct origin: shoal +%.2f ms, nginx +%.2f ms\n", rps["shoal miss"]/rps["nginx miss"], p99["shoal miss"]-p99["origin miss direct"], p99["nginx miss"]-p99["origin miss direct"]
  }' "$work/results"
echo "shoal RSS after the run: $(ps -o rss= -p "${pids[0]}" | awk '{printf "%.0f MB", $1/1024}')"
