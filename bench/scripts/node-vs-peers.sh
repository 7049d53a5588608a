#!/usr/bin/env bash
# Cache hits of one shoal node against the single-box caches, side by side in one run: HAProxy's
# cache, Varnish, nginx proxy_cache and Squid, each a reverse proxy in front of the same nginx
# static origin, plus nginx serving the files itself (the ceiling). Load: wrk -t1 -c64, keep-alive,
# on a 1 KB and a 100 KB file (Cache-Control max-age=3600 from the origin, so every cache stores
# them); each server gets WARMUP of the same load first, then DURATION measured. Each peer runs one
# worker or thread where it has such a setting (Varnish: one thread pool); the node runs with its
# defaults. Before measuring, each server must answer 200 with the whole file and serve the second
# request without the origin seeing it (the origin logs every request) and, if it sends X-Cache,
# call it a hit; one that does not (or did not start) is reported as failed in its cell, not
# measured. Prints a markdown table with ratios: 1 KB to HAProxy,
# 100 KB to nginx serving the file itself.
# Usage: bench/scripts/node-vs-peers.sh [duration, default 8s]
#        WARMUP (default 8s); SHOAL_JAR=path/shoal.jar to skip the build; SHOAL_JAVA_OPTS for the
#        node's JVM (default none, as ./shoal). Installs haproxy, varnish, nginx-light, squid, wrk
#        and curl with apt-get where missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-8s}"
warmup="${WARMUP:-8s}"
node_opts="${SHOAL_JAVA_OPTS:-}"
conns=64
origin_port=18400; node_port=18401; admin_port=18402; haproxy_port=18403; varnish_port=18404
nginx_port=18405; squid_port=18406; static_port=18407

source "$root/bench/scripts/lib.sh"
bench_install_packages haproxy:haproxy varnishd:varnish nginx:nginx-light squid:squid wrk:wrk curl:curl
bench_jar
bench_workdir
# Squid takes a second or more to stop: wait for it before the directory goes.
stop_squid() { [ -z "${squid_pid:-}" ] || { kill "$squid_pid" 2>/dev/null; wait "$squid_pid" 2>/dev/null || true; }; }
trap 'stop_squid; bench_cleanup' EXIT
trap 'stop_squid; bench_cleanup; exit 130' INT TERM HUP PIPE

head -c 1024 /dev/urandom > "$work/www/1k.bin"
head -c 102400 /dev/urandom > "$work/www/100k.bin"
bench_nginx_static_conf 3600 log
bench_start_nginx
origin_requests() { wc -l < "$work/logs/access.log"; }

# HAProxy 2.x: one thread, a 256 MB cache keeping objects up to 1 MB.
cat > "$work/haproxy.cfg" <<CONF
global
  nbthread 1
  maxconn 4096
  daemon
  pidfile $work/haproxy.pid
defaults
  mode http
  option http-keep-alive
  timeout connect 5s
  timeout client 30s
  timeout server 30s
cache bench
  total-max-size 256
  max-object-size 1048576
  max-age 3600
frontend bench
  bind 127.0.0.1:$haproxy_port
  http-request cache-use bench
  http-response cache-store bench
  default_backend origin
backend origin
  server origin 127.0.0.1:$origin_port
CONF
haproxy -f "$work/haproxy.cfg" -q || echo "haproxy did not start" >&2

# Varnish: the built-in VCL in front of the origin, 256 MB of malloc storage, one thread pool
# (its threads serve one connection each, so it cannot run on one thread).
varnishd -a "127.0.0.1:$varnish_port" -b "127.0.0.1:$origin_port" -n "$work/varnish" -j none \
  -P "$work/varnish.pid" -s malloc,256m -p thread_pools=1 -T 127.0.0.1:0 > "$work/logs/varnish.log" 2>&1 || { cat "$work/logs/varnish.log"; echo "varnishd did not start"; } >&2

# One more nginx, one worker: proxy_cache in front of the origin, and the same files served
# directly (the ceiling: what nginx does without a proxy in the way). sendfile, but no tcp_nopush:
# with it, 100 KB hits from proxy_cache stall about 40 ms now and then (1,800 req/s, p99 44 ms,
# against 26,000 and 3 ms without it).
mkdir -p "$work/nginx-cache"
cat > "$work/nginx-peers.conf" <<CONF
worker_processes 1;
pid $work/nginx-peers.pid;
error_log $work/logs/nginx-peers-error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on; keepalive_requests 1000000;
  proxy_cache_path $work/nginx-cache levels=1:2 keys_zone=bench:64m max_size=256m inactive=1h use_temp_path=off;
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      proxy_pass http://127.0.0.1:$origin_port;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_cache bench;
      proxy_cache_lock on;
      add_header X-Cache \$upstream_cache_status;
    }
  }
  server { listen 127.0.0.1:$static_port; root $work/www; location / { add_header Cache-Control "max-age=3600"; } }
}
CONF
nginx -c "$work/nginx-peers.conf" || echo "the second nginx did not start" >&2

