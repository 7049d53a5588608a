#!/usr/bin/env bash
# CPU per request of a forward hop, on each node (numbers go to l7-router/README.md; never a timed test).
# A 4-node cluster as cluster-bench.sh starts it, 100 cached 1 KB URLs; after a warm-up it runs, per round:
#   B: one wrk -t1 -c16 through node-1 with only URLs other nodes own (every request forwarded once);
#   L: one wrk -t1 -c16 through node-1 with only URLs node-1 owns (every request a local hit).
# For each node it prints CPU microseconds per request of the run: all threads, user and system, and its
# I/O threads alone (JIT compiler and GC threads apart). In B, node-1's is what the receiving node pays
# per forward and the sum of the others' what the owners pay; in L, node-1's is a local hit.
# Usage: l7-router/bench/forward-cost.sh [seconds per run, default 10]   (ROUNDS=2, WARM=6 warm-up runs of 10 s)
#        SHOAL_JAR=path/shoal.jar to skip the build; NODE_JAVA_OPTS for each node's JVM.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
dur="${1:-10}"
node_opts="${NODE_JAVA_OPTS:--Xms256m -Xmx256m -XX:+UseParallelGC}"
origin_port=28000; proxy_base=28101; admin_base=28201; cluster_base=28301

# shellcheck source=../../bench/scripts/lib.sh
. "$root/bench/scripts/lib.sh"
bench_install nginx wrk
bench_workdir
for i in $(seq 0 99); do head -c 1024 /dev/urandom > "$work/www/o$i"; done
bench_nginx_static_conf 3600
bench_start_nginx
bench_jar
tick=$(getconf CLK_TCK)

cpu() {  # $1 = pid: "all user system io" in clock ticks, summed over its threads
  local t all=0 user=0 sys=0 io=0 u s
  for t in /proc/"$1"/task/*; do
    read -r u s < <(sed 's/.*) //' "$t/stat" | awk '{print $12, $13}') || continue
    user=$((user + u)); sys=$((sys + s))
    case "$(cat "$t/comm" 2>/dev/null)" in *I/O*) io=$((io + u + s)) ;; esac
  done
  echo $((user + sys)) "$user" "$sys" "$io"
}
cat > "$work/paths.lua" <<'LUA'
local paths = {}
local i = 0
init = function(args) for p in string.gmatch(args[1], "[^,]+") do paths[#paths + 1] = p end end
request = function()
  i = i + 1
  return wrk.format("GET", "/" .. paths[(i % #paths) + 1])
end
LUA
run() {  # $1 = label, $2 = node-1's paths (comma-separated); measures the middle of the run
  local before=() after=() rps p n=0
  wrk -t1 -c16 -d "${dur}s" -s "$work/paths.lua" "http://127.0.0.1:$proxy_base" -- "$2" > "$work/wrk.out" &
  local w=$!
  sleep 1
  for p in "${nodes[@]}"; do before+=("$(cpu "$p")"); done
  local t0; t0=$(date +%s.%N)
  sleep $((dur - 2))
  local t1; t1=$(date +%s.%N)
  for p in "${nodes[@]}"; do after+=("$(cpu "$p")"); done
  wait "$w"
  rps=$(awk '/^Requests\/sec/{print $2}' "$work/wrk.out")
  echo "$1: $rps req/s"
  for p in "${nodes[@]}"; do
    read -r a au as ai <<<"${before[$n]}"; read -r b bu bs bi <<<"${after[$n]}"
    awk -v id="node-$((n + 1))" -v a="$a" -v b="$b" -v au="$au" -v bu="$bu" -v as="$as" -v bs="$bs" -v ai="$ai" -v bi="$bi" \
      -v tick="$tick" -v el="$(echo "$t1 - $t0" | bc -l)" -v rps="$rps" 'BEGIN {
        f = 1e6 / tick / el / rps
        printf "  %s: %.1f us per request (user %.1f, system %.1f; I/O threads %.1f)\n", id, (b-a)*f, (bu-au)*f, (bs-as)*f, (bi-ai)*f }'
    n=$((n + 1))
  done
}

java -jar "$jar" cluster --nodes 4 --name "cost-$$" --base-port $proxy_base --admin-base-port $admin_base \
  --cluster-base-port $cluster_base --cache-size 64MB --java-opts "$node_opts" \
  --set proxy.reverse-origin=http://127.0.0.1:$origin_port --set proxy.allowed-destinations=127.0.0.1/32 \
  --set cluster.join-timeout=1s > "$work/cluster.log" 2>&1 &
pids+=($!)
for _ in $(seq 1 300); do grep -q "Ctrl-C stops" "$work/cluster.log" 2>/dev/null && break; sleep 0.2; done
grep -q "Ctrl-C stops" "$work/cluster.log" || { cat "$work/cluster.log" >&2; echo "cluster did not start" >&2; exit 1; }
nodes=()
for n in 0 1 2 3; do nodes+=("$(pgrep -f -- "--port $((proxy_base + n)) --admin-port" | head -1)"); done
local_paths=""; remote_paths=""; all=""
for i in $(seq 0 99); do for n in 0 1 2 3; do curl -s -o /dev/null "http://127.0.0.1:$((proxy_base + n))/o$i"; done; done
for i in $(seq 0 99); do
  o="$(curl -s -D - -o /dev/null "http://127.0.0.1:$proxy_base/o$i" | tr -d '\r' | sed -n 's/^X-Cache: .* from //p')"
  if [ "$o" = node-1 ]; then local_paths+="o$i,"; else remote_paths+="o$i,"; fi
  all+="o$i,"
done
echo "== 4-node cluster, strategy ketama, 1 KB hits; node-1 owns $(echo "$local_paths" | tr -cd , | wc -c) of 100 URLs"
# Warm-up, not measured: all four nodes receive and forward (the JITs compile what both paths need).
for k in $(seq 1 "${WARM:-6}"); do
  loads=()
  for n in 0 1 2 3; do
    wrk -t1 -c16 -d 10s -s "$work/paths.lua" "http://127.0.0.1:$((proxy_base + n))" -- "$all" > /dev/null &
    loads+=($!)
  done
  wait "${loads[@]}"
done
for r in $(seq 1 "${ROUNDS:-2}"); do
  run "round $r, B: through node-1, every request forwarded to its owner" "$remote_paths"
  run "round $r, L: through node-1, every request a local hit" "$local_paths"
done
