package netlab.exercise;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import netlab.text.Lang;
import netlab.text.Message;
import netlab.text.Text;

/**
 * A graded exercise: a stable id, a title (a {@link Message}, worded each time it is shown, in the reader's
 * language then: a {@code %lang} switch after the first check changes the next one), the interface the student's answer is passed as, and its public
 * cases. Hidden cases are not here: they live in the grader's jar ({@link HiddenCaseSet}); the exercise only
 * says how many there are, so feedback can tell the student that more checks run when graded.
 *
 * <pre>{@code
 * Exercise<IpExercises.ClassOf> e = Exercise.of("ip.class-of", "Class of an IPv4 address", IpExercises.ClassOf.class)
 *         .add(Case.<IpExercises.ClassOf>named("classOf(\"10.1.2.3\")").expect("A", a -> a.classOf("10.1.2.3")))
 *         .hiddenCases(2)
 *         .build();
 * }</pre>
 *
 * <p>Immutable and thread safe once built.
 *
 * @param <A> the answer interface: what the check cell passes, e.g. {@code (ClassOf) ip -> classOf(ip)}
 */
public final class Exercise<A> {

    /** Ids are lower-case words joined by dots and dashes, chapter first: {@code udp.echo-server}. */
    static final Pattern ID = Pattern.compile("[a-z][a-z0-9]*(?:[.-][a-z0-9]+)+");

    private final String id;
    private final Message title;
    private final Class<A> answerType;
    private final List<Case<A>> publicCases;
    private final int hiddenCaseCount;

    private Exercise(String id, Message title, Class<A> answerType, List<Case<A>> publicCases, int hiddenCaseCount) {
        this.id = id;
        this.title = title;
        this.answerType = answerType;
        this.publicCases = List.copyOf(publicCases);
        this.hiddenCaseCount = hiddenCaseCount;
    }

    /**
     * Starts an exercise whose title is the catalogue's, worded when shown. Example:
     * {@code Exercise.of("ip.class-of", Message.of("course.ip.class-of.title"), ClassOf.class)}.
     */
    public static <A> Builder<A> of(String id, Message title, Class<A> answerType) {
        return new Builder<>(id, title, answerType);
    }

    /** Starts an exercise whose title is written in one language. Example: {@code Exercise.of("ip.class-of", "Class of an address", ClassOf.class)}. */
    public static <A> Builder<A> of(String id, String title, Class<A> answerType) {
        return new Builder<>(id, Case.verbatim(Objects.requireNonNull(title, "title")), answerType);
    }

    public String id() {
        return id;
    }

    /** The title in {@link Lang#current()}. */
    public String title() {
        return title.in(Lang.current());
    }

    /** The title in {@code lang}: the grader words each student's report in that student's language. */
    public String title(Lang lang) {
        return title.in(lang);
    }

    /**
     * The name of this exercise's entry point in the course's check class: the id in camel case, chapter
     * first ({@code ip.class-of} → {@code ipClassOf}), so a check cell reads {@code Check.ipClassOf(ip -> classOf(ip));}
     * and the grader finds the exercise from the name it reads in the cell.
     */
    public String checkName() {
        return checkNameOf(id);
    }

    /** {@code "udp.echo-server"} → {@code "udpEchoServer"}. */
    public static String checkNameOf(String id) {
        StringBuilder s = new StringBuilder(id.length());
        boolean upper = false;
        for (char c : id.toCharArray()) {
            if (c == '.' || c == '-') {
                upper = true;
            } else {
                s.append(upper ? Character.toUpperCase(c) : c);
                upper = false;
            }
        }
        return s.toString();
    }

    /** The interface the check cell passes the answer as. */
    public Class<A> answerType() {
        return answerType;
    }

    public List<Case<A>> publicCases() {
        return publicCases;
    }

    /** How many hidden cases the grader's jar holds for this exercise. */
    public int hiddenCaseCount() {
        return hiddenCaseCount;
    }

    /** Points of the public cases alone. */
    public double publicPoints() {
        return publicCases.stream().mapToDouble(Case::points).sum();
    }

    /** Casts {@code answer} to {@link #answerType()}, or says which interface the check cell must pass. */
    public A answerOf(Object answer) {
        if (answer == null) {
            throw new IllegalArgumentException(Text.of("check.answer.null", id, answerType.getSimpleName()));
        }
        if (!answerType.isInstance(answer)) {
            throw new IllegalArgumentException(Text.of("check.answer.type", id, answerType.getName(),
                    answer.getClass().getName()));
        }
        return answerType.cast(answer);
    }

    @Override
    public String toString() {
        return id + " (" + title() + ")";
    }

    /** Builds an {@link Exercise}: {@code add} public cases, declare {@code hiddenCases}, then {@code build}. */
    public static final class Builder<A> {
        private final String id;
        private final Message title;
        private final Class<A> answerType;
        private final List<Case<A>> cases = new ArrayList<>();
        private int hidden;

        private Builder(String id, Message title, Class<A> answerType) {
            Objects.requireNonNull(id, "id");
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("exercise id '" + id + "' should be lower-case words joined by "
                        + "dots or dashes, chapter first, like 'udp.echo-server'");
            }
            this.id = id;
            this.title = Objects.requireNonNull(title, "title");
            this.answerType = Objects.requireNonNull(answerType, "answerType");
        }

        /** Adds a public case; cases run in the order added. */
        public Builder<A> add(Case<A> c) {
            cases.add(Objects.requireNonNull(c, "case"));
            return this;
        }

        /** Sets how many hidden cases the grader's jar holds (a test of the grader module keeps it honest). */
        public Builder<A> hiddenCases(int count) {
            if (count < 0) {
                throw new IllegalArgumentException("hidden case count must be 0 or more, but was " + count);
            }
            this.hidden = count;
            return this;
        }

        public Exercise<A> build() {
            if (cases.isEmpty()) {
                throw new IllegalStateException("exercise '" + id + "' has no public case; add at least one so "
                        + "students get feedback in the notebook");
            }
            return new Exercise<>(id, title, answerType, cases, hidden);
        }
    }
}
