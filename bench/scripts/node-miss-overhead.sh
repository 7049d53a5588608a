#!/usr/bin/env bash
# Miss overhead at low concurrency: the same unique-URL requests (always cache misses) sent
# (a) straight to an origin (nginx serving a 1 KB file) and (b) through a shoal node in reverse
# mode, one connection, keep-alive, side by side in one run. Prints mean / p50 / p99 latency of
# each and the difference (target: a miss adds <= 1 ms over a direct origin request).
# Usage: bench/scripts/node-miss-overhead.sh [duration, default 10s]   (installs nginx and wrk with apt-get)
#        SHOAL_JAR=path/shoal.jar to skip the build; SHOAL_JAVA_OPTS for the node's JVM; ROUNDS (default 3).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-10s}"
rounds="${ROUNDS:-3}"
origin_port=18010; node_port=18012; admin_port=18013

source "$root/bench/scripts/lib.sh"
bench_install nginx wrk curl
bench_workdir

head -c 1024 /dev/urandom > "$work/www/1k.bin"
bench_nginx_static_conf 3600
bench_start_nginx

bench_jar
bench_start_node "${SHOAL_JAVA_OPTS:--Xms512m -Xmx1g}" 256MB

cat > "$work/miss.lua" <<'LUA'
local counter = 0
math.randomseed(os.time())
request = function()
  counter = counter + 1
  return wrk.format("GET", "/1k.bin?miss=" .. counter .. "-" .. math.random(1, 1000000000))
end
done = function(summary, latency, requests)
  io.write(string.format("RESULT %.1f %.1f %.1f %d\n", latency.mean, latency:percentile(50),
    latency:percentile(99), summary.requests))
end
LUA

# one NAME URL: prints "NAME mean_us p50_us p99_us requests"
one() {
  local out; out="$(wrk -t1 -c1 -d"$duration" -s "$work/miss.lua" "$2" | awk '/^RESULT/ {print $2, $3, $4, $5}')"
  printf '%-16s mean %8.1f us   p50 %8.1f us   p99 %8.1f us   (%s requests)\n' "$1" $out
  echo "$1 $out" >> "$work/results"
}

echo "machine: $(nproc) cores; wrk -t1 -c1 -d$duration, unique URL per request; $rounds alternating rounds; $(date -u +%F)"
wrk -t1 -c4 -d3s -s "$work/miss.lua" "http://127.0.0.1:$node_port/" >/dev/null 2>&1 || true   # warm-up (JIT, pools)
for r in $(seq 1 "$rounds"); do
  one "origin direct" "http://127.0.0.1:$origin_port/"
  one "through shoal" "http://127.0.0.1:$node_port/"
done
awk '{ n = $1 " " $2; c[n]++; mean[n] += $3; p50[n] += $4; p99[n] += $5 }
  END {
    o = "origin direct"; s = "through shoal"
    printf "\naverage of %d rounds: origin mean %.1f us p50 %.1f p99 %.1f; shoal mean %.1f us p50 %.1f p99 %.1f\n", c[o],
      mean[o]/c[o], p50[o]/c[o], p99[o]/c[o], mean[s]/c[s], p50[s]/c[s], p99[s]/c[s]
    d = (mean[s]/c[s] - mean[o]/c[o]) / 1000
    printf "miss overhead: mean +%.3f ms, p50 +%.3f ms, p99 +%.3f ms (target <= 1 ms: %s)\n", d,
      (p50[s]/c[s] - p50[o]/c[o]) / 1000, (p99[s]/c[s] - p99[o]/c[o]) / 1000, d <= 1 ? "met" : "MISSED"
  }' "$work/results"
