package netlab.course;

import netlab.exercise.*;
import java.util.List;

/**
 * The warm-up exercise of chapter 0, which teaches the answer-cell / check-cell routine itself.
 *
 * <pre>{@code
 * String greet(String name) { return "Hello, " + name + "!"; }                   // answer cell
 * Check.run("intro.greet", (IntroExercises.Greet) n -> greet(n));                // check cell
 * }</pre>
 */
public final class IntroExercises implements ExerciseSet {

    /** {@code intro.greet}: "Hello, NAME!". */
    @FunctionalInterface
    public interface Greet {
        String greet(String name) throws Exception;
    }

    public static final Exercise<Greet> GREET = Exercise.of("intro.greet", "Your first answer", Greet.class)
            .add(greetCase("netlab"))
            .add(greetCase("世界"))
            .hiddenCases(1)
            .build();

    public static Case<Greet> greetCase(String name) {
        return Case.<Greet>named("greet(\"" + name + "\")")
                .hint("return \"Hello, \" + name + \"!\";")
                .expect("Hello, " + name + "!", a -> a.greet(name));
    }

    @Override
    public List<Exercise<?>> exercises() {
        return List.of(GREET);
    }
}
