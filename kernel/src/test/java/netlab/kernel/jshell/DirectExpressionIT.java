package netlab.kernel.jshell;

import static netlab.kernel.jshell.JShellEngineIT.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cell's last expression compiled in one javac task and run in the agent ({@link DirectExpression}): it runs
 * there (its anonymous class is named after {@code $JShell$netlabValue}, not a JShell snippet's wrapper), shows,
 * prints and fails as JShell's expression would, with what it throws placed at the cell's lines.
 */
@ExtendWith(SharedEngine.class)
class DirectExpressionIT {

    /** True when the expression is compiled by {@link DirectExpression}, false when JShell wraps it. */
    private static final String COMPILED_DIRECTLY = "new Object() {}.getClass().getName().contains(\"netlabValue\")";

    private static JShellEngine engine;

    @BeforeAll
    static void start(JShellEngine shared) {
        engine = shared;
    }

    private static Optional<String> valueOf(String code) {
        return success(engine.execute(code, new RecordingIO())).result().map(MimeBundle::plainText);
    }

    private static String traceback(String code) {
        ExecuteOutcome outcome = engine.execute(code, new RecordingIO());
        return String.join("\n", assertInstanceOf(ExecuteOutcome.Failure.class, outcome, outcome::toString).traceback());
    }

    @Test
    void aValueAndAMethodReturningNothingRunInOneCompile() {
        assertEquals(Optional.of("true"), valueOf(COMPILED_DIRECTLY));
        RecordingIO io = new RecordingIO();
        assertEquals(Optional.empty(), success(engine.execute("System.out.println(" + COMPILED_DIRECTLY + ")", io)).result());
        assertEquals("true\n", io.out.toString());
        assertEquals(Optional.of("6"), valueOf("int sixth = 6;\nsixth"), "a declaration of the same cell is seen");
    }

    @Test
    void whatItThrowsIsPlacedAtTheCellsLines() {
        String direct = traceback("int unused = 0;\n\n\"a\".length() +\n  Integer.parseInt(\"x\")");
        assertTrue(direct.startsWith("java.lang.NumberFormatException: For input string: \"x\""), direct);
        assertTrue(direct.contains("    at cell line 4"), direct);

        success(engine.execute("int tenth(int n) {\n  return 10 / n;\n}", new RecordingIO()));
        String viaMethod = traceback("tenth(0)");
        assertTrue(viaMethod.contains("at tenth (line 2 of an earlier cell)\n    at cell line 1"), viaMethod);

        success(engine.execute("Object boom() {\n  throw new RuntimeException(\"outer\", new IllegalStateException(\"inner\"));\n}",
                new RecordingIO()));
        String chained = traceback("boom()");
        assertTrue(chained.contains("IllegalStateException: inner"), chained);
        assertTrue(chained.lines().filter(l -> l.equals("    at cell line 1")).count() >= 1, chained);
    }

    @Test
    void aMethodWaitingForADeclarationSaysSo() {
        success(engine.execute("int waits() { return notThereYet(); }", new RecordingIO()));
        String unresolved = traceback("waits()");
        assertTrue(unresolved.startsWith("UnresolvedReference"), unresolved);
    }
}
