package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import netlab.kernel.engine.Completion;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.kernel.engine.MimeBundle;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Cells of declarations, which the engine compiles as runs ({@link DeclarationBatch}), through a real agent
 * JVM: what a student sees must be what one evaluation per declaration gives.
 */
@ExtendWith(SharedEngine.class)
class DeclarationBatchIT {

    private static JShellEngine engine;

    @BeforeAll
    static void start(JShellEngine shared) {
        engine = shared;
    }

    private static ExecuteOutcome.Success success(ExecuteOutcome outcome) {
        return assertInstanceOf(ExecuteOutcome.Success.class, outcome, () -> "expected success, got " + outcome);
    }

    private static String valueOf(String code) {
        return success(engine.execute(code, new RecordingIO())).result().map(MimeBundle::plainText).orElseThrow();
    }

    /** {@code name} names nothing in the session: using it does not compile. */
    private static void assertUndeclared(String name) {
        assertEquals("CompilationError", assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute(name, new RecordingIO())).ename());
    }

    @Test
    void theBatchPathIsReachable() {
        // the tests run with --add-opens as netlab.jar's manifest; if JShell's internals moved, the engine
        // would silently evaluate one by one and every other test here would pass without testing the batch
        assertTrue(DeclarationBatch.available());
    }

    @Test
    void laterCellsSeeEveryDeclarationOfTheRun() {
        // 200, as the benchmark's cell: more than one run, and more than one task's stack would hold at once
        String cell = IntStream.range(0, 200).mapToObj(i -> "int bv" + i + " = " + i + " * 2;")
                .collect(Collectors.joining("\n"));
        success(engine.execute(cell, new RecordingIO()));
        assertEquals("398", valueOf("bv199"));
        assertEquals("2450", valueOf("java.util.stream.IntStream.of(" + IntStream.range(0, 50)
                .mapToObj(i -> "bv" + i).collect(Collectors.joining(",")) + ").sum()"));
        RecordingIO vars = new RecordingIO();
        success(engine.execute("/vars", vars));
        assertTrue(vars.out.toString().contains("int bv0 = 0"), vars.out.toString());
        assertTrue(vars.out.toString().contains("int bv199 = 398"), vars.out.toString());
    }

    @Test
    void methodsClassesAndVariablesOfOneRunUseEachOtherAndAreRedefinedAlone() {
        success(engine.execute("""
                int twice(int x) { return 2 * x; }
                record Box(int v) { }
                int seven = 7;
                int fourteen = twice(new Box(seven).v());""", new RecordingIO()));
        assertEquals("14", valueOf("fourteen"));
        success(engine.execute("int twice(int x) { return 3 * x; }", new RecordingIO()));
        assertEquals("21", valueOf("twice(seven)"));
        assertEquals("14", valueOf("fourteen")); // its initializer ran once, as one by one
        success(engine.execute("int seven = 8;", new RecordingIO()));
        assertEquals("8", valueOf("seven"));
        assertEquals("5", valueOf("new Box(5).v()"));
    }

    @Test
    void reRunningTheCellRedefinesEachDeclaration() {
        String cell = "int rr1 = 1;\nint rr2 = rr1 + 1;\nString rr3() { return \"r\" + rr2; }";
        success(engine.execute(cell, new RecordingIO()));
        success(engine.execute("rr1 = 40; rr2 = 0;", new RecordingIO()));
        success(engine.execute(cell, new RecordingIO()));
        assertEquals("\"r2\"", valueOf("rr3()"));
    }

    /**
     * A cell edited and run again declares its names with other source: the batch compiles each once under a new
     * class name, as JShell's own path ends up doing after failing to redefine the old class in the agent.
     */
    @Test
    void anEditedDeclarationRunAgainIsWhatOthersSee() {
        success(engine.execute("int edited = 1;\nint usesEdited() { return edited * 10; }", new RecordingIO()));
        for (int i = 2; i <= 30; i++) { // each edit leaves an old class the compiler no longer lists
            success(engine.execute("int edited = " + i + ";", new RecordingIO()));
        }
        assertEquals("300", valueOf("usesEdited()"));
        success(engine.execute("int usesEdited() { return edited + 1; }", new RecordingIO()));
        assertEquals("31", valueOf("usesEdited()"));

        ExecuteOutcome.Failure wrong = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("int edited = \"x\";", new RecordingIO()));
        assertTrue(wrong.traceback().getFirst().startsWith("cell line 1, column 14: "), wrong.traceback().getFirst());
        assertUndeclared("edited"); // as JShell's own tool: a rejected declaration replaces the old one
        ExecuteOutcome.Failure thrown = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("int edited = 1 / 0;", new RecordingIO()));
        assertEquals("java.lang.ArithmeticException", thrown.ename());
        assertTrue(String.join("\n", thrown.traceback()).contains("at cell line 1"), thrown.traceback().toString());
        success(engine.execute("int edited = 7;", new RecordingIO()));
        assertEquals("8", valueOf("usesEdited()"));
    }

    /**
     * A declaration run again as the session has it is not compiled: its initializer runs again, as JShell's own
     * path would after compiling it into the bytes its class has; a type's variables keep their values.
     */
    @Test
    void aDeclarationRunAgainUnchangedRunsItsInitializerAndKeepsWhatUsesIt() {
        String cell = "int again = 1;\nint againPlus() { return again + 1; }\nclass Tally { int n; }\n"
                + "Tally tally = new Tally();";
        success(engine.execute(cell, new RecordingIO()));
        success(engine.execute("again = 40; Tally kept = tally; kept.n = 5;", new RecordingIO()));
        RecordingIO rerun = new RecordingIO();
        success(engine.execute(cell.replace("Tally tally = new Tally();", ""), rerun));
        assertEquals("2", valueOf("againPlus()"));
        assertEquals("5", valueOf("tally.n"));
        assertEquals("", rerun.err.toString(), "nothing changed: nothing to say");
        // run again, then made again by its type's change later in the cell: its value is gone, and the note says so
        RecordingIO changedAfter = new RecordingIO();
        success(engine.execute("Tally tally = new Tally();\nclass Tally { int n; int m; }", changedAfter));
        assertTrue(changedAfter.err.toString().contains("tally"), changedAfter.err.toString());
        assertEquals("null", valueOf("tally"));

        success(engine.execute("int loudly() { System.out.println(\"ran\"); return 3; }\nint loud = loudly();",
                new RecordingIO()));
        RecordingIO printed = new RecordingIO();
        success(engine.execute("int loud = loudly();", printed));
        assertEquals("ran\n", printed.out.toString());

        success(engine.execute("int divisor = 1;\nint quotient = 10 / divisor;", new RecordingIO()));
        success(engine.execute("divisor = 0;", new RecordingIO()));
        ExecuteOutcome.Failure thrown = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("// moved down two lines\n\nint quotient = 10 / divisor;", new RecordingIO()));
        assertEquals("java.lang.ArithmeticException", thrown.ename());
        assertTrue(String.join("\n", thrown.traceback()).contains("at cell line 3"), thrown.traceback().toString());
    }

    @Test
    void aFailingDeclarationReportsItsOwnLineAndTheOnesAfterItDoNotExist() {
        ExecuteOutcome outcome = engine.execute("int fa = 1;\nint fb = 2;\nint fc = \"three\";\nint fd = 4;",
                new RecordingIO());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome);
        assertEquals("CompilationError", f.ename());
        assertTrue(f.traceback().getFirst().startsWith("cell line 3, column 10: "), f.traceback().getFirst());
        assertEquals("3", valueOf("fa + fb"));
        assertUndeclared("fd");
    }

    @Test
    void aThrowingInitializerEndsTheCellThereWithItsLine() {
        ExecuteOutcome outcome = engine.execute("int ta = 1;\nint tb = 1 / 0;\nint tc = 3;", new RecordingIO());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome);
        assertEquals("java.lang.ArithmeticException", f.ename());
        assertTrue(String.join("\n", f.traceback()).contains("at cell line 2"), f.traceback().toString());
        assertEquals("1", valueOf("ta"));
        assertUndeclared("tc");
    }

    @Test
    void aDeclarationSeesTheOldMeaningOfANameTheCellRedeclaresLater() {
        success(engine.execute("int old = 1;", new RecordingIO()));
        success(engine.execute("int fromOld = old + 1;\nint old = 10;\nint fromNew = old + 1;", new RecordingIO()));
        assertEquals("2", valueOf("fromOld"));
        assertEquals("11", valueOf("fromNew"));
    }

    /** Compiled in one batch, as one by one: the first waits for the second, which the cell then declares. */
    @Test
    void aDeclarationWaitingForALaterOneOfTheCellWorksAndGetsNoNote() {
        RecordingIO io = new RecordingIO();
        success(engine.execute("int early() { return later(); }\nint later() { return 5; }", io));
        assertEquals(Optional.of("5"), success(engine.execute("early()", new RecordingIO())).result()
                .map(MimeBundle::plainText));
        assertEquals("", io.err.toString(), "it waits for nothing once the cell has run");
        RecordingIO waiting = new RecordingIO();
        success(engine.execute("int first() { return never(); }\nint second() { return 6; }", waiting));
        assertTrue(waiting.err.toString().contains("never"), waiting.err.toString());
    }

    @Test
    void anInterruptedInitializerEndsTheCellThereAndTheDeclarationsBeforeItStay() {
        success(engine.execute("int spinPrinting() { System.out.println(\"spinning\"); while (true) { } }",
                new RecordingIO()));
        ExecuteOutcome outcome = interruptedOncePrinting("int ia = 1;\nint ib = spinPrinting();\nint ic = 3;");
        assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, outcome::toString);
        assertEquals("1", valueOf("ia"));
        assertUndeclared("ic");
    }

    @Test
    void anInitializerRunAgainCanBeInterrupted() {
        success(engine.execute("boolean spinAgain = false;\n"
                + "int spinIf() { System.out.println(\"spinning\"); while (spinAgain) { } return 1; }\n"
                + "int spun = spinIf();", new RecordingIO()));
        success(engine.execute("spinAgain = true;", new RecordingIO()));
        ExecuteOutcome outcome = interruptedOncePrinting("int spun = spinIf();"); // as the session has it
        assertInstanceOf(ExecuteOutcome.Interrupted.class, outcome, outcome::toString);
        assertEquals("2", valueOf("1 + 1"));
    }

    /** What {@code code} ends with when the engine is interrupted once it has printed something. */
    private static ExecuteOutcome interruptedOncePrinting(String code) {
        RecordingIO io = new RecordingIO();
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor();
        try {
            timer.scheduleWithFixedDelay(() -> {
                if (io.out.length() > 0) {
                    engine.interrupt();
                    throw new IllegalStateException("interrupted once; the timer stops repeating this");
                }
            }, 50, 50, TimeUnit.MILLISECONDS);
            return engine.execute(code, io);
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void anErrorInTheMiddleOfALongRunReportsItsOwnLineAndColumn() {
        // one run of many declarations (ImportPruning lets a run be long): the error is line 57's, not the run's
        String cell = IntStream.range(0, 120).mapToObj(i -> i == 56 ? "int lr56 = \"x\";" : "int lr" + i + " = " + i + ";")
                .collect(Collectors.joining("\n"));
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, engine.execute(cell, new RecordingIO()));
        assertEquals("CompilationError", f.ename());
        assertTrue(f.traceback().getFirst().startsWith("cell line 57, column 12: "), f.traceback().getFirst());
        assertEquals("55", valueOf("lr55"));
        assertUndeclared("lr57");
    }

    @Test
    void aLongChainOfDeclarationsNamingTheOneBeforeCompilesAsRuns() {
        // each unit imports the one before it, so javac's completion recurses along the chain
        String cell = "int ch0 = 0;\n" + IntStream.range(1, 150).mapToObj(i -> "int ch" + i + " = ch" + (i - 1) + " + 1;")
                .collect(Collectors.joining("\n"));
        success(engine.execute(cell, new RecordingIO()));
        assertEquals("149", valueOf("ch149"));
    }

    @Test
    void aRunRedefinesDeclarationsOfEarlierCellsThatOthersStillUse() {
        success(engine.execute("class Shape { int sides() { return 3; } }\nint edges(Shape s) { return s.sides(); }",
                new RecordingIO()));
        // the class is replaced in a run beside a method and a variable; the earlier method is compiled again
        success(engine.execute("""
                class Shape { int sides() { return 4; } }
                int corners = 4;
                String named() { return "square"; }""", new RecordingIO()));
        assertEquals("4", valueOf("edges(new Shape())"));
        assertEquals("\"square4\"", valueOf("named() + corners"));
    }

    @Test
    void namesReachedOnlyThroughWhatJShellGeneratesStillResolve() {
        // a var's type is a class of the session it never names, and an anonymous class's members; both are
        // written by JShell into the wrapped code, where ImportPruning must see them
        success(engine.execute("record Spot(int x, int y) { }\nSpot corner() { return new Spot(2, 3); }",
                new RecordingIO()));
        success(engine.execute("var spot = corner();", new RecordingIO()));
        assertEquals("5", valueOf("spot.x() + spot.y()"));
        success(engine.execute("var counter = new Object() { int hits = 7; };", new RecordingIO()));
        assertEquals("8", valueOf("counter.hits + 1"));
    }

    @Test
    void overloadsDeclaredInDifferentCellsAreBothSeen() {
        success(engine.execute("int size(int n) { return n; }\nint unused0 = 0;", new RecordingIO()));
        success(engine.execute("int size(String s) { return s.length(); }\nint unused1 = 1;", new RecordingIO()));
        assertEquals("5", valueOf("size(3) + size(\"ab\")"));
    }

    @Test
    void aNameSpelledWithAUnicodeEscapeIsStillFound() {
        // no token of the second cell reads "esc", so only the unicode escape guard keeps its import
        success(engine.execute("int esc = 5;", new RecordingIO()));
        success(engine.execute("int escaped = \\u0065sc + 1;\nint other = 2;", new RecordingIO()));
        assertEquals("6", valueOf("escaped"));
    }

    @Test
    void aMethodWaitingForANameOfALaterCellWorksOnceItIsDeclared() {
        RecordingIO io = new RecordingIO();
        success(engine.execute("int waits() { return arrives * 2; }\nint besides = 1;", io));
        assertTrue(io.err.toString().contains("arrives"), io.err.toString());
        success(engine.execute("int arrives = 21;", new RecordingIO()));
        assertEquals("42", valueOf("waits()"));
    }

    @Test
    void completionStillOffersEveryDeclarationOfTheSession() {
        // completion finds session names in the imports of its trial class, which ImportPruning must not narrow
        success(engine.execute("int offerOne = 1;\nint offerTwo = 2;\nString offerName() { return \"p\"; }",
                new RecordingIO()));
        String code = "int chosen = offer";
        List<String> offered = engine.complete(code, code.length()).matches().stream().map(Completion.Match::text)
                .toList();
        assertTrue(offered.containsAll(List.of("offerOne", "offerTwo", "offerName()")), offered.toString());
    }
}
