#!/usr/bin/env bash
# Front benchmark: wrk to a node directly, through 'shoal front', and through HAProxy mode tcp.
# Needs: wrk, haproxy (apt-get install -y wrk haproxy), and ./shoal built. Usage: l4-front/bench/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-10}"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true' EXIT
for size in 1024 102400; do
  java l4-front/bench/Origin.java 18080 "$size" & pids+=($!)
  ./shoal front --listen 127.0.0.1:18081 --nodes 127.0.0.1:18080 >/dev/null & pids+=($!)
  cfg="$(mktemp)"
  printf 'defaults\n  mode tcp\n  timeout connect 5s\n  timeout client 60s\n  timeout server 60s\nlisten f\n  bind 127.0.0.1:18082\n  server n 127.0.0.1:18080\n' >"$cfg"
  haproxy -f "$cfg" & pids+=($!)
  sleep 3
  for target in "direct 18080" "shoal-front 18081" "haproxy-tcp 18082"; do
    set -- $target
    wrk -t2 -c64 -d"${secs}s" "http://127.0.0.1:$2/" >/dev/null  # warm-up
    printf '%s %s bytes: ' "$1" "$size"
    wrk -t2 -c64 -d"${secs}s" "http://127.0.0.1:$2/" | grep -E 'Requests/sec|Transfer/sec' | tr -s ' \n' ' '
    echo
  done
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  pids=()
done
