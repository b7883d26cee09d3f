package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Cells through a real agent JVM: output, values, rich results, compile and runtime errors, grouping. */
@ExtendWith(SharedEngine.class)
class JShellEngineIT {

    private static JShellEngine engine;

    @BeforeAll
    static void start(JShellEngine shared) {
        engine = shared;
    }

    static ExecuteOutcome.Success success(ExecuteOutcome outcome) {
        return assertInstanceOf(ExecuteOutcome.Success.class, outcome, () -> "expected success, got " + outcome);
    }

    static Optional<String> valueOf(String code) {
        return success(engine.execute(code, new RecordingIO())).result().map(MimeBundle::plainText);
    }

    @Test
    void printsReachCellIoBeforeExecuteReturns() {
        RecordingIO io = new RecordingIO();
        success(engine.execute("for (int i = 0; i < 3; i++) System.out.println(\"line \" + i);\n"
                + "System.err.println(\"oops\");\nSystem.out.print(\"héllo ✓\");", io));
        assertEquals("line 0\nline 1\nline 2\nhéllo ✓", io.out.toString());
        assertEquals("oops\n", io.err.toString());
    }

    @Test
    void outputOfThreadsOutlivingTheCellStillArrives() throws Exception {
        RecordingIO io = new RecordingIO();
        success(engine.execute("""
                new Thread(() -> {
                    try { Thread.sleep(200); } catch (InterruptedException e) { }
                    System.out.println("late");
                }).start();""", io));
        for (int i = 0; i < 100 && !io.out.toString().contains("late"); i++) {
            Thread.sleep(50);
        }
        assertEquals("late\n", io.out.toString());
    }

    @Test
    void aTrivialCellCostsTwoControlRoundTrips() {
        valueOf("1 + 1"); // a session warmed up, as a student's second cell is
        long before = engine.controlRoundTrips();
        assertEquals(Optional.of("2"), valueOf("1 + 1"));
        // BeginCell and EndCell (whose reply carries the rich value); it was three before issue 15
        assertEquals(2, engine.controlRoundTrips() - before);
        valueOf("int twoRoundTrips = 2;");
        assertEquals(4, engine.controlRoundTrips() - before);
    }

    /**
     * What a cell shows, tracks and scopes goes through the host the course library found in its own class loader,
     * the agent: a cell's classes are loaded by JShell's class loader, so a host a cell declares is never found.
     */
    @Test
    void theCourseLibrarysHostIsTheAgentEvenWhenACellDeclaresOne() {
        success(engine.execute("""
                public class PlantedHost implements netlab.runtime.NotebookHost {
                    public netlab.display.DisplaySink display() { return netlab.display.DisplaySink.STDOUT; }
                    public void track(Object resource) { }
                    public netlab.runtime.StopScope openScope() { return netlab.runtime.StopScope.NONE; }
                }""", new RecordingIO()));
        assertEquals(Optional.of("\"netlab.agent.AgentHost\""),
                valueOf("netlab.runtime.NotebookHost.current().getClass().getName()"));
        RecordingIO io = new RecordingIO();
        success(engine.execute("netlab.display.Display.show(\"still shown\");", io));
        assertEquals(List.of("still shown"), io.displays.stream().map(b -> b.plainText()).toList());
        assertEquals("", io.out.toString());
    }

    @Test
    void expressionShowsValueUnlessItEndsWithSemicolon() {
        assertEquals(Optional.of("2"), valueOf("1 + 1"));
        assertEquals(Optional.empty(), valueOf("1 + 1;"));
        assertEquals(Optional.of("\"ab\""), valueOf("String s = \"a\";\ns + \"b\""));
        assertEquals(Optional.empty(), valueOf("int declared = 5"));
        assertEquals(Optional.of("5"), valueOf("declared"));
        assertEquals(Optional.empty(), valueOf("System.out.println(1)"));
        assertEquals(Optional.empty(), valueOf("1 + 1; // a note"));
        assertEquals(Optional.of("4"), valueOf("2 + 2 // a note"));
        assertEquals(Optional.of("6"), valueOf("/* first */ 3 + 3"));
    }

    @Test
    void displayableValueIsRich() {
        ExecuteOutcome.Success s = success(engine.execute("Html.of(\"<b>hi</b>\", \"hi\")", new RecordingIO()));
        MimeBundle bundle = s.result().orElseThrow();
        assertEquals("<b>hi</b>", bundle.data().get("text/html"));
        assertEquals("hi", bundle.plainText());
    }

    @Test
    void displayCallsArriveInOrderWithOutput() {
        RecordingIO io = new RecordingIO();
        success(engine.execute("System.out.println(\"before\");\nvar h = Display.show(Html.of(\"<i>x</i>\", \"x\"));\n"
                + "h.update(\"y\");\nSystem.out.println(\"after\");", io));
        assertEquals(List.of("out:before\n", "display:x", "update:y", "out:after\n"), io.events);
        assertEquals("<i>x</i>", io.displays.getFirst().data().get("text/html"));
        assertEquals(io.displayIds.get(0), io.displayIds.get(1));
    }

