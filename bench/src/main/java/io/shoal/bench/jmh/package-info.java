/**
 * JMH microbenchmarks. Build with {@code mvn -pl bench -am package -DskipTests}, then run
 * {@code java -jar bench/target/benchmarks.jar <BenchmarkName>}; each class says its command.
 */
package io.shoal.bench.jmh;
