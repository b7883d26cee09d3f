package netlab.kernel.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import netlab.kernel.notebook.Cell;
import netlab.kernel.notebook.NetlabCell;
import netlab.kernel.notebook.Notebook;

/**
 * Runs notebooks with {@code netlab run} (the built jar, as a student or CI would), a few at a time: each run is
 * a kernel JVM and an agent JVM that spend most of their time waiting on loopback sockets, so two side by side
 * halve the wall time without crowding a small machine. Prints each notebook's wall time.
 */
final class HeadlessRuns {

    /** Runs at once. */
    static final int PARALLEL = 2;

    /** One {@code netlab run}: its exit status, its terminal output and the executed notebook. */
    record Run(Path notebook, int status, String output, Notebook executed) {

        /** The exercise ids of the notebook's check cells, in order. */
        List<String> checkedExercises() {
            List<String> ids = new ArrayList<>();
            for (Cell c : executed.cells()) {
                c.netlab().filter(n -> n.role() == NetlabCell.Role.CHECK).ifPresent(n -> ids.add(n.exercise()));
            }
            return ids;
        }

        String where() {
            return notebook + " (netlab run exit " + status + "):\n" + output;
        }
    }

    private HeadlessRuns() {
    }

    /** Runs every notebook in {@code notebooks}, writing executed copies under {@code out}; in the given order. */
    static List<Run> run(InstalledKernel kernel, List<Path> notebooks, Path root, Path out) throws Exception {
        return inParallel(notebooks.stream().<Callable<Run>>map(nb ->
                () -> runOne(kernel, nb, root.relativize(nb), out.resolve(root.relativize(nb)))).toList());
    }

    /** Runs {@code jobs} (each a netlab command's JVMs), {@value #PARALLEL} at a time; their results in order. */
    static <T> List<T> inParallel(List<Callable<T>> jobs) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(PARALLEL);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (Callable<T> job : jobs) {
                futures.add(pool.submit(job));
            }
            List<T> done = new ArrayList<>();
            for (Future<T> f : futures) {
                done.add(f.get());
            }
            return done;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Run runOne(InstalledKernel kernel, Path notebook, Path name, Path executed) throws Exception {
        Files.createDirectories(executed.getParent());
        long start = System.nanoTime();
        InstalledKernel.Result r = kernel.run(List.of(InstalledKernel.JAVA, "-jar", InstalledKernel.JAR, "run",
                notebook.toString(), "--out", executed.toString()), 300);
        double seconds = (System.nanoTime() - start) / 1e9;
        System.out.printf("netlab run %-45s %5.1f s  exit %d%n", name, seconds, r.status());
        Notebook nb = Files.isRegularFile(executed) ? Notebook.read(executed) : Notebook.read(notebook);
        return new Run(notebook, r.status(), r.output(), nb);
    }
}
