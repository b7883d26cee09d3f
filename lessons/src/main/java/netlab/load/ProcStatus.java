package netlab.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * What Linux says of a set of processes in /proc: threads and resident memory (from {@code status}), CPU time (from
 * {@code stat}). The kernel's thread count includes the JVM's own (GC, compiler) and virtual threads' carriers;
 * virtual threads themselves are not OS threads and do not appear.
 */
record ProcStatus(int threads, long rssBytes, long cpuTicks) {

    /** Linux's USER_HZ: /proc counts CPU time in these ticks on every architecture Java runs on. */
    static final double TICKS_PER_SECOND = 100.0;

    static ProcStatus of(List<ProcessHandle> processes) {
        int threads = 0;
        long rss = 0;
        long ticks = 0;
        for (ProcessHandle p : processes) {
            Path dir = Path.of("/proc", String.valueOf(p.pid()));
            try {
                for (String line : Files.readAllLines(dir.resolve("status"))) {
                    if (line.startsWith("Threads:")) {
                        threads += Integer.parseInt(line.substring(8).strip());
                    } else if (line.startsWith("VmRSS:")) {
                        rss += Long.parseLong(line.substring(6).replace("kB", "").strip()) * 1024;
                    }
                }
                String stat = Files.readString(dir.resolve("stat"));
                // fields after the command name "(…)", which may hold spaces: state is field 3, utime 14, stime 15
                String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                ticks += Long.parseLong(f[11]) + Long.parseLong(f[12]);
            } catch (IOException | RuntimeException e) {
                // the process ended between listing and reading: it no longer counts
            }
        }
        return new ProcStatus(threads, rss, ticks);
    }
}
