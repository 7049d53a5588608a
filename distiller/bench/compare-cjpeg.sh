#!/usr/bin/env bash
# Compares the JPEG distiller with libjpeg-turbo's djpeg | cjpeg -quality 50 on the same synthetic
# images, in one run: JMH images/s per core for each profile and Huffman choice (standard or
# optimized tables), then djpeg|cjpeg images/s on one core (one pipeline at a time) without and with
# -optimize (the same two choices), and the size reduction of each. Run from the repository root as root:
#   distiller/bench/compare-cjpeg.sh [--quick]
# --quick: shorter JMH runs (1 warmup and 3 measurement iterations of 2 s).
set -euo pipefail
cd "$(dirname "$0")/../.."

if ! command -v cjpeg >/dev/null || ! command -v djpeg >/dev/null; then
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq libjpeg-turbo-progs >/dev/null
fi

jar=bench/target/benchmarks.jar
[[ -f $jar ]] || mvn -B -q -ntp -pl bench -am package -DskipTests
dir=$(mktemp -d)
trap 'rm -rf "$dir"' EXIT
java -cp "$jar" io.shoal.bench.jmh.DistillerBenchmark write "$dir/in"

echo "== machine: $(nproc) cores, load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "== Shoal distiller (JDK ImageIO), sizes"
java -cp "$jar" io.shoal.bench.jmh.DistillerBenchmark sizes

echo "== Shoal distiller, JMH, 1 thread (images/s per core)"
jmh=(-f 1 -t 1)
[[ ${1:-} == --quick ]] && jmh+=(-wi 1 -w 2 -i 3 -r 2)
java -jar "$jar" DistillerBenchmark "${jmh[@]}" 2>&1 | sed -n '/^Benchmark/,$p'

echo "== $(cjpeg -version 2>&1 | head -1)"
rounds=5
n=$(ls "$dir/in" | wc -l)
in=$(cat "$dir"/in/*.jpg | wc -c)
for huffman in standard optimized; do
  flag=(); [[ $huffman == optimized ]] && flag=(-optimize)
  rm -rf "$dir/out"; mkdir -p "$dir/out"
  start=$(date +%s.%N)
  for _ in $(seq $rounds); do
    for f in "$dir"/in/*.jpg; do
      djpeg "$f" | cjpeg -quality 50 "${flag[@]}" > "$dir/out/$(basename "$f")"
    done
  done
  end=$(date +%s.%N)
  out=$(cat "$dir"/out/*.jpg | wc -c)
  awk -v h="$huffman" -v cmd="cjpeg -quality 50 ${flag[*]}" -v n="$n" -v r="$rounds" -v s="$start" -v e="$end" \
      -v i="$in" -v o="$out" 'BEGIN {
    printf "huffman %s, djpeg | %s: %.1f images/s on one core (two processes per image, startup included)\n", h, cmd, n * r / (e - s);
    printf "  %d bytes -> %d bytes, %.1f%% of the original (-%.1f%%)\n", i, o, 100 * o / i, 100 - 100 * o / i }'
done
