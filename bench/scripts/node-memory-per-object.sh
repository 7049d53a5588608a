#!/usr/bin/env bash
# Memory per stored object: an in-process shoal node (forward proxy, cache.size 2GB) is filled
# over HTTP with N distinct 1 KB objects from the bench origin; the live heap after full GCs with
# the cache full, minus that of the empty node, over N, minus the 1 KB body, is the overhead per
# object (target: <= 256 B). Prints the reading and the classes whose instances grew most.
# Usage: bench/scripts/node-memory-per-object.sh [N, default 1000000] [cache.size, default 2GB]
#        SHOAL_JAR=path/shoal.jar to skip the build; SHOAL_JAVA_OPTS for the JVM
#        (default -Xms6g -Xmx6g -XX:+UseSerialGC: System.gc() must be a full compaction; 1M objects take ~2.4 GB live).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
objects="${1:-1000000}"
cache_size="${2:-2GB}"
opts="${SHOAL_JAVA_OPTS:--Xms6g -Xmx6g -XX:+UseSerialGC}"

source "$root/bench/scripts/lib.sh"
bench_jar

cmd="java $opts -cp $jar io.shoal.bench.memory.CacheMemory $objects $cache_size"
echo "machine: $(nproc) cores, $(free -g | awk '/^Mem:/ {print $2}') GB; $(java -version 2>&1 | head -1); $(date -u +%F)"
echo "command: $cmd"
# shellcheck disable=SC2086 # $opts is a list of JVM options
exec java $opts -cp "$jar" io.shoal.bench.memory.CacheMemory "$objects" "$cache_size"