    @Test
    void compileErrorNamesCellLineAndColumnWithCaret() {
        ExecuteOutcome outcome = engine.execute("int a = 1;\nint b = 2;\nint c = a + missing;", new RecordingIO());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome);
        assertEquals("CompilationError", f.ename());
        assertTrue(f.evalue().contains("cannot find symbol"), f.evalue());
        assertEquals("cell line 3, column 13: Nothing named \"missing\" is known here: declare it first (and run "
                + "that cell), or check its spelling and capital letters.", f.traceback().getFirst());
        assertEquals("  cannot find symbol", f.traceback().get(1)); // javac's own text stays, below
        int src = f.traceback().indexOf("    int c = a + missing;");
        assertTrue(src > 0, f.traceback().toString());
        assertEquals("                ^", f.traceback().get(src + 1));
    }

    @Test
    void runtimeErrorShowsOnlyCellFramesWithCellLines() {
        ExecuteOutcome outcome = engine.execute("""
                String greet(String who) {
                    return who.toUpperCase();
                }
                int x = 1;
                greet(null)""", new RecordingIO());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome);
        assertEquals("java.lang.NullPointerException", f.ename());
        String tb = String.join("\n", f.traceback());
        assertTrue(tb.contains("at greet (cell line 2)"), tb);
        assertTrue(tb.contains("at cell line 5"), tb);
        assertFalse(tb.contains("$JShell$"), tb);
        assertFalse(tb.contains("do_it$"), tb);
    }

    @Test
    void stackOverflowIsAnErrorWithAShortTraceback() {
        ExecuteOutcome outcome = engine.execute("int down(int n) {\n    return down(n + 1) + 1;\n}\ndown(0)",
                new RecordingIO());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome);
        assertEquals("java.lang.StackOverflowError", f.ename());
        assertTrue(f.traceback().size() < 10, f.traceback().toString());
        assertEquals("    at down (cell line 2)", f.traceback().get(1));
        assertTrue(f.traceback().get(2).matches("    \\.\\.\\. the line above \\d+ more times"), f.traceback().get(2));
        assertEquals(Optional.of("3"), valueOf("1 + 2"));
    }

    @Test
    void causesAreShown() {
        ExecuteOutcome outcome = engine.execute("""
                try {
                    Integer.parseInt("x");
                } catch (NumberFormatException e) {
                    throw new IllegalStateException("bad input", e);
                }""", new RecordingIO());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome);
        assertEquals("java.lang.IllegalStateException", f.ename());
        String tb = String.join("\n", f.traceback());
        assertTrue(tb.contains("Caused by: java.lang.NumberFormatException: For input string: \"x\""), tb);
        assertTrue(tb.contains("at cell line 2"), tb);
        assertTrue(tb.contains("at cell line 4"), tb);
    }

    @Test
    void twoHundredStatementsRunAndAFailureNamesItsCellLine() {
        StringBuilder cell = new StringBuilder("int total = 0;\n");
        for (int i = 0; i < 200; i++) {
            cell.append("total += ").append(i).append(" * 2;\n");
        }
        cell.append("total");
        assertEquals(Optional.of(Integer.toString(199 * 200)), valueOf(cell.toString()));

        StringBuilder failing = new StringBuilder("int[] arr = new int[3];\n");
        for (int i = 0; i < 100; i++) {
            failing.append("System.out.println(").append(i).append(");\n");
        }
        failing.append("arr[5] = 1;\n"); // cell line 102
        for (int i = 0; i < 50; i++) {
            failing.append("System.out.println(\"never\");\n");
        }
        RecordingIO io = new RecordingIO();
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute(failing.toString(), io));
        assertEquals("java.lang.ArrayIndexOutOfBoundsException", f.ename());
        assertTrue(f.traceback().contains("    at cell line 102"), f.traceback().toString());
        assertTrue(io.out.toString().endsWith("98\n99\n"), io.out.toString());
        assertFalse(io.out.toString().contains("never"));

        StringBuilder broken = new StringBuilder("int y = 0;\n");
        for (int i = 0; i < 30; i++) {
            broken.append("y += 1;\n");
        }
        broken.append("y += nope;\n"); // cell line 32
        broken.append("y += 1;\n");
        ExecuteOutcome.Failure c = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute(broken.toString(), new RecordingIO()));
        assertTrue(c.traceback().getFirst().startsWith("cell line 32, column 6: "), c.traceback().getFirst());
    }

    @Test
    void kernelLibrariesAreNotVisibleToStudentCode() {
        ExecuteOutcome outcome = engine.execute("com.google.gson.Gson g = null;", new RecordingIO());
        assertInstanceOf(ExecuteOutcome.Failure.class, outcome);
    }

    @Test
    void stdinReadsLinesFromTheFrontEnd() {
        RecordingIO io = new RecordingIO().withInput("Ada");
        ExecuteOutcome.Success s = success(engine.execute(
                "var sc = new java.util.Scanner(System.in);\nSystem.out.print(\"name? \");\n\"hi \" + sc.nextLine()", io));
        assertEquals("\"hi Ada\"", s.result().orElseThrow().plainText());
        assertEquals("name? ", io.out.toString());
    }

    @Test
    void stdinRefusedGivesClearErrorNotHang() {
        RecordingIO io = new RecordingIO("This front end cannot send input; use a variable instead.");
        ExecuteOutcome outcome = engine.execute(
                "new java.io.BufferedReader(new java.io.InputStreamReader(System.in)).readLine()", io);
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome);
        assertEquals("java.io.IOException", f.ename());
        assertTrue(f.evalue().contains("cannot send input"), f.evalue());
        assertTrue(io.err.toString().contains("cannot send input"));
    }

    @Test
    void unresolvedReferenceSaysWhatIsMissing() {
        RecordingIO io = new RecordingIO();
        success(engine.execute("void useLater() { helperNotYet(); }", io));
        assertTrue(io.err.toString().contains("helperNotYet"), io.err.toString());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("useLater()", new RecordingIO()));
        assertTrue(f.evalue().contains("useLater"), f.evalue());
    }
}
