#!/usr/bin/env bash
# How fast is the replay client itself? `shoal bench replay` against a trivial server (nginx
# answering every path with 1 KB from memory, `return 200`), then the same 1 KB trace through one
# shoal node (nginx as its origin, every request a hit after the first 1,000). The client must
# sustain >= 3x what the node serves. wrk against the same nginx gives a C client's number for
# scale. Everything runs on this machine's cores, so the client, nginx and the node compete.
# Prints the rates, CPU per request over each whole replay (the client's JVM start and JIT
# included) and the same in the steady state (5 s after the start to 1 s before the end).
# Usage: bench/scripts/replay-client-limit.sh [duration, default 10s]   (installs nginx, wrk)
#        SHOAL_JAR=path/shoal.jar to skip the build; SHOAL_JAVA_OPTS for the node's JVM;
#        CONNECTIONS (default 63), NGINX_WORKERS (default 1).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-10s}"
conns="${CONNECTIONS:-63}"
workers="${NGINX_WORKERS:-1}"
nginx_port=18101; node_port=18102; admin_port=18103

source "$root/bench/scripts/lib.sh"
bench_install nginx wrk curl
bench_jar
bench_workdir
chmod 755 "$work"

body="$(head -c 1024 /dev/zero | tr '\0' 'x')"
cat > "$work/nginx.conf" <<CONF
worker_processes $workers;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  keepalive_requests 10000000;
  default_type text/html;
  server {
    listen 127.0.0.1:$nginx_port;
    location / {
      add_header Cache-Control "max-age=3600" always;
      add_header X-Cache "HIT from nginx" always;
      return 200 "$body";
    }
  }
}
CONF
nginx -c "$work/nginx.conf"
code="$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$nginx_port/o/1024/1.html")"
[ "$code" = 200 ] || { echo "nginx answered $code, not 200" >&2; exit 1; }

# 1,000 objects of 1 KB, 3 million requests (more than any run here sends).
awk 'BEGIN { for (i = 0; i < 3000000; i++) printf "/%d.html 1024\n", i % 1000 }' > "$work/1k.urls"

replay() { # label proxy [more args]
  local label="$1" proxy="$2"; shift 2
  java ${REPLAY_JAVA_OPTS:-} -jar "$jar" bench replay --label "$label" --proxy "$proxy" \
    --trace "urls:$work/1k.urls" --connections "$conns" --keep-alive --warmup 3s \
    --duration "$duration" --format csv "$@" 2>/dev/null
}
proc_cpu() { awk '{ print ($14 + $15) / 100 }' "/proc/$1/stat"; }
cpu_seconds() { # the children's user + system seconds from the output of `times`
  tail -1 "$1" | awk '{ split($1, u, /[ms]/); split($2, s, /[ms]/); print u[1] * 60 + u[2] + s[1] * 60 + s[2] }'
}
# cpu-file server-pid label proxy [more args]: replay (its CSV on stdout), the client's CPU seconds
# (start-up and JIT included) into cpu-file, and into cpu-file.steady "client-s server-s seconds":
# both processes' CPU from 5 s after the start to 1 s before the end (no start-up, no warm-up).
cpu_replay() {
  local f="$1" server="$2"; shift 2
  ( replay "$@"; times >"$f.raw" ) &
  local sub=$! client="" c1 s1 t1
  sleep 5
  client="$(pgrep -P "$sub" -x java || true)"
  if [ -n "$client" ] && [[ "$duration" =~ ^[0-9]+s$ ]] && [ "${duration%s}" -ge 4 ]; then
    c1="$(proc_cpu "$client")"; s1="$(proc_cpu "$server")"; t1="$(date +%s.%N)"
    sleep $(( ${duration%s} + 3 - 5 - 1 ))
    echo "$(proc_cpu "$client") $c1 $(proc_cpu "$server") $s1 $(date +%s.%N) $t1" |
      awk '{ print $1 - $2, $3 - $4, $5 - $6 }' >"$f.steady"
  fi
  wait "$sub"
  cpu_seconds "$f.raw" >"$f"
}
field() { # csv column
  awk -F, -v col="$2" 'NR == 1 { for (i = 1; i <= NF; i++) if ($i == col) c = i } NR == 2 { print $c }' <<<"$1"
}

echo "machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
client="$(cpu_replay "$work/client.cpu" "$(pgrep -P "$(cat "$work/nginx.pid")" | head -1)" client-vs-nginx "http://127.0.0.1:$nginx_port" \
  --origin "http://127.0.0.1:$nginx_port")"
