package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import jdk.jshell.JShell;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Which pieces of a cell compile together: joinable declarations, split where one by one would differ. */
class DeclarationPlannerTest {

    private static JShell shell;
    private static CellSplitter splitter;
    private static DeclarationPlanner planner;

    @BeforeAll
    static void start() {
        shell = JShell.builder().executionEngine("local").build();
        splitter = new CellSplitter(shell.sourceCodeAnalysis());
        planner = new DeclarationPlanner(DeclarationBatch.on(shell), true);
    }

    @AfterAll
    static void stop() {
        shell.close();
    }

    /** The runs of {@code cell} as "start-end" piece indexes (end exclusive). */
    private static String runs(String cell) {
        List<Piece> pieces = splitter.splitAndGroup(cell);
        return String.join(" ", planner.plan(pieces).runs().stream().map(r -> r[0] + "-" + r[1]).toList());
    }

    @Test
    void consecutiveDeclarationsOfEveryKindFormOneRun() {
        assertEquals("0-5", runs("""
                int a = 1;
                String b;
                int twice(int x) { return 2 * x; }
                class Box { int v; }
                record Pair(int l, int r) { }"""));
    }

    @Test
    void statementsExpressionsAndImportsEndARun() {
        assertEquals("0-2 3-5", runs("int a = 1;\nint b = 2;\nSystem.out.println(a);\nint c = 3;\nint d = 4;"));
        assertEquals("1-3", runs("import java.util.*;\nint a = 1;\nint b = 2;\na + b"));
    }

    @Test
    void aSecondDeclarationOfTheSameThingStartsANewRun() {
        assertEquals("0-2 2-4", runs("int a = 1;\nint b = 2;\nint a = 3;\nint c = 4;"));
        // overloads are different declarations
        assertEquals("0-2", runs("int f(int x) { return x; }\nint f(String s) { return 1; }"));
        assertEquals("", runs("int f(int x) { return x; }\nint f(int y) { return y; }"));
    }

    @Test
    void aDeclarationAloneThatChangesOneOfTheSessionIsARunOfOne() {
        shell.eval("int planned = 1;");
        shell.eval("int twiceOf(int n) { return 2 * n; }");
        assertEquals("0-1", runs("int planned = 2;"));
        assertEquals("0-1", runs("int twiceOf(int n) { return 3 * n; }"));
        assertEquals("0-1", runs("int planned = 2;\nSystem.out.println(planned);"));
        // a new name, a value or a statement: JShell's own path, nothing parsed
        assertEquals("", runs("int unplanned = 1;"));
        assertEquals("", runs("planned + 1"));
        assertEquals("", runs("planned = 5;"));
    }

    @Test
    void aDeclarationWrittenAsTheSessionHasItIsRunAgainAloneNotCompiled() {
        shell.eval("int unchanged = 1;");
        shell.eval("int timesThree(int n) { return 3 * n; }");
        assertEquals("[0]", again("int unchanged = 1;"));
        assertEquals("[0]", again("  int timesThree(int n) { return 3 * n; }\n"));
        // in a run's place: the pieces around it still join
        assertEquals("[1]", again("int fresh1 = 1;\nint unchanged = 1;\nint fresh2 = 2;\nint fresh3 = 3;"));
        assertEquals("2-4", runs("int fresh1 = 1;\nint unchanged = 1;\nint fresh2 = 2;\nint fresh3 = 3;"));
        assertEquals("[]", again("int unchanged = 2;"));
        assertEquals("[]", again("int unchanged = /* one */ 1;"));
        assertEquals("[0]", again("int unchanged = 1; // a comment after the piece is not part of it"));
    }

    @Test
    void aDeclarationRunAgainUnchangedIsTheSameSnippetWithItsInitializerRunAgain() {
        jdk.jshell.Snippet declared = shell.eval("int reset = 7;").getFirst().snippet();
        shell.eval("reset = 8;");
        long snippets = shell.snippets().count();
        List<jdk.jshell.SnippetEvent> events = planner.plan(splitter.splitAndGroup("int reset = 7;"))
                .events(0, () -> false).orElseThrow();
        assertEquals(declared, events.getFirst().snippet());
        assertEquals("7", events.getFirst().value());
        assertEquals(snippets, shell.snippets().count(), "nothing compiled, no new snippet");
        assertEquals("7", shell.eval("reset").getFirst().value());
        // declared otherwise once its turn comes (by an earlier piece of its cell): evaluated as usual
        DeclarationPlanner.Plan plan = planner.plan(splitter.splitAndGroup("int reset = 7;"));
        shell.eval("int reset = 9;");
        assertEquals(java.util.Optional.empty(), plan.events(0, () -> false));
    }

    private static String again(String cell) {
        return planner.plan(splitter.splitAndGroup(cell)).again().stream().sorted().toList().toString();
    }

    @Test
    void aNameMentionedBeforeItIsDeclaredStartsANewRun() {
        assertEquals("0-2 2-4", runs("int a = 1;\nint b = c;\nint c = 2;\nint d = c;"));
        assertEquals("", runs("int early() { return later(); }\nint later() { return 1; }"));
    }

    @Test
    void varStaysAlone() {
        // JShell infers its type from the session: what the run declares before it must exist already
        assertEquals("0-2 3-5", runs("int a = 1;\nint b = a;\nvar c = b;\nint d = 1;\nint e = 2;"));
    }

    @Test
    void piecesThatAreNotOneSimpleDeclarationStayAlone() {
        assertEquals("", runs("int a = 1, b = 2;\nint c = 3;")); // one snippet per variable: JShell's own path
        assertEquals("", runs("int a = 1;\nint b = ;")); // does not parse: one by one reports it
        assertEquals("", runs("abstract void f();\nint a = 1;"));
        assertEquals("0-2", runs("int a = 1;\nint b = 2;\nint c = ("));
    }

    @Test
    void aLongRunIsCutIntoRunsJavacCanEnterWithoutOverflowingItsStack() {
        int max = DeclarationPlanner.MAX_RUN;
        assertEquals("0-" + max + " " + max + "-" + 2 * max + " " + 2 * max + "-" + (2 * max + 3),
                runs(declarations(2 * max + 3)));
    }

    @Test
    void withoutNarrowedImportsRunsStayShort() {
        // each unit would import every other one of its run: see MAX_RUN
        int max = DeclarationPlanner.MAX_RUN_IMPORTING_ALL;
        DeclarationPlanner importingAll = new DeclarationPlanner(DeclarationBatch.on(shell), false);
        List<Piece> pieces = splitter.splitAndGroup(declarations(max + 3));
        assertEquals("0-" + max + " " + max + "-" + (max + 3), String.join(" ", importingAll.plan(pieces).runs()
                .stream().map(r -> r[0] + "-" + r[1]).toList()));
    }

    private static String declarations(int count) {
        return java.util.stream.IntStream.range(0, count).mapToObj(i -> "int v" + i + " = " + i + ";")
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Test
    void withoutJShellInternalsNothingIsJoined() {
        DeclarationPlanner none = new DeclarationPlanner(java.util.Optional.empty(), true);
        List<Piece> pieces = splitter.splitAndGroup("int a = 1;\nint b = 2;");
        assertEquals("[]", Arrays.deepToString(none.plan(pieces).runs().toArray()));
    }
}
