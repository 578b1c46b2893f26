package vn.onestop.bench;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * CPU time used so far by this JVM and by the embedded PostgreSQL cluster of a data directory (its postmaster and the
 * backends it started), for the benchmarks' "CPU per lifecycle": on a saturated 2-core machine the throughput is the
 * inverse of this sum. Linux only ({@code /proc}); -1 where it cannot be read.
 */
final class CpuTime {

  /** USER_HZ, the unit of {@code /proc/[pid]/stat}'s times: 100 on every Linux this runs on. */
  private static final long TICK_NANOS = 10_000_000L;

  private final Path dataDirectory;

  CpuTime(Path dataDirectory) {
    this.dataDirectory = dataDirectory;
  }

  /** Nanoseconds of CPU used by this JVM: the application and the benchmark's own HTTP clients. */
  long jvm() {
    return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
        ? os.getProcessCpuTime() : -1;
  }

  /**
   * Nanoseconds of CPU used so far by this JVM's live threads, by kind: the name without its numbers
   * ({@code paper-worker-}, {@code http-nio-…-exec-}, the job executor's pool, this driver's clients).
   */
  static java.util.Map<String, Long> jvmThreads() {
    java.lang.management.ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    java.util.Map<String, Long> byKind = new java.util.TreeMap<>();
    for (java.lang.management.ThreadInfo info : threads.getThreadInfo(threads.getAllThreadIds())) {
      if (info != null) {
        long cpu = threads.getThreadCpuTime(info.getThreadId());
        if (cpu > 0) {
          byKind.merge(info.getThreadName().replaceAll("[0-9]+", "N"), cpu, Long::sum);
        }
      }
    }
    return byKind;
  }

  /** {@link #jvmThreads()} and {@link #vmThreads()} together: every thread of this JVM that used CPU, by kind. */
  static java.util.Map<String, Long> threads() {
    java.util.Map<String, Long> all = jvmThreads();
    all.putAll(vmThreads());
    return all;
  }

  /**
   * Nanoseconds of CPU used so far by the JVM's own native threads, by name ({@code C2 CompilerThre}, {@code GC Thread},
   * {@code VM Thread}): read from {@code /proc/self/task}, since the management beans see only Java threads and give the
   * compilers' elapsed time, not their CPU. Empty where {@code /proc} cannot be read.
   */
  static java.util.Map<String, Long> vmThreads() {
    java.util.Map<String, Long> byName = new java.util.TreeMap<>();
    try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
      for (Path task : (Iterable<Path>) tasks::iterator) {
        try {
          String name = Files.readString(task.resolve("comm")).trim();
          if (name.contains("Compiler") || name.startsWith("GC ") || name.startsWith("G1 ") || name.startsWith("VM ")) {
            long[] s = stat(task.resolve("stat"));
            if (s != null) {
              byName.merge("(" + name.replaceAll("[#0-9]+$", "") + ")", (s[1] + s[2]) * TICK_NANOS, Long::sum);
            }
          }
        } catch (IOException | RuntimeException gone) {
          // the thread ended between the listing and the read
        }
      }
    } catch (IOException | RuntimeException e) {
      return byName;
    }
    return byName;
  }

  /**
   * Milliseconds the JVM spent so far in garbage collection (wall time of its pauses) and in the JIT compilers, and the
   * number of classes it loaded.
   */
  static long[] gcAndJit() {
    long gc = 0;
    for (java.lang.management.GarbageCollectorMXBean b : ManagementFactory.getGarbageCollectorMXBeans()) {
      gc += Math.max(0, b.getCollectionTime());
    }
    java.lang.management.CompilationMXBean jit = ManagementFactory.getCompilationMXBean();
    return new long[] {gc, jit == null ? 0 : jit.getTotalCompilationTime(),
        ManagementFactory.getClassLoadingMXBean().getTotalLoadedClassCount()};
  }

  /** Nanoseconds of CPU used by the cluster: the postmaster, its live backends and those that ended. */
  long postgres() {
    try {
      long postmaster = Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid")).get(0).trim());
      long[] own = stat(postmaster);
      long ticks = own[1] + own[2] + own[3] + own[4];
      try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
        for (Path p : (Iterable<Path>) processes::iterator) {
          String name = p.getFileName().toString();
          if (name.chars().allMatch(Character::isDigit)) {
            long[] s = stat(Long.parseLong(name));
            if (s != null && s[0] == postmaster) {
              ticks += s[1] + s[2];
            }
          }
        }
      }
      return ticks * TICK_NANOS;
    } catch (IOException | RuntimeException e) {
      return -1;
    }
  }

  /** Parent pid, utime, stime, cutime, cstime of a process; null when it has gone. */
  private static long[] stat(long pid) {
    return stat(Path.of("/proc", Long.toString(pid), "stat"));
  }

  private static long[] stat(Path file) {
    try {
      String line = Files.readString(file);
      // the command name is in parentheses and may hold spaces: fields are counted after its closing one
      String[] f = line.substring(line.lastIndexOf(')') + 2).split(" ");
      return new long[] {Long.parseLong(f[1]), Long.parseLong(f[11]), Long.parseLong(f[12]), Long.parseLong(f[13]),
          Long.parseLong(f[14])};
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
