#!/usr/bin/env bash
# Benchmarks of the cluster (numbers go to l7-router/README.md; never a timed test):
#   (1) the forward hop: 1 KB GETs through node-1 of a 4-node cluster, one URL that node-1 owns
#       (a hit served where it is received) vs one owned by another node (a hit one forward hop
#       away); wrk -t1 -c1, alternating rounds; p50/p99 from wrk --latency.
#   (2) aggregate hit throughput: 100 cached 1 KB URLs, four wrk -t1 -c16 at once, each through a
#       different node of the 4-node cluster (3/4 of the requests are forwarded), vs the same four
#       wrk all through one single node (cluster off) where every request is a local hit.
# The origin is nginx serving static files (reverse-proxy mode); every URL is warmed first, and the
# origin's access log shows whether any request of a run missed (printed as misses).
# Usage: l7-router/bench/cluster-bench.sh [duration, default 10s]   (installs nginx and wrk with apt-get)
#        SHOAL_JAR=path/shoal.jar to skip the build; NODE_JAVA_OPTS for each node's JVM.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
duration="${1:-10s}"
rounds="${ROUNDS:-2}"
node_opts="${NODE_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC}"
origin_port=28000; proxy_base=28101; admin_base=28201; cluster_base=28301

# shellcheck source=../../bench/scripts/lib.sh
. "$root/bench/scripts/lib.sh"
bench_install nginx wrk
bench_workdir
for i in $(seq 0 99); do head -c 1024 /dev/urandom > "$work/www/o$i"; done
bench_nginx_static_conf 3600 log
bench_start_nginx
origin_requests() { wc -l < "$work/logs/access.log"; }
bench_jar

start_cluster() {  # $1 = nodes, $2 = cluster.enabled
  local extra=()
  if [ "$2" = true ]; then
    java -jar "$jar" cluster --nodes "$1" --name "bench-$$" --base-port $proxy_base --admin-base-port $admin_base \
      --cluster-base-port $cluster_base --cache-size 64MB --java-opts "$node_opts" \
      --set proxy.reverse-origin=http://127.0.0.1:$origin_port --set proxy.allowed-destinations=127.0.0.1/32 \
      --set cluster.join-timeout=1s > "$work/cluster.log" 2>&1 &
    cluster_pid=$!
    pids+=("$cluster_pid")
    for _ in $(seq 1 300); do grep -q "Ctrl-C stops" "$work/cluster.log" && return; sleep 0.2; done
    cat "$work/cluster.log" >&2; echo "cluster did not start" >&2; exit 1
  fi
  java $node_opts -jar "$jar" node --id single --port $proxy_base --admin-port $admin_base --cache-size 64MB \
    --set proxy.host=127.0.0.1 --reverse "http://127.0.0.1:$origin_port" --set proxy.allowed-destinations=127.0.0.1/32 \
    > "$work/single.log" 2>&1 &
  cluster_pid=$!
  pids+=("$cluster_pid")
  for _ in $(seq 1 150); do curl -s -o /dev/null "http://127.0.0.1:$admin_base/health" && return; sleep 0.2; done
  echo "node did not start" >&2; exit 1
}
stop_cluster() { kill "$cluster_pid"; wait "$cluster_pid" 2>/dev/null || true; cluster_pid=""; }
owner() { curl -s -D - -o /dev/null "http://127.0.0.1:$proxy_base/$1" | tr -d '\r' | sed -n 's/^X-Cache: .* from //p'; }
warm() { for i in $(seq 0 99); do for n in $(seq 0 $(($1 - 1))); do curl -s -o /dev/null "http://127.0.0.1:$((proxy_base + n))/o$i"; done; done; }
latency() {  # $1 = path; prints "p50 p99" in ms
  wrk -t1 -c1 -d "$duration" --latency "http://127.0.0.1:$proxy_base/$1" > "$work/wrk.out"
  awk '/^ +50%/{p50=$2} /^ +99%/{p99=$2} END{print p50, p99}' "$work/wrk.out"
}
throughput() {  # four wrk -t1 -c16 at once, through nodes $@ (one port offset each); prints total req/s
  cat > "$work/paths.lua" <<'LUA'
local i = 0
init = function(args) i = tonumber(args[1]) or 0 end
request = function()
  i = i + 1
  return wrk.format("GET", "/o" .. (i % 100))
end
LUA
  local n=0 waits=()
  for off in "$@"; do
    wrk -t1 -c16 -d "$duration" -s "$work/paths.lua" "http://127.0.0.1:$((proxy_base + off))" -- $((n * 25)) > "$work/tp$n.out" &
    waits+=($!)
    n=$((n + 1))
  done
  wait "${waits[@]}"
  cat "$work"/tp*.out | awk '/^Requests\/sec/{s+=$2} END{printf "%.0f\n", s}'
  rm -f "$work"/tp*.out
}
warmup() {  # 10 s throughput runs through nodes $@: at least 4, then until two in a row stay within 3% of the best
  local best=0 flat=0 n=0 now
  while [ $n -lt 12 ]; do
    d="$duration"; duration=10s; now=$(throughput "$@"); duration="$d"
    n=$((n + 1))
    echo "  warm-up $n: $now req/s" >&2
    if [ $(( now * 100 )) -gt $(( best * 103 )) ]; then flat=0; else flat=$((flat + 1)); fi
    [ "$now" -gt "$best" ] && best=$now
    [ $n -ge 4 ] && [ $flat -ge 2 ] && return
  done
}
to_ms() { awk -v v="$1" 'BEGIN{ if (v ~ /us$/) {sub(/us$/,"",v); print v/1000} else if (v ~ /ms$/) {sub(/ms$/,"",v); print v} else {sub(/s$/,"",v); print v*1000} }'; }

