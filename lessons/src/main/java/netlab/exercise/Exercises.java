package netlab.exercise;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * Every exercise on the classpath, keyed by id. Loaded once, with {@link ServiceLoader} through the class
 * loader of netlab's own classes, so a class a student defines in a cell can never take the place of a check.
 *
 * <pre>{@code
 * Exercises.find("ip.class-of").title()   // "Class of an IPv4 address"
 * }</pre>
 */
public final class Exercises {

    private static final Catalog CATALOG = Catalog.load(Exercises.class.getClassLoader());

    private Exercises() {
    }

    /** The exercise with {@code id}, or an exception listing the ids that exist. */
    public static Exercise<?> find(String id) {
        return CATALOG.find(id);
    }

    /** All exercises, sorted by id. */
    public static List<Exercise<?>> all() {
        return CATALOG.all();
    }

    /**
     * The hidden cases of {@code exercise}: empty unless the grader's jar is on the class path, which it is
     * in the grading JVM only, never in an agent that runs student code (it gets {@link HiddenProbes}).
     */
    static <A> List<Case<A>> hiddenCases(Exercise<A> exercise) {
        return CATALOG.hiddenCases(exercise);
    }

    /** The exercises and hidden cases found through one class loader. */
    record Catalog(Map<String, Exercise<?>> byId, Map<String, HiddenCases<?>> hiddenById) {

        static Catalog load(ClassLoader loader) {
            Map<String, Exercise<?>> byId = new TreeMap<>();
            for (ExerciseSet set : ServiceLoader.load(ExerciseSet.class, loader)) {
                for (Exercise<?> e : set.exercises()) {
                    Exercise<?> before = byId.putIfAbsent(e.id(), e);
                    if (before != null) {
                        throw new IllegalStateException("two exercises have the id '" + e.id() + "' (the second in "
                                + set.getClass().getName() + "); ids must be unique");
                    }
                }
            }
            Map<String, HiddenCases<?>> hidden = new TreeMap<>();
            for (HiddenCaseSet set : ServiceLoader.load(HiddenCaseSet.class, loader)) {
                for (HiddenCases<?> h : set.hiddenCases()) {
                    Exercise<?> e = byId.get(h.exerciseId());
                    if (e == null || e.answerType() != h.answerType()) {
                        throw new IllegalStateException(set.getClass().getName() + " has hidden cases for '"
                                + h.exerciseId() + "' taking " + h.answerType().getName() + ", but "
                                + (e == null ? "no such exercise exists" : "the exercise takes " + e.answerType().getName()));
                    }
                    hidden.put(h.exerciseId(), h);
                }
            }
            return new Catalog(Collections.unmodifiableMap(byId), Collections.unmodifiableMap(hidden));
        }

        Exercise<?> find(String id) {
            Exercise<?> e = byId.get(id);
            if (e == null) {
                throw new IllegalArgumentException("no exercise has the id '" + id + "'; the ids are: "
                        + String.join(", ", byId.keySet()));
            }
            return e;
        }

        List<Exercise<?>> all() {
            return List.copyOf(new ArrayList<>(byId.values()));
        }

        @SuppressWarnings("unchecked") // the answer type was compared with the exercise's when loaded
        <A> List<Case<A>> hiddenCases(Exercise<A> exercise) {
            HiddenCases<?> h = hiddenById.get(exercise.id());
            return h == null ? List.of() : ((HiddenCases<A>) h).cases();
        }
    }
}
