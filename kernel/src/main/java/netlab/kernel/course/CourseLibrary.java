package netlab.kernel.course;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import netlab.exercise.CheckReport;
import netlab.exercise.Exercise;
import netlab.exercise.Exercises;

/**
 * The one answer to "where is the course library and what does it export", for the engine, {@code run},
 * {@code grade}, {@code release} and {@code install}: the jar (or classes directory) this netlab loaded the
 * lessons from — netlab.jar's manifest puts {@value #JAR} beside it or in the build tree on its class path —,
 * the ids of its exercises, and the marker of a check report's line. The grader loads the same classes again
 * in a loader of its own (with its hidden cases), and names them through the classes here, not strings.
 */
public final class CourseLibrary {

    /** The course library's jar, installed beside netlab.jar. */
    public static final String JAR = "netlab-lessons.jar";
    /** Prefix of a check report's JSON line: the lessons' own constant, not a copy. */
    public static final String CHECK_MARKER = CheckReport.MARKER;

    private CourseLibrary() {
    }

    /** Where the lessons were loaded from: {@value #JAR}, or {@code lessons/target/classes} in a build. */
    public static Path location() {
        return codeSource(Exercises.class);
    }

    /** The ids of every exercise of the course. */
    public static Set<String> exerciseIds() {
        Set<String> ids = new TreeSet<>();
        for (Exercise<?> e : Exercises.all()) {
            ids.add(e.id());
        }
        return ids;
    }

    /** Where {@code type} was loaded from: its jar, or its classes directory. */
    public static Path codeSource(Class<?> type) {
        try {
            return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException | NullPointerException e) {
            throw new IllegalStateException("cannot tell where " + type.getName() + " was loaded from", e);
        }
    }
}
