package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import netlab.kernel.engine.ExecuteOutcome;
import org.junit.jupiter.api.Test;

class ErrorReportsTest {

    @Test
    void compileErrorShowsLineColumnSourceAndCaret() {
        String cell = "int a = 1;\n\tint b = a +;";
        ExecuteOutcome.Failure f = ErrorReports.compileError(cell, List.of(
                new ErrorReports.CellDiagnostic(cell.indexOf(";", 12), "illegal start of expression")));
        assertEquals("CompilationError", f.ename());
        assertEquals("illegal start of expression", f.evalue());
        assertEquals(List.of("cell line 2, column 13: illegal start of expression",
                "    \tint b = a +;",
                "    \t           ^"), f.traceback());
    }

    @Test
    void wrapperLocationLinesAreDropped() {
        ExecuteOutcome.Failure f = ErrorReports.compileError("x", List.of(new ErrorReports.CellDiagnostic(0,
                "cannot find symbol\n  symbol:   variable x\n  location: class REPL.$JShell$3")));
        assertEquals(List.of("cell line 1, column 1: cannot find symbol", "  symbol:   variable x", "    x", "    ^"),
                f.traceback());
    }

    @Test
    void framesBecomeCellLines() {
        SnippetOrigins origins = new SnippetOrigins();
        origins.record("7", 2, 10);
        assertEquals("greet (cell line 12)",
                ErrorReports.describe(new StackTraceElement("", "greet", "#7", 3), origins, 2));
        assertEquals("cell line 10", ErrorReports.describe(new StackTraceElement("", "", "#7", 1), origins, 2));
        assertEquals("Greeter.hello (line 10 of an earlier cell)",
                ErrorReports.describe(new StackTraceElement("Greeter", "hello", "#7", 1), origins, 3));
        assertEquals(null, ErrorReports.describe(new StackTraceElement("java.lang.Integer", "parseInt",
                "Integer.java", 5), origins, 2));
    }

    @Test
    void indentCountsOpenBrackets() {
        assertEquals("    ", CodeAssist.indentFor("for (;;) {"));
        assertEquals("        ", CodeAssist.indentFor("void f() {\n if (x) { // {"));
        assertEquals("", CodeAssist.indentFor("String s = \"{\";"));
    }
}