# Squid: an accelerator (reverse proxy) with a 256 MB memory cache, one worker (its default).
cat > "$work/squid.conf" <<CONF
http_port 127.0.0.1:$squid_port accel defaultsite=127.0.0.1:$origin_port no-vhost
cache_peer 127.0.0.1 parent $origin_port 0 no-query originserver name=origin
acl bench src 127.0.0.1/32
http_access allow bench
http_access deny all
cache_peer_access origin allow all
workers 1
cache_mem 256 MB
maximum_object_size_in_memory 1 MB
memory_cache_mode always
pid_filename $work/squid.pid
access_log none
cache_log $work/logs/squid-cache.log
coredump_dir $work
visible_hostname squid
shutdown_lifetime 1 seconds
CONF
chown proxy "$work" "$work/logs" 2>/dev/null || true
squid -f "$work/squid.conf" -N > "$work/logs/squid.log" 2>&1 &
squid_pid=$!

bench_start_node "$node_opts" 256MB || cat "$work/node.log" >&2

for port in $haproxy_port $varnish_port $nginx_port $squid_port $static_port; do
  bench_wait_http "http://127.0.0.1:$port/" || true   # then its check fails
done

# check PORT FILE SIZE [origin]: fetches the file twice; prints what the server says about the
# second one (X-Cache, Age), or "failed: ..." when an answer is not 200 with SIZE bytes or the
# second request reached the origin. With "origin", the server is the origin: no cache to check.
check() {
  local url="http://127.0.0.1:$1/$2" size="$3" before out last said
  out="$(curl -s -o /dev/null -w '%{http_code} %{size_download}' "$url")"
  [ "$out" = "200 $size" ] || { echo "failed: first answer ${out/ /, } bytes (expected 200, $size)"; return; }
  sleep 0.2   # the origin logs when its response is done
  before="$(origin_requests)"
  out="$(curl -s -D - -o /dev/null -w '%{http_code} %{size_download}' "$url" | tr -d '\r')"
  sleep 0.2
  last="$(tail -1 <<<"$out")"
  [ "$last" = "200 $size" ] || { echo "failed: second answer ${last/ /, } bytes (expected 200, $size)"; return; }
  said="$(grep -iE '^(x-cache|age):' <<<"$out" | tr '\n' ' ' | sed 's/ $//')"
  [ "${4:-}" = origin ] && { echo "origin"; return; }
  [ "$(origin_requests)" = "$before" ] || { echo "failed: second request reached the origin ($said)"; return; }
  if grep -qi '^x-cache:' <<<"$out" && ! grep -qi '^x-cache:.*hit' <<<"$out"; then
    echo "failed: second request not a hit ($said)"; return
  fi
  echo "hit (${said:-origin log quiet})"
}

ms() { # wrk's latency (e.g. 812.00us, 1.40ms, 1.02s) in ms
  awk '{ v = $1; if (v ~ /us$/) { sub("us", "", v); v /= 1000 } else if (v ~ /ms$/) { sub("ms", "", v) }
         else if (v ~ /s$/) { sub("s", "", v); v *= 1000 }; printf "%.2f", v }' <<<"$1"
}

# measure KEY SIZE PORT FILE [origin]: checks, warms, measures; appends to results
# "KEY SIZE rps p99ms" or "KEY SIZE failed: reason"; errors and origin requests during the
# measured run go to notes.
measure() {
  local key="$1" size="$2" url="http://127.0.0.1:$3/$4" status before out rps p99 errors
  status="$(check "$3" "$4" "$(stat -c %s "$work/www/$4")" "${5:-}")"
  echo "  $key $4: $status" >&2
  if [[ "$status" == failed* ]]; then echo "$key $size $status" >> "$work/results"; return; fi
  wrk -t1 -c"$conns" -d"$warmup" "$url" > /dev/null 2>&1 || true
  before="$(origin_requests)"
  out="$(wrk -t1 -c"$conns" -d"$duration" --latency "$url")"
  rps="$(awk '/^Requests\/sec/ { print $2 }' <<<"$out")"
  p99="$(ms "$(awk '$1 == "99%" { print $2 }' <<<"$out")")"
  errors="$(awk '/Non-2xx/ { n += $NF } /Socket errors/ { gsub(",", ""); n += $4 + $6 + $8 + $10 } END { print n + 0 }' <<<"$out")"
  echo "$key $size $rps $p99" >> "$work/results"
  [ "$errors" = 0 ] || echo "- $key $4: $errors errors or answers other than 2xx/3xx" >> "$work/notes"
  if [ "$(origin_requests)" != "$before" ]; then
    echo "- $key $4: the origin saw $(( $(origin_requests) - before )) requests during the measured run, the first:" \
      "$(sed -n "$((before + 1))p" "$work/logs/access.log")" >> "$work/notes"
  fi
}

