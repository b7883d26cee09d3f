package netlab.kernel.jshell;

import static netlab.kernel.jshell.JShellEngineIT.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import netlab.kernel.engine.ExecuteOutcome;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cell's last expression, evaluated as a value variable's initializer ({@link ValueExpression}), shows and
 * fails as JShell's expression would; what cannot be a value runs as written, once.
 */
@ExtendWith(SharedEngine.class)
class ValueExpressionIT {

    private static JShellEngine engine;

    @BeforeAll
    static void start(JShellEngine shared) {
        engine = shared;
    }

    private static Optional<String> valueOf(String code) {
        return success(engine.execute(code, new RecordingIO())).result().map(netlab.kernel.engine.MimeBundle::plainText);
    }

    @Test
    void valuesShowAsJShellShowsAnExpressions() {
        assertEquals(Optional.of("2"), valueOf("1 + 1"));
        assertEquals(Optional.of("'a'"), valueOf("'a'"));
        assertEquals(Optional.of("\"hi\""), valueOf("\"h\" + \"i\" // a comment after the value"));
        assertEquals(Optional.of("int[2] { 1, 2 }"), valueOf("new int[] { 1, 2 }"));
        assertEquals(Optional.of("2.5"), valueOf("5 / 2.0f"));
        assertEquals(Optional.of("null"), valueOf("(String) null"));
        assertEquals(Optional.of("[]"), valueOf("new java.util.ArrayList<>()"));
        assertEquals(Optional.of("3"), valueOf("int three = 3;\nthree"));
        assertEquals(Optional.of("4"), valueOf("three + 1"), "the values before do not clash");
        for (int i = 0; i < 30; i++) {
            assertEquals(Optional.of(String.valueOf(i * 2)), valueOf(i + " * 2"));
        }
        assertEquals(Optional.of("5"), valueOf("three + 2"), "earlier declarations survive 30 values");
        String vars = run("%vars").out.toString();
        assertTrue(vars.contains("three") && !vars.contains("$netlab"), vars);
        String list = run("%list").out.toString();
        assertFalse(list.contains("$netlab"), list);
    }

    /**
     * An array shows as JShell shows it, as far as the notebook can show it: a large one declares at once (its
     * whole text ran the agent out of memory), one that holds itself shows so, and {@code %vars} shows them alike.
     */
    @Test
    void arraysShowAsFarAsTheNotebookCanShowThem() {
        success(engine.execute("byte[] buffer = new byte[60_000_000];", new RecordingIO()));
        assertEquals(Optional.of("60000000"), valueOf("buffer.length"));
        String shown = valueOf("buffer").orElseThrow();
        assertTrue(shown.startsWith("byte[60000000] { 0, 0, ") && shown.endsWith(", ... }")
                && shown.length() < 21_000, shown.length() + " characters");
        assertEquals(Optional.of("Object[1] { Object[1] { ... } }"), valueOf("Object[] self = new Object[1];\n"
                + "self[0] = self;\nself"));
        String vars = run("%vars").out.toString();
        assertTrue(vars.contains("byte[60000000] { 0, 0, ") && vars.contains("Object[1] { Object[1] { ... } }"), vars);
        success(engine.execute("buffer = null;", new RecordingIO())); // the shared engine's heap back
    }

    @Test
    void aLongValueSaysHowMuchOfItIsLeftOut() {
        String shown = valueOf("java.util.stream.IntStream.range(0, 100_000).boxed().toList()").orElseThrow();
        assertTrue(shown.startsWith("[0, 1, 2, ") && shown.endsWith(", 99998, 99999]")
                && shown.contains(" … [668,890 characters left out here; System.out.println(…) prints them all]"
                + " … "),
                shown.length() + " characters: " + shown.substring(17_900, 18_200));
        success(engine.execute("String received = \"x\".repeat(65_536);", new RecordingIO()));
        String vars = run("%vars").out.toString();
        assertTrue(vars.contains("[45,538 characters left out here;") && vars.contains("xxx\"\n"),
                vars.length() + " characters");
        success(engine.execute("received = null;", new RecordingIO()));
    }

    @Test
    void whatCannotBeAValueRunsAsWrittenOnce() {
        RecordingIO io = new RecordingIO();
        assertEquals(Optional.empty(), success(engine.execute("System.out.println(\"once\")", io)).result());
        assertEquals("once\n", io.out.toString());
        success(engine.execute("String late = \"declared\"", new RecordingIO())); // a declaration, its ; left out
        success(engine.execute("java.util.Map<String, Integer> counts = new java.util.HashMap<>()", new RecordingIO()));
        assertEquals(Optional.of("\"declared\""), valueOf("late"));
        assertEquals(Optional.of("{}"), valueOf("counts"));

        success(engine.execute("java.util.List<String> ran = new java.util.ArrayList<>();", new RecordingIO()));
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("ran.add(\"x\") && notYetDeclared", new RecordingIO()));
        assertTrue(f.traceback().getFirst().startsWith("cell line 1, column 17:"), f.traceback().toString());
        success(engine.execute("boolean notYetDeclared = true;", new RecordingIO()));
        assertEquals(Optional.of("[]"), valueOf("ran"), "the failed value did not wait and run once its name existed");

        ExecuteOutcome.Failure thrown = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("int zero = 0;\n1 / zero", new RecordingIO()));
        assertTrue(thrown.ename().contains("ArithmeticException"), thrown.toString());
        assertTrue(String.join("\n", thrown.traceback()).contains("cell line 2"), thrown.traceback().toString());
    }

    private static RecordingIO run(String code) {
        RecordingIO io = new RecordingIO();
        success(engine.execute(code, io));
        return io;
    }
}
