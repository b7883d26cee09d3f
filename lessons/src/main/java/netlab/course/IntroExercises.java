package netlab.course;

import netlab.exercise.*;
import java.util.List;
import netlab.text.Message;

/**
 * The warm-up exercise of chapter 0, which teaches the answer-cell / check-cell routine itself.
 *
 * <pre>{@code
 * String greet(String name) { return "Hello, " + name + "!"; }                   // answer cell
 * Check.introGreet(name -> greet(name));                                        // check cell
 * }</pre>
 */
public final class IntroExercises implements ExerciseSet {

    /** {@code intro.greet}: "Hello, NAME!". */
    @FunctionalInterface
    public interface Greet {
        String greet(String name) throws Exception;
    }

    public static final Exercise<Greet> GREET = Exercise.of("intro.greet", Message.of("course.intro.greet.title"), Greet.class)
            .add(greetCase("netlab"))
            .add(greetCase("世界"))
            .hiddenCases(1)
            .build();

    public static Case<Greet> greetCase(String name) {
        return Case.<Greet>named("greet(\"" + name + "\")")
                .hint(Message.of("course.intro.greet.hint"))
                .expect("Hello, " + name + "!", a -> a.greet(name));
    }

    /** {@code intro.predict-value}: what {@code 7 / 2} shows in a cell (integer division). */
    public static final Exercise<Prediction.Count> PREDICT_VALUE = Prediction.count("intro.predict-value", 7 / 2);

    /** {@code intro.read-summary}: how many cases run when graded, read from a check's summary line. */
    public static final Exercise<Prediction.Count> READ_SUMMARY = Prediction.count("intro.read-summary", 3 + 2);

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(GREET, PREDICT_VALUE, READ_SUMMARY);
    }
}