java_version="$(java -version 2>&1 | head -1 | sed -E 's/.*version "([^"]+)".*/\1/')"
v_haproxy="$(haproxy -v | head -1 | awk '{ print $3 }')"
v_varnish="$(varnishd -V 2>&1 | grep -o 'varnish-[0-9.]*' | head -1 | sed 's/varnish-//')"
v_nginx="$(nginx -v 2>&1 | sed 's|.*nginx/||')"
v_squid="$(squid -v | head -1 | sed 's/.*Version //')"
v_shoal="$(java -jar "$jar" --version 2>/dev/null | head -1 | sed 's/^shoal //' || echo '?')"
short() { sed -E 's/^([0-9]+\.[0-9]+).*/\1/' <<<"$1"; }

echo "date: $(date -u '+%F %H:%M UTC'); kernel $(uname -r); $(nproc) cores; load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "versions: haproxy $v_haproxy, varnish $v_varnish, nginx $v_nginx, squid $v_squid, shoal $v_shoal (java $java_version), $(wrk -v 2>&1 | head -1 | awk '{ print $1, $2 }')"
echo "command: WARMUP=$warmup SHOAL_JAVA_OPTS='$node_opts' bench/scripts/node-vs-peers.sh $duration"
echo "load: for each server and file, wrk -t1 -c$conns -d$warmup URL (warm-up), then wrk -t1 -c$conns -d$duration --latency URL"

names=(haproxy varnish nginx squid static shoal)
declare -A port=([haproxy]=$haproxy_port [varnish]=$varnish_port [nginx]=$nginx_port [squid]=$squid_port
  [static]=$static_port [shoal]=$node_port)
declare -A label=([haproxy]="HAProxy $(short "$v_haproxy") cache" [varnish]="Varnish $(short "$v_varnish")"
  [nginx]="nginx $(short "$v_nginx") proxy_cache" [squid]="Squid $(short "$v_squid")"
  [static]="nginx serving the file itself (the origin)" [shoal]="**Shoal node**")
: > "$work/results"; : > "$work/notes"
for name in "${names[@]}"; do
  origin=""; [ "$name" = static ] && origin=origin
  measure "$name" 1k "${port[$name]}" 1k.bin $origin
  measure "$name" 100k "${port[$name]}" 100k.bin $origin
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
echo

labels="$(for name in "${names[@]}"; do echo "$name ${label[$name]}"; done)"
awk -v labels="$labels" '
  function commas(n,   s) { s = sprintf("%d", n + 0.5); while (s ~ /[0-9][0-9][0-9][0-9]/) sub(/[0-9][0-9][0-9]($|,)/, ",&", s); return s }
  function ratio(a, b) { return b > 0 ? sprintf(" (%.2fx)", a / b) : "" }
  BEGIN { n = split(labels, lines, "\n"); for (i = 1; i <= n; i++) { k = lines[i]; sub(/ .*/, "", k); l = lines[i]; sub(/^[^ ]+ /, "", l); order[i] = k; name[k] = l } }
  $3 == "failed:" { r = $0; sub(/^[^ ]+ [^ ]+ /, "", r); failed[$1, $2] = r; next }
  { rps[$1, $2] = $3; p99[$1, $2] = $4 }
  END {
    print "| server | 1 KB req/s | 1 KB p99 | 100 KB req/s | 100 KB p99 |"
    print "|---|---|---|---|---|"
    for (i = 1; i <= n; i++) {
      k = order[i]; bold = name[k] ~ /^\*\*/ ? "**" : ""; row = "| " name[k]
      for (s = 1; s <= 2; s++) {
        size = s == 1 ? "1k" : "100k"; base = s == 1 ? "haproxy" : "static"
        if ((k, size) in failed) { row = row " | " failed[k, size] " | -"; continue }
        row = row sprintf(" | %s%s%s%s | %s%.2f ms%s%s", bold, commas(rps[k, size]), bold, ratio(rps[k, size], rps[base, size]),
          bold, p99[k, size], bold, ratio(p99[k, size], p99[base, size]))
      }
      print row " |"
    }
    print "\nRatios in brackets: 1 KB to HAProxy'"'"'s cache, 100 KB to nginx serving the file itself."
  }' "$work/results"
[ ! -s "$work/notes" ] || { echo; cat "$work/notes"; }