wrk_all="$( (wrk -t2 -c"$conns" -d"$duration" "http://127.0.0.1:$nginx_port/o/1024/1.html"; times >"$work/wrk.raw") )"
wrk_out="$(awk '/Requests\/sec/ { print $2 }' <<<"$wrk_all")"
wrk_us="$(awk -v cpu="$(cpu_seconds "$work/wrk.raw")" '/requests in/ { printf "%.1f", cpu * 1e6 / $1 }' <<<"$wrk_all")"

java ${SHOAL_JAVA_OPTS:--Xms512m -Xmx1g} -jar "$jar" node --port "$node_port" --admin-port "$admin_port" \
  --id limit-node --set proxy.host=127.0.0.1 --set proxy.allowed-destinations=127.0.0.0/8 \
  --cache-size 256MB >"$work/node.log" 2>&1 &
pids+=($!)
bench_wait_http "http://127.0.0.1:$admin_port/health"
node_cpu0="$(proc_cpu "${pids[0]}")"
node="$(cpu_replay "$work/client2.cpu" "${pids[0]}" node "http://127.0.0.1:$node_port" --origin "http://127.0.0.1:$nginx_port" \
  --status "http://127.0.0.1:$admin_port/status")"
node_cpu1="$(proc_cpu "${pids[0]}")"

c_rate="$(field "$client" requests_per_s)"; n_rate="$(field "$node" requests_per_s)"
printf '%-34s %12s %10s %10s %8s\n' run requests/s p50_ms p99_ms errors
printf '%-34s %12s %10s %10s %8s\n' "replay client -> nginx (1 KB)" "$c_rate" \
  "$(field "$client" latency_p50_ms)" "$(field "$client" latency_p99_ms)" "$(field "$client" errors)"
printf '%-34s %12s   (wrk CPU %s us per request)\n' "wrk -t2 -> nginx (1 KB)" "$wrk_out" "$wrk_us"
printf '%-34s %12s %10s %10s %8s   hit ratio %s\n' "replay client -> shoal node (1 KB)" "$n_rate" \
  "$(field "$node" latency_p50_ms)" "$(field "$node" latency_p99_ms)" "$(field "$node" errors)" \
  "$(field "$node" hit_ratio)"
awk -v c="$c_rate" -v n="$n_rate" 'BEGIN { r = c / n; printf "client / node = %.2fx (target >= 3x: %s)\n", r, (r >= 3 ? "met" : "MISSED") }'
# CPU per request, warm-up included; the client's includes its JVM start and JIT warm-up.
c_n=$(( $(field "$client" requests) + $(field "$client" warmup_requests) ))
n_n=$(( $(field "$node" requests) + $(field "$node" warmup_requests) ))
awk -v cc="$(cat "$work/client.cpu")" -v cn="$c_n" -v nc0="$node_cpu0" -v nc1="$node_cpu1" -v nn="$n_n" -v c2="$(cat "$work/client2.cpu")" 'BEGIN {
  cu = cc * 1e6 / cn; nu = (nc1 - nc0) * 1e6 / nn; c2u = c2 * 1e6 / nn
  printf "CPU per request: client %.1f us (vs nginx), %.1f us (vs node); node %.1f us; node / client = %.2fx (target >= 3x: %s)\n", cu, c2u, nu, nu / c2u, (nu / c2u >= 3 ? "met" : "MISSED")
}'
steady() { # cpu-file csv: "client-us server-us" per request in the steady window, or nothing
  [ -s "$1.steady" ] && awk -v rate="$(field "$2" requests_per_s)" '{ n = rate * $3; printf "%.1f %.1f", $1 * 1e6 / n, $2 * 1e6 / n }' "$1.steady"
}
read -r sc_n sn_n <<<"$(steady "$work/client.cpu" "$client")" || true
read -r sc sn <<<"$(steady "$work/client2.cpu" "$node")" || true
if [ -n "${sc:-}" ]; then
  awk -v cn="$sc_n" -v ng="$sn_n" -v c="$sc" -v n="$sn" 'BEGIN {
    printf "steady state (5 s after start to 1 s before the end): client %.1f us (vs nginx; nginx %.1f us), %.1f us (vs node); node %.1f us; node / client = %.2fx\n", cn, ng, c, n, n / c }'
fi
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"
