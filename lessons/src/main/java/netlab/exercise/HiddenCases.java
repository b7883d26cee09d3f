package netlab.exercise;

import java.util.List;
import java.util.Objects;

/**
 * The hidden cases of one exercise, as the grader's jar provides them.
 *
 * @param exerciseId the exercise they belong to
 * @param answerType the exercise's answer interface (checked against the exercise when loaded)
 * @param cases      the cases, run after the public ones
 * @param <A>        the answer interface
 */
public record HiddenCases<A>(String exerciseId, Class<A> answerType, List<Case<A>> cases) {

    public HiddenCases {
        Objects.requireNonNull(exerciseId, "exerciseId");
        Objects.requireNonNull(answerType, "answerType");
        cases = List.copyOf(cases);
    }
}
