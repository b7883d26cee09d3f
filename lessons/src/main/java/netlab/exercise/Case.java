package netlab.exercise;

import java.util.Objects;
import java.util.stream.Collectors;
import netlab.text.Lang;
import netlab.text.Message;

/**
 * One test case of an exercise: it runs a {@link Probe} against the student's answer and passes when the
 * result equals {@code expected}.
 *
 * <pre>{@code
 * Case<IpExercises.ClassOf> c = Case.<IpExercises.ClassOf>named("10.1.2.3 is class A")
 *         .points(1)
 *         .hint("Look at the first octet: 0–127 is class A.")
 *         .expect("A", answer -> answer.classOf("10.1.2.3"));
 * }</pre>
 *
 * @param name     what the case tries, shown in the feedback table, e.g. {@code classOf("10.1.2.3")}; a
 *                 {@link Message} worded when the case is judged, so a Chinese student reads a Chinese story
 * @param points   what passing is worth (0 for cases that only teach)
 * @param expected the value the answer must produce, compared with {@link Objects#equals}
 * @param failure  what a failure means, shown when the case fails (worded empty: the table says expected vs
 *                 actual); a {@link Message}, worded when the case is judged, in the student's language then
 * @param hint     what to try next, shown when the case fails; worded like {@code failure}
 * @param probe    how the case calls the answer
 * @param <A>      the answer interface of the exercise
 */
public record Case<A>(Message name, double points, Object expected, Message failure, Message hint, Probe<A> probe) {

    /** The key of a name an author wrote in one language, worded as it is in every language. */
    private static final String VERBATIM = "check.verbatim";

    public Case {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(failure, "failure");
        Objects.requireNonNull(hint, "hint");
        Objects.requireNonNull(probe, "probe");
        if (points < 0 || !Double.isFinite(points)) {
            throw new IllegalArgumentException("points of case '" + identity() + "' must be 0 or more, but was "
                    + points);
        }
    }

    /** The case's name in {@code lang}, as the feedback table shows it. */
    public String name(Lang lang) {
        return name.in(lang);
    }

    /**
     * How the grading agent and the grading JVM know this case whatever language each of them words in: a
     * name the author wrote as it is, else the catalogue key and arguments, never their wording.
     */
    String identity() {
        return identity(name);
    }

    private static String identity(Object part) {
        if (!(part instanceof Message m)) {
            return String.valueOf(part);
        }
        return m.key().equals(VERBATIM) ? identity(m.args().getFirst()) : m.key()
                + m.args().stream().map(Case::identity).collect(Collectors.joining(", ", "(", ")"));
    }

    /** Text an author wrote in one language, as a {@link Message} that words it as it is in every language. */
    static Message verbatim(String text) {
        return Message.of(VERBATIM, text);
    }

    /** The failure sentence in {@code lang}; empty when the case has none. */
    public String failure(Lang lang) {
        return failure.in(lang);
    }

    /** The hint in {@code lang}; empty when the case has none. */
    public String hint(Lang lang) {
        return hint.in(lang);
    }

    /** Starts a case; finish it with {@link Builder#expect}. Example: {@code Case.named("classOf(\"10.1.2.3\")")}. */
    public static <A> Builder<A> named(String name) {
        return new Builder<>(verbatim(Objects.requireNonNull(name, "name")));
    }

    /**
     * Starts a case whose name is a sentence of the catalogue, worded in the reader's language when the case is
     * judged. Example: {@code Case.named(Message.of("course3.case.polite", 5))}.
     */
    public static <A> Builder<A> named(Message name) {
        return new Builder<>(Objects.requireNonNull(name, "name"));
    }

    /** Builds a {@link Case}: set points, failure message and hint, then {@code expect(value, probe)}. */
    public static final class Builder<A> {
        private final Message name;
        private double points = 1;
        private Message failure = verbatim("");
        private Message hint = verbatim("");

        private Builder(Message name) {
            this.name = name;
        }

        /** Sets what the case is worth (default 1). */
        public Builder<A> points(double value) {
            this.points = value;
            return this;
        }

        /** Sets the sentence shown when the case fails, e.g. "a class-A address was not recognised". */
        public Builder<A> failure(String message) {
            this.failure = verbatim(Objects.requireNonNull(message, "message"));
            return this;
        }

        /** Sets the failure sentence from the catalogue, worded when the case is judged: {@code failure(Message.of("course.udp.send.failure"))}. */
        public Builder<A> failure(Message message) {
            this.failure = Objects.requireNonNull(message, "message");
            return this;
        }

        /** Sets the hint shown when the case fails. */
        public Builder<A> hint(String text) {
            this.hint = verbatim(Objects.requireNonNull(text, "text"));
            return this;
        }

        /** Sets the hint from the catalogue, worded when the case is judged: {@code hint(Message.of("course.udp.send.hint"))}. */
        public Builder<A> hint(Message text) {
            this.hint = Objects.requireNonNull(text, "text");
            return this;
        }

        /** Finishes the case: it passes when {@code probe} returns a value equal to {@code expected}. */
        public Case<A> expect(Object expected, Probe<A> probe) {
            return new Case<>(name, points, expected, failure, hint, probe);
        }
    }
}
