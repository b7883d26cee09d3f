package netlab.kernel.jshell;

import static netlab.kernel.jshell.JShellEngineIT.success;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A cell's pieces that declare nothing, compiled in one javac task and run in the agent ({@link DirectRun}):
 * they run there (an anonymous class of theirs is named after {@code $JShell$netlabValue}, not a JShell
 * snippet's wrapper), show, print and fail as JShell's would, with what they throw placed at the cell's lines;
 * what declares stays JShell's.
 */
@ExtendWith(SharedEngine.class)
class DirectRunIT {

    /** True when the expression is compiled by {@link DirectRun}, false when JShell wraps it. */
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
    void statementsRunInOneCompileAndDeclarationsStayTheSessions() {
        RecordingIO io = new RecordingIO();
        success(engine.execute("System.out.println(" + COMPILED_DIRECTLY + ");\nfor (int i = 0; i < 2; i++) {\n"
                + "  System.out.print(i);\n}", io));
        assertEquals("true\n01", io.out.toString());
        success(engine.execute("String assignedLater;", new RecordingIO()));
        success(engine.execute("assignedLater = \"set\";", new RecordingIO()));
        assertEquals(Optional.of("\"set\""), valueOf("assignedLater"));
        success(engine.execute("class DeclaredInACell {}", new RecordingIO()));
        assertEquals(Optional.of("\"DeclaredInACell\""), valueOf("new DeclaredInACell().getClass().getSimpleName()"));
        success(engine.execute("{ int insideABlock = 1; }", new RecordingIO()));
        ExecuteOutcome outside = engine.execute("insideABlock", new RecordingIO());
        assertInstanceOf(ExecuteOutcome.Failure.class, outside, outside::toString);
    }

    @Test
    void whatItThrowsIsPlacedAtTheCellsLines() {
        String statement = traceback("int before = 1;\nSystem.out.println(before);\nSystem.out.println(2);\n"
                + "if (before > 0) {\n  throw new IllegalStateException(\"in a block\");\n}");
        assertTrue(statement.startsWith("java.lang.IllegalStateException: in a block\n    at cell line 5"), statement);

        String direct = traceback("int unused = 0;\n\n\"a\".length() +\n  Integer.parseInt(\"x\")");
        assertTrue(direct.startsWith("java.lang.NumberFormatException: " + Text.in(Lang.EN, "exception.explain.number")
                + "\n  For input string: \"x\""), direct);
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
