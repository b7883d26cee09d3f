package netlab.kernel.grading;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.text.Normalizer;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.nio.file.LinkOption;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import netlab.kernel.jshell.EngineOptions;
import netlab.kernel.notebook.Notebook;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * Grades a class: every student directory of {@code SUBMISSIONS_DIR} against every lesson, {@code jobs}
 * submissions at a time, each in its own engine, with {@code jobs} more engines starting ahead
 * ({@link GradingAgents}). Layout: {@code SUBMISSIONS_DIR/<student>/<notebook>.ipynb},
 * where {@code <notebook>} is the file name of a lesson source; a student without that file gets 0 for it.
 * The results directory may sit among the students (the classroom image's example writes to
 * {@code /submissions/graded}): it is not a student.
 */
public final class BatchGrader {

    /** One lesson: its file name, plan, and the language its students read unless their notebook says. */
    public record Lesson(String fileName, SourcePlan plan, Lang lang) {
    }

    private final List<Lesson> lessons;
    private final GraderClasses classes;
    private final EngineOptions options;
    private final GradingLimits limits;
    private final int jobs;
    private final AgentClasspath files;
    private final List<NotebookGrade> done = java.util.Collections.synchronizedList(new ArrayList<>());

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

    /** A student: the name grades go under (NFC) and the folder graded. */
    public record Student(String name, Path dir) {
    }

    /** Something in the submissions folder that is not graded, and why (for the teacher). */
    public record Skipped(String path, String reason) {
    }

    /** Who is graded, and what else lies in the submissions folder. */
    public record Roster(List<Student> students, List<Skipped> skipped) {
    }

    /** The language a lesson's students read unless their notebook says: the lesson's own, else English. */
    public static Lang language(Notebook lesson) {
        return lesson.language().orElse(Lang.EN);
    }

