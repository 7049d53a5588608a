/**
 * Emulated hosts on one Linux machine for the paper bench: one network namespace per host on one
 * bridge ({@link io.shoal.bench.testbed.Network}), links shaped with {@code tc}, each host's
 * processes in a cgroup with a CPU quota ({@link io.shoal.bench.testbed.CpuGroups}), the checks
 * that say what is missing ({@link io.shoal.bench.testbed.Prerequisites}), and the clean-up of
 * what a killed run left behind. Everything here needs root.
 */
package io.shoal.bench.testbed;
