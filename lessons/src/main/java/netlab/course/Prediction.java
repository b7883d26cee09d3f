package netlab.course;

import netlab.exercise.Case;
import netlab.exercise.Exercise;
import netlab.text.Message;

/**
 * Questions that ask what a program will do or what a printed table means, graded like any exercise: the answer
 * cell is a method that returns the prediction, the check compares it with what really happens.
 *
 * <pre>{@code
 * long dataPackets() { return 3; }                                   // answer cell
 * Check.tftpPredictBlocks(() -> dataPackets());                     // check cell
 * }</pre>
 *
 * A wrong prediction shows a hint that says where to look, never the value.
 */
public final class Prediction {

    private Prediction() {
    }

    /** A prediction that is a number: a count, a port, a value a cell shows. */
    @FunctionalInterface
    public interface Count {
        long count() throws Exception;
    }

    /** A prediction that is one line of text, compared without leading and trailing spaces. */
    @FunctionalInterface
    public interface Line {
        String line() throws Exception;
    }

    /** A question whose answer is the number {@code expected}; title and hint are {@code course.ID.title/hint}. */
    public static Exercise<Count> count(String id, long expected) {
        return Exercise.of(id, Message.of("course." + id + ".title"), Count.class)
                .add(Case.<Count>named(Exercise.checkNameOf(id) + "()")
                        .hint(Message.of("course." + id + ".hint"))
                        .expect(expected, Count::count))
                .build();
    }

    /** A question whose answer is the line {@code expected}; title and hint are {@code course.ID.title/hint}. */
    public static Exercise<Line> line(String id, String expected) {
        return Exercise.of(id, Message.of("course." + id + ".title"), Line.class)
                .add(Case.<Line>named(Exercise.checkNameOf(id) + "()")
                        .hint(Message.of("course." + id + ".hint"))
                        .expect(expected, a -> {
                            String said = a.line();
                            return said == null ? null : said.strip();
                        }))
                .build();
    }
}
