package vn.onestop.cluster;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * PostgreSQL's CPU time on this machine by kind of process (Linux {@code /proc}; benchmarks only): each live child of
 * the postmaster by what it is (the connections, autovacuum, the WAL writer, the checkpointer...), and the children
 * that have exited since the start (autovacuum workers mostly), which the kernel adds to the postmaster's
 * {@code cutime}/{@code cstime} once reaped. Empty where there is no {@code /proc}.
 */
final class PostgresCpu {

  private static final double TICKS_PER_SECOND = 100.0; // USER_HZ, 100 on every Linux we run on

  /** Seconds of CPU by kind of PostgreSQL process, now. */
  static Map<String, Double> of(JdbcTemplate jdbc) {
    Map<String, Double> seconds = new TreeMap<>();
    try {
      long backend = jdbc.queryForObject("select pg_backend_pid()", Long.class);
      long postmaster = Long.parseLong(stat(backend)[3]);
      String[] own = stat(postmaster);
      seconds.put("exited", (Long.parseLong(own[15]) + Long.parseLong(own[16])) / TICKS_PER_SECOND);
      try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
        for (Path process : processes.filter(p -> p.getFileName().toString().matches("\\d+")).toList()) {
          try {
            String[] fields = stat(Long.parseLong(process.getFileName().toString()));
            if (Long.parseLong(fields[3]) == postmaster) {
              String kind = kind(Files.readString(process.resolve("cmdline")).replace('\0', ' ').trim());
              seconds.merge(kind, (Long.parseLong(fields[13]) + Long.parseLong(fields[14])) / TICKS_PER_SECOND, Double::sum);
            }
          } catch (IOException | RuntimeException gone) {
            // the process ended while listed: its time is in "exited" next time
          }
        }
      }
    } catch (IOException | RuntimeException noProc) {
      return Map.of();
    }
    return seconds;
  }

  /** "connections 12.3 s | autovacuum 1.0 s | ..." - the CPU spent between two snapshots, biggest first. */
  static String delta(Map<String, Double> before, Map<String, Double> after) {
    Map<String, Double> spent = new TreeMap<>();
    after.forEach((kind, s) -> spent.put(kind, s - before.getOrDefault(kind, 0.0)));
    double total = spent.values().stream().mapToDouble(Double::doubleValue).sum();
    return String.format(Locale.ROOT, "total %.1f s | ", total) + spent.entrySet().stream()
        .filter(e -> e.getValue() >= 0.05)
        .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
        .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
        .collect(Collectors.joining(" | "));
  }

  private static String kind(String commandLine) {
    String title = commandLine.startsWith("postgres: ") ? commandLine.substring("postgres: ".length()) : commandLine;
    if (title.matches("\\S+ \\S+ (127\\.0\\.0\\.1|\\[local\\]|localhost|::1).*")) {
      return "connections";
    }
    return title.startsWith("autovacuum worker") ? "autovacuum worker" : title;
  }

  /** Fields of /proc/pid/stat after the command name (index 0 = pid, 1 = comm placeholder, 2 = state, 3 = ppid...). */
  private static String[] stat(long pid) throws IOException {
    String text = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
    String afterName = text.substring(text.lastIndexOf(')') + 2);
    String[] rest = afterName.split(" ");
    String[] fields = new String[rest.length + 2];
    fields[0] = Long.toString(pid);
    fields[1] = "comm";
    System.arraycopy(rest, 0, fields, 2, rest.length);
    return fields;
  }

  private PostgresCpu() {}
}
