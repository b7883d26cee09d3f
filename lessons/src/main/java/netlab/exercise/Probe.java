package netlab.exercise;

/**
 * What one case does with the student's answer: calls it (or talks to the server it started) and returns
 * what came back, which the case compares with its expected value.
 *
 * <pre>{@code
 * Probe<IpExercises.ClassOf> probe = answer -> answer.classOf("10.1.2.3");
 * }</pre>
 *
 * <p>A hidden case's probe travels to the grading agent serialized (see {@code HiddenProbes}), its expected value
 * does not: capture the case's inputs only, and write the probe in the lessons ({@code netlab.course}), where
 * the agent can find its code.
 *
 * @param <A> the answer interface the exercise declares
 */
@FunctionalInterface
public interface Probe<A> extends java.io.Serializable {

    /** Exercises {@code answer} and returns what it produced; may throw whatever the answer throws. */
    Object run(A answer) throws Exception;
}
