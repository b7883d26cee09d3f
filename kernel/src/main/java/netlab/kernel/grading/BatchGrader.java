package netlab.kernel.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import netlab.kernel.jshell.EngineOptions;

/**
 * Grades a class: every student directory of {@code SUBMISSIONS_DIR} against every lesson, {@code jobs}
 * submissions at a time, each in its own engine, with {@code jobs} more engines starting ahead
 * ({@link GradingAgents}). Layout: {@code SUBMISSIONS_DIR/<student>/<notebook>.ipynb},
 * where {@code <notebook>} is the file name of a lesson source; a student without that file gets 0 for it.
 * The results directory may sit among the students (the classroom image's example writes to
 * {@code /submissions/graded}): it is not a student.
 */
public final class BatchGrader {

    /** One lesson: its file name and plan. */
    public record Lesson(String fileName, SourcePlan plan) {
    }

    private final List<Lesson> lessons;
    private final GraderClasses classes;
    private final EngineOptions options;
    private final GradingLimits limits;
    private final int jobs;
    private final AgentClasspath files;

    /** {@code files}: the agents' class path copy and scratch directories (see {@link GradingAgents}). */
    public BatchGrader(List<Lesson> lessons, GraderClasses classes, EngineOptions options, GradingLimits limits, int jobs,
                       AgentClasspath files) {
        this.lessons = List.copyOf(lessons);
        this.classes = classes;
        this.options = options;
        this.limits = limits;
        this.jobs = Math.max(1, jobs);
        this.files = files;
    }

    /**
     * The student directories of {@code submissions}, sorted by name: every directory but hidden ones and
     * {@code results} (where the grades go, which need not exist yet).
     */
    public static List<Path> students(Path submissions, Path results) throws IOException {
        Path out = results.toAbsolutePath().normalize();
        try (Stream<Path> s = Files.list(submissions)) {
            return s.filter(Files::isDirectory).filter(p -> !p.getFileName().toString().startsWith("."))
                    .filter(p -> !sameDirectory(p, out)).sorted().toList();
        }
    }

    private static boolean sameDirectory(Path dir, Path other) {
        try {
            return Files.exists(other) ? Files.isSameFile(dir, other) : dir.toAbsolutePath().normalize().equals(other);
        } catch (IOException e) {
            return false;
        }
    }

    /** Grades everything, printing one progress line per submission; results in student, lesson order. */
    public List<NotebookGrade> grade(List<Path> students, PrintStream progress) throws IOException, InterruptedException {
        int total = students.size() * lessons.size();
        AtomicInteger finished = new AtomicInteger();
        List<Future<NotebookGrade>> futures = new ArrayList<>();
        try (GradingAgents agents = new GradingAgents(options, limits, classes, jobs, files,
                     notice -> progress.println("netlab grade: warning: " + notice));
             ExecutorService pool = Executors.newFixedThreadPool(jobs)) {
            for (Path student : students) {
                for (Lesson lesson : lessons) {
                    String name = student.getFileName().toString();
                    futures.add(pool.submit(() -> {
                        SubmissionGrader grader = new SubmissionGrader(lesson.plan(), classes, agents, limits);
                        NotebookGrade g = grader.grade(name, lesson.fileName(), student.resolve(lesson.fileName()));
                        synchronized (progress) {
                            progress.printf("[%d/%d] %s/%s %s/%s points %.1f s%s%n", finished.incrementAndGet(), total,
                                    name, lesson.fileName(), GradeReports.number(g.score()),
                                    GradeReports.number(g.possible()), g.seconds(),
                                    !g.reason().isEmpty() ? " (" + g.status() + ": " + g.reason() + ")"
                                            : g.warnings().isEmpty() ? "" : " (" + g.warnings().size() + " warnings)");
                        }
                        return g;
                    }));
                }
            }
            List<NotebookGrade> grades = new ArrayList<>();
            for (Future<NotebookGrade> f : futures) {
                try {
                    grades.add(f.get());
                } catch (ExecutionException e) {
                    throw new IOException("grading failed: " + e.getCause(), e.getCause());
                }
            }
            return grades;
        }
    }
}
