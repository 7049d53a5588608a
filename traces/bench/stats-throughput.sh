#!/usr/bin/env bash
# End-to-end throughput of `shoal trace stats` (JVM start-up included): the bundled BU 1998 trace
# and a generated 10-million-request Surge trace in each text format. Prints requests/s per run.
# Usage: traces/bench/stats-throughput.sh [WORKDIR]   (needs ~3 GB of free disk in WORKDIR)
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
shoal="$root/shoal"
dir="${1:-$(mktemp -d)}"
mkdir -p "$dir"

seconds() { date +%s.%N; }

run() { # SPEC: time one `shoal trace stats` and print requests/s
  local spec="$1" start end requests
  start=$(seconds)
  requests=$(java -jar "$jar" trace stats --top 0 "$spec" | awk '/^requests/ { gsub(",", "", $2); print $2 }')
  end=$(seconds)
  awk -v s="$spec" -v n="$requests" -v a="$start" -v b="$end" \
    'BEGIN { printf "%-60s %12d requests %7.2f s %12.0f requests/s\n", s, n, b - a, n / (b - a) }'
}

"$shoal" trace formats >/dev/null # builds the jar if needed, outside the timings
jar="$dir/shoal.jar"
cp "$root/cli/target/shoal.jar" "$jar" # timed runs use this copy: no rebuild mid-run
if [ ! -f "$dir/surge-10m.tr" ]; then
  "$shoal" trace gen surge --files 100000 --requests 10000000 --seed 1 -o "webcachesim:$dir/surge-10m.tr"
  for f in squid combined urls; do
    "$shoal" trace convert "webcachesim:$dir/surge-10m.tr" -o "$f:$dir/surge-10m.$f"
  done
fi

run "webcachesim:classpath:bu-1998-webcachesim.tr.gz"
run "webcachesim:$dir/surge-10m.tr"
for f in squid combined urls; do
  run "$f:$dir/surge-10m.$f"
done
