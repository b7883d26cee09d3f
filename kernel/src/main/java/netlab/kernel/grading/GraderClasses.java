package netlab.kernel.grading;

import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import netlab.text.Lang;

/**
 * The lessons and the grader's hidden cases, loaded in the grading JVM through a class loader of their own
 * (netlab.jar does not contain the lessons): the grader asks it for the exercise ids, for the "not run"
 * report of each exercise, recorded before its check runs, and for the verdict on what the check saw in the
 * agent ({@link #judge}): expected values exist here, in the JVM that never runs student code.
 */
public final class GraderClasses implements AutoCloseable {

    private final URLClassLoader loader;
    private final Method notRun;
    private final Method judge;
    private final Method jsonLine;
    private final Method hiddenProbes;
    private final Set<String> ids;
    private final Map<String, CheckCall.EntryPoint> entryPoints;

    private GraderClasses(URLClassLoader loader) throws ReflectiveOperationException {
        this.loader = loader;
        Class<?> check = Class.forName(netlab.exercise.Check.class.getName(), true, loader);
        this.notRun = check.getMethod("notRun", String.class, String.class);
        this.judge = check.getMethod("judge", String.class, String.class, String.class, String.class, boolean.class);
        this.hiddenProbes = check.getMethod("hiddenProbes", String.class);
        this.jsonLine = Class.forName(netlab.exercise.CheckReport.class.getName(), false, loader).getMethod("jsonLine");
        Class<?> exercises = Class.forName(netlab.exercise.Exercises.class.getName(), true, loader);
        Class<?> exercise = Class.forName(netlab.exercise.Exercise.class.getName(), false, loader);
        Method id = exercise.getMethod("id");
        Method checkName = exercise.getMethod("checkName");
        Method answerType = exercise.getMethod("answerType");
        Set<String> all = new TreeSet<>();
        Map<String, CheckCall.EntryPoint> byName = new TreeMap<>();
        for (Object e : (List<?>) exercises.getMethod("all").invoke(null)) {
            String exerciseId = (String) id.invoke(e);
            all.add(exerciseId);
            byName.put((String) checkName.invoke(e),
                    new CheckCall.EntryPoint(exerciseId, ((Class<?>) answerType.invoke(e)).getCanonicalName()));
        }
        this.ids = Set.copyOf(all);
        this.entryPoints = Map.copyOf(byName);
    }

    /** Loads the lessons ({@code lessonsClasspath}) and {@code graderJar} (may be null: no hidden cases). */
    public static GraderClasses load(List<Path> lessonsClasspath, Path graderJar) throws IOException {
        List<URL> urls = new ArrayList<>();
        for (Path p : lessonsClasspath) {
            urls.add(url(p));
        }
        if (graderJar != null) {
            if (!Files.isRegularFile(graderJar)) {
                throw new IOException("no grader jar at " + graderJar + "; build it with './netlab build' or name it "
                        + "with --grader-jar");
            }
            urls.add(url(graderJar));
        }
        // parent: the platform loader, so a lessons copy on the application class path (a build tree) cannot
        // hide the grader jar's hidden cases from ServiceLoader
        URLClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), ClassLoader.getPlatformClassLoader());
        try {
            return new GraderClasses(loader);
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            loader.close();
            throw new IOException("cannot load the lessons from " + urls + ": " + e, e);
        }
    }

    private static URL url(Path p) throws IOException {
        try {
            return p.toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IOException(e);
        }
    }

    /**
     * The check cells' entry points by name ({@code ipClassOf} → {@code ip.class-of} taking
     * {@code netlab.course.IpExercises.ClassOf}): how the grader reads {@code Check.ipClassOf(answer)}.
     */
    public Map<String, CheckCall.EntryPoint> entryPoints() {
        return entryPoints;
    }

    /** Every exercise id the lessons define. */
    public Set<String> exerciseIds() {
        return ids;
    }

    /**
     * The report of {@code exerciseId} before any case ran: every public and hidden case "not run", worded in
     * {@code lang}.
     */
    public CheckResult notRun(String exerciseId, Lang lang) {
        try {
            return CheckResult.parse((String) jsonLine.invoke(notRun.invoke(null, exerciseId, lang.tag())));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The graded report of what the grader's snippets returned in the agent ({@link CheckCall#publicSnippet},
     * {@link CheckCall#hiddenSnippet}; {@code seenHidden} "" when the exercise has no hidden cases), its feedback
     * worded in {@code lang}, the student's; with {@code withholdAnswerText}, failed public cases without the
     * values and texts the answer made (hidden inputs had been in the agent before they ran).
     *
     * @throws IllegalArgumentException if either is not such a report of {@code exerciseId}
     */
    public CheckResult judge(String exerciseId, String seenPublic, String seenHidden, Lang lang,
                             boolean withholdAnswerText) {
        try {
            return CheckResult.parse((String) jsonLine.invoke(judge.invoke(null, exerciseId, seenPublic, seenHidden,
                    lang.tag(), withholdAnswerText)));
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * The hidden cases of {@code exerciseId} as the grading agent gets them: their probes (inputs and code of
     * the lessons) in base64, never their expected values; "" without a grader jar.
     */
    public String hiddenProbes(String exerciseId) {
        try {
            return (String) hiddenProbes.invoke(null, exerciseId);
        } catch (InvocationTargetException e) {
            throw new IllegalArgumentException(e.getCause().getMessage(), e.getCause());
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }
}
