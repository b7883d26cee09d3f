package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import netlab.kernel.engine.ExecuteOutcome;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * javac reads nested expressions by recursion, so a cell nested deeply enough overflows the stack of the thread
 * compiling it, in the kernel's (or the grading) JVM: that is the cell failing to compile, said so, and the next
 * cell compiles as before. The audit's two shapes: 20,000 parentheses (found before javac reads them:
 * {@link CompilerLimits#tooDeep}), and 100,000 string concatenations (which JShell's parser reports as an
 * InternalError around the StackOverflowError).
 */
@ExtendWith(SharedEngine.class)
class DeepNestingIT {

    private static JShellEngine engine;

    @BeforeAll
    static void start(JShellEngine shared) {
        engine = shared;
    }

    private static void tooDeep(String cell) {
        ExecuteOutcome outcome = engine.execute(cell, new RecordingIO());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome, () -> String.valueOf(outcome));
        assertEquals("CompilationError", f.ename());
        assertTrue(f.evalue().equals(Text.in(Lang.EN, "engine.too-deep"))
                || f.evalue().equals(Text.in(Lang.ZH, "engine.too-deep")), f.evalue());
        assertInstanceOf(ExecuteOutcome.Success.class, engine.execute("int afterwards = 1 + 1;", new RecordingIO()));
    }

    /** Found before javac reads them: a compile error at the bracket past the limit, and no javac crash report. */
    @Test
    void deepParenthesesAreACompileErrorWhereTheyPassTheLimit() {
        String cell = "int deep = " + "(".repeat(20_000) + "1" + ")".repeat(20_000) + ";";
        ExecuteOutcome outcome = engine.execute(cell, new RecordingIO());
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, outcome, () -> String.valueOf(outcome));
        assertEquals("CompilationError", f.ename());
        assertTrue(f.evalue().equals(Text.in(Lang.EN, "compile.too.deep", CompilerLimits.MAX_DEPTH))
                || f.evalue().equals(Text.in(Lang.ZH, "compile.too.deep", CompilerLimits.MAX_DEPTH)), f.evalue());
        int column = "int deep = ".length() + CompilerLimits.MAX_DEPTH + 1;
        assertTrue(f.traceback().getFirst().contains(Integer.toString(column)), f.traceback().getFirst());
        assertInstanceOf(ExecuteOutcome.Success.class, engine.execute("int afterwards = 1 + 1;", new RecordingIO()));
    }

    @Test
    void aLongConcatenationFailsToCompile() {
        tooDeep("String s = " + "\"a\" + ".repeat(100_000) + "\"a\";");
    }
}
