package io.shoal.bench.testbed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class CpuGroupsTest {
  @Test
  void findsTheV1CpuControllerAndAcctMountedApart() {
    CpuGroups.Hierarchy h = CpuGroups.find(List.of(
        "tmpfs /sys/fs/cgroup tmpfs rw,relatime,mode=755 0 0",
        "cgroup /sys/fs/cgroup/cpu cgroup rw,relatime,cpu 0 0",
        "cgroup /sys/fs/cgroup/cpuacct cgroup rw,relatime,cpuacct 0 0",
        "cgroup2 /sys/fs/cgroup/unified cgroup2 rw,relatime 0 0"));
    assertThat(h).isEqualTo(new CpuGroups.Hierarchy(false, Path.of("/sys/fs/cgroup/cpu"), Path.of("/sys/fs/cgroup/cpuacct")));
    assertThat(h.roots()).containsExactly(Path.of("/sys/fs/cgroup/cpu"), Path.of("/sys/fs/cgroup/cpuacct"));
  }

  @Test
  void findsTheV1CpuControllerCoMountedWithAcct() {
    CpuGroups.Hierarchy h = CpuGroups.find(List.of("cgroup /sys/fs/cgroup/cpu,cpuacct cgroup rw,cpu,cpuacct 0 0"));
    assertThat(h.roots()).containsExactly(Path.of("/sys/fs/cgroup/cpu,cpuacct"));
    assertThat(h.v2()).isFalse();
  }

  @Test
  void withoutACpuControllerThereIsNone() {
    assertThat(CpuGroups.find(List.of("cgroup /sys/fs/cgroup/memory cgroup rw,memory 0 0",
        "cgroup /sys/fs/cgroup/cpuset cgroup rw,cpuset 0 0"))).isNull();
    assertThat(CpuGroups.find(List.of())).isNull();
  }

  @Test
  void aRunIsLiveWhileItsOwnerProcessRuns() {
    assertThat(CpuGroups.isLiveRun(Long.toString(ProcessHandle.current().pid()))).isTrue();
    assertThat(CpuGroups.isLiveRun("not-a-pid")).isFalse();
    assertThat(CpuGroups.isLiveRun(Long.toString(Long.MAX_VALUE / 2))).isFalse();
  }

  @Test
  void theMachineIsBusyAtLeastWhileThisTestSpins() {
    long before = CpuGroups.machineBusyNanos();
    long end = System.nanoTime() + 200_000_000L;
    long x = 0;
    while (System.nanoTime() < end) {
      x += System.nanoTime() % 7;
    }
    assertThat(x).isPositive();
    assertThat(CpuGroups.machineBusyNanos() - before).as("busy nanoseconds of all cores").isGreaterThan(100_000_000L);
  }
}