    /**
     * The students of {@code submissions}, sorted by name: every real directory but {@code results} (where the
     * grades go, which need not exist yet). Names are taken in NFC, so "José" typed on a Mac and on Windows is one
     * name; a second folder with the same name gets " (2)" and a note. Everything else is listed with the reason:
     * hidden folders, folders that are symbolic links (never followed), loose files, notebooks inside a student's
     * folder that are not named as a lesson.
     */
    public static Roster roster(Path submissions, Path results, List<String> lessonNames) throws IOException {
        Path out = results.toAbsolutePath().normalize();
        List<Path> entries;
        try (Stream<Path> s = Files.list(submissions)) {
            entries = s.sorted().toList();
        }
        List<Student> students = new ArrayList<>();
        List<Skipped> skipped = new ArrayList<>();
        Set<String> names = new HashSet<>();
        for (Path p : entries) {
            String raw = p.getFileName().toString();
            String name = Normalizer.normalize(raw, Normalizer.Form.NFC);
            if (Files.isSymbolicLink(p)) {
                skipped.add(new Skipped(raw, Text.of("teacher.roster.symlink")));
            } else if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                skipped.add(new Skipped(raw, raw.endsWith(".ipynb")
                        ? Text.of("teacher.roster.loose", raw) : Text.of("teacher.roster.notFolder")));
            } else if (sameDirectory(p, out)) {
                continue; // where the grades go
            } else if (raw.startsWith(".")) {
                skipped.add(new Skipped(raw + "/", Text.of("teacher.roster.hidden")));
            } else {
                String unique = name;
                for (int n = 2; !names.add(unique); n++) {
                    unique = name + " (" + n + ")";
                }
                if (!unique.equals(name)) {
                    skipped.add(new Skipped(raw + "/", Text.of("teacher.roster.sameName", unique)));
                }
                students.add(new Student(unique, p));
                try (Stream<Path> files = Files.list(p)) {
                    files.map(f -> f.getFileName().toString()).sorted()
                            .filter(f -> f.endsWith(".ipynb") && !lessonNames.contains(f))
                            .forEach(f -> skipped.add(new Skipped(raw + "/" + f, Text.of("teacher.roster.notLesson",
                                    String.join(", ", lessonNames)))));
                }
            }
        }
        return new Roster(students, skipped);
    }

    /**
     * The grades finished so far, in the order of {@code students} and lessons (what a batch stopped by a signal
     * writes); those not yet graded are left out.
     */
    public List<NotebookGrade> finished(List<Student> students) {
        List<NotebookGrade> graded;
        synchronized (done) {
            graded = new ArrayList<>(done);
        }
        List<NotebookGrade> ordered = new ArrayList<>();
        for (Student s : students) {
            for (Lesson l : lessons) {
                graded.stream().filter(g -> g.student().equals(s.name()) && g.notebook().equals(l.fileName()))
                        .findFirst().ifPresent(ordered::add);
            }
        }
        return ordered;
    }

    private static boolean sameDirectory(Path dir, Path other) {
        try {
            return Files.exists(other) ? Files.isSameFile(dir, other) : dir.toAbsolutePath().normalize().equals(other);
        } catch (IOException e) {
            return false;
        }
    }

    /**
     * {@code grading}'s grade, or when it throws anything at all (an Error too), the grader-problem grade of that
     * one submission, with what went wrong told to {@code teacher}: one submission never ends the batch.
     */
    static NotebookGrade guarded(String student, Lesson lesson, java.util.function.Consumer<String> teacher,
                                 java.util.function.Supplier<NotebookGrade> grading) {
        try {
            return grading.get();
        } catch (Throwable t) {
            String where = student + "/" + lesson.fileName();
            teacher.accept(t instanceof OutOfMemoryError ? Text.of("teacher.grade.outOfMemory", where, t.getMessage())
                    : Text.of("teacher.grade.failed", where, t));
            return SubmissionGrader.graderProblem(student, lesson.fileName(), lesson.plan(), lesson.lang());
        }
    }

    private final AtomicInteger triedAgents = new AtomicInteger();
    private final AtomicInteger agentsNotStarted = new AtomicInteger();

    /**
     * Whether no submission that needed an agent got one: every agent failed to start, which is the setup's
     * fault (the heap, the sandbox, the JDK), not the students'; one student's answer cannot cause it for all.
     */
    public boolean noAgentStarted() {
        return triedAgents.get() > 0 && agentsNotStarted.get() == triedAgents.get();
    }

    /** Grades everything, printing one progress line per submission; results in student, lesson order. */
    public List<NotebookGrade> grade(List<Student> students, PrintStream progress) throws IOException, InterruptedException {
        int total = students.size() * lessons.size();
        AtomicInteger finished = new AtomicInteger();
        List<Future<NotebookGrade>> futures = new ArrayList<>();
        try (GradingAgents agents = new GradingAgents(options, limits, jobs, files,
                     notice -> progress.println("netlab grade: " + Text.of("teacher.grade.warning", notice)));
             ExecutorService pool = Executors.newFixedThreadPool(jobs)) {
            for (Student student : students) {
                for (Lesson lesson : lessons) {
                    String name = student.name();
                    futures.add(pool.submit(() -> {
                        java.util.function.Consumer<String> teacher = teacherNote -> {
                            synchronized (progress) {
                                progress.println("netlab grade: " + teacherNote);
                            }
                        };
                        SubmissionGrader grader = new SubmissionGrader(lesson.plan(), classes, agents, limits, lesson.lang(),
                                teacher);
                        NotebookGrade g = guarded(name, lesson, teacher,
                                () -> grader.grade(name, lesson.fileName(), student.dir().resolve(lesson.fileName())));
                        if (grader.triedAgent()) {
                            triedAgents.incrementAndGet();
                            if (grader.agentDidNotStart()) {
                                agentsNotStarted.incrementAndGet();
                            }
                        }
                        synchronized (progress) {
                            progress.println(Text.of("teacher.grade.progress", finished.incrementAndGet(), total,
                                    name + "/" + lesson.fileName(), GradeReports.number(g.score()),
                                    GradeReports.number(g.possible()), String.format("%.1f", g.seconds()))
                                    + (!g.reason().isEmpty() ? " (" + g.status() + ": " + g.reason() + ")"
                                            : g.warnings().isEmpty() ? "" : " (" + Text.of("cli.warnings", g.warnings().size()) + ")"));
                        }
                        done.add(g);
                        return g;
                    }));
                }
            }
            List<NotebookGrade> grades = new ArrayList<>();
            for (Future<NotebookGrade> f : futures) {
                try {
                    grades.add(f.get());
                } catch (ExecutionException e) {
                    // guarded() answers for every Throwable of a submission: this is the pool's own failure
                    throw new IOException("grading failed: " + e.getCause(), e.getCause());
                }
            }
            return grades;
        }
    }
}