echo "== 4-node cluster (separate node processes), strategy ketama, 1 KB objects, $duration per run"
start_cluster 4 true
warm 4
local_path=""; remote_path=""; remote_owner=""
for i in $(seq 0 99); do
  o="$(owner "o$i")"
  if [ "$o" = node-1 ] && [ -z "$local_path" ]; then local_path="o$i"; fi
  if [ "$o" != node-1 ] && [ -z "$remote_path" ]; then remote_path="o$i"; remote_owner="$o"; fi
done
echo "node-1 owns /$local_path; /$remote_path is owned by $remote_owner"
# Warm-up, not measured: four JVMs compile ~6,000 methods each under this load, and on two shared
# cores their C2 threads took a third of the CPU for the first minute (measured with perf).
d="$duration"; duration=5s; latency "$local_path" >/dev/null; latency "$remote_path" >/dev/null; duration="$d"
warmup 0 1 2 3
before=$(origin_requests)
for r in $(seq 1 "$rounds"); do
  read -r lp50 lp99 < <(latency "$local_path")
  read -r rp50 rp99 < <(latency "$remote_path")
  printf "round %d: hit on the receiving node p50 %s p99 %s | hit one hop away p50 %s p99 %s | hop adds p50 %.3f ms, p99 %.3f ms\n" \
    "$r" "$lp50" "$lp99" "$rp50" "$rp99" "$(echo "$(to_ms "$rp50") - $(to_ms "$lp50")" | bc -l)" "$(echo "$(to_ms "$rp99") - $(to_ms "$lp99")" | bc -l)"
done
echo "misses during the latency runs (origin requests): $(( $(origin_requests) - before ))"
before=$(origin_requests)
cluster_rps=$(throughput 0 1 2 3)
echo "4-node cluster, four wrk -t1 -c16 through node-1..4 (100 URLs): $cluster_rps req/s; misses: $(( $(origin_requests) - before ))"
stop_cluster

echo "== single node (cluster off)"
start_cluster 1 false
warm 1
warmup 0 0 0 0
before=$(origin_requests)
single_rps=$(throughput 0 0 0 0)
echo "single node, four wrk -t1 -c16 through it (100 URLs, all local hits): $single_rps req/s; misses: $(( $(origin_requests) - before ))"
stop_cluster
printf "aggregate ratio: cluster %s / single %s = %.2fx (target >= 0.6x)\n" "$cluster_rps" "$single_rps" "$(echo "$cluster_rps / $single_rps" | bc -l)"
