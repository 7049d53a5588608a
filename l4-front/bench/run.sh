#!/usr/bin/env bash
# Front benchmark: wrk to an nginx origin directly, through 'shoal front', and through HAProxy mode tcp,
# for 1 KB and 100 KB responses in one run.
# Needs: wrk, haproxy, nginx (apt-get install -y wrk haproxy nginx-light). Usage: l4-front/bench/run.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/../.."
secs="${1:-10}"
jar="$PWD/cli/target/shoal.jar"
# Build cli/target/shoal.jar once if sources changed; the runs below use that jar.
./shoal --version >/dev/null || { [ -f "$jar" ] && echo "warning: rebuild failed; using the existing $jar" >&2; }
work="$(mktemp -d)"
pids=()
trap 'kill "${pids[@]}" 2>/dev/null || true; wait 2>/dev/null || true; rm -rf "$work"' EXIT
head -c 1024 /dev/urandom >"$work/1024"
head -c 102400 /dev/urandom >"$work/102400"
cat >"$work/nginx.conf" <<CONF
worker_processes 1;
pid $work/nginx.pid;
error_log $work/error.log warn;
events { worker_connections 4096; }
http {
  access_log off;
  sendfile on;
  tcp_nopush on;
  keepalive_requests 1000000;
  keepalive_timeout 60s;
  client_body_temp_path $work; proxy_temp_path $work; fastcgi_temp_path $work; uwsgi_temp_path $work; scgi_temp_path $work;
  server { listen 127.0.0.1:18080; root $work; }
}
CONF
nginx -c "$work/nginx.conf" -p "$work" -g 'daemon off;' & pids+=($!)
java -jar "$jar" front --listen 127.0.0.1:18081 --nodes 127.0.0.1:18080 >/dev/null & pids+=($!)
printf 'defaults\n  mode tcp\n  timeout connect 5s\n  timeout client 60s\n  timeout server 60s\nlisten f\n  bind 127.0.0.1:18082\n  server n 127.0.0.1:18080\n' >"$work/haproxy.cfg"
haproxy -f "$work/haproxy.cfg" & pids+=($!)
sleep 3
echo "origin: nginx $(nginx -v 2>&1 | sed 's/.*\///'), 1 worker; front: shoal front (epoll, copy relay); wrk -t2 -c64 -d${secs}s; $(nproc) cores"
for size in 1024 102400; do
  for target in "direct 18080" "shoal-front 18081" "haproxy-tcp 18082"; do
    set -- $target
    wrk -t2 -c64 -d"${secs}s" "http://127.0.0.1:$2/$size" >/dev/null  # warm-up
    printf '%-12s %6s bytes: ' "$1" "$size"
    wrk -t2 -c64 -d"${secs}s" "http://127.0.0.1:$2/$size" | grep -E 'Requests/sec|Transfer/sec|Non-2xx|errors' | tr -s ' \n' ' '
    echo
  done
done
