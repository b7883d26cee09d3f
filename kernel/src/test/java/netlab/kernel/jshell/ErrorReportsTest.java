package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

class ErrorReportsTest {

    @Test
    void compileErrorShowsLineColumnSourceAndCaret() {
        String cell = "int a = 1;\n\tint b = a +;";
        ExecuteOutcome.Failure f = ErrorReports.compileError(cell, List.of(
                new ErrorReports.CellDiagnostic(cell.indexOf(";", 12), "", "illegal start of expression")),
                CompileExplainer.plain(Lang.EN), CodeSource.CELL);
        assertEquals("CompilationError", f.ename());
        assertEquals("illegal start of expression", f.evalue());
        assertEquals(List.of("cell line 2, column 13: illegal start of expression",
                "    \tint b = a +;",
                "    \t           ^"), f.traceback());
    }

    /**
     * After Chinese text (two columns each in a terminal, a CJK font's width in a notebook) the caret stands under
     * javac's column: each wide character gets an ideographic space above the caret, not one space (the caret of
     * an error at a full-width semicolon stood two columns to its left).
     */
    @Test
    void theCaretStandsUnderTheColumnAfterChineseText() {
        String cell = "System.out.println(\"你好\")；";
        ExecuteOutcome.Failure f = ErrorReports.compileError(cell, List.of(new ErrorReports.CellDiagnostic(
                cell.indexOf('；'), "", "illegal character: '\\uff1b'")), CompileExplainer.plain(Lang.EN),
                CodeSource.CELL);
        assertEquals("    " + " ".repeat(20) + "\u3000\u3000" + "  " + "^", f.traceback().getLast());
        assertEquals(" \u3000 ", ErrorReports.caretPad("a\uD83D\uDE00b", 4), "an emoji: two chars, one wide blank");
        assertEquals("  ", ErrorReports.caretPad("e\u0301x", 3), "a combining accent takes no column");
    }

    /** Of a long line, the part around the column is shown, the caret under the same character. */
    @Test
    void aLongLineShowsThePartAroundTheColumn() {
        String cell = "var big = \"" + "y".repeat(300_000) + "\" + 1 +;";
        int at = cell.length() - 1;
        ExecuteOutcome.Failure f = ErrorReports.compileError(cell, List.of(
                new ErrorReports.CellDiagnostic(at, "", "illegal start of expression")),
                CompileExplainer.plain(Lang.EN), CodeSource.CELL);
        String line = f.traceback().get(1);
        String caret = f.traceback().get(2);
        assertEquals("    …" + cell.substring(at - 60), line);
        assertEquals(';', line.charAt(caret.indexOf('^')));
        ExecuteOutcome.Failure start = ErrorReports.compileError(cell, List.of(
                new ErrorReports.CellDiagnostic(10, "", "constant string too long")),
                CompileExplainer.plain(Lang.EN), CodeSource.CELL);
        assertEquals("    " + cell.substring(0, 120) + "…", start.traceback().get(1));
        assertEquals("    " + " ".repeat(10) + "^", start.traceback().get(2));
    }

    @Test
    void wrapperLocationLinesAreDropped() {
        ExecuteOutcome.Failure f = ErrorReports.compileError("x", List.of(new ErrorReports.CellDiagnostic(0, "",
                "cannot find symbol\n  symbol:   variable x\n  location: class REPL.$JShell$3\n  location: class ")),
                CompileExplainer.plain(Lang.EN), CodeSource.CELL);
        assertEquals(List.of("cell line 1, column 1: cannot find symbol", "  symbol:   variable x", "    x", "    ^"),
                f.traceback());
    }

    @Test
    void framesBecomeCellLines() {
        SnippetOrigins origins = new SnippetOrigins();
        origins.record("7", 2, 10, CodeSource.CELL);
        assertEquals("greet (cell line 12)",
                ErrorReports.describe(new StackTraceElement("", "greet", "#7", 3), origins, 2, Lang.EN));
        assertEquals("cell line 10", ErrorReports.describe(new StackTraceElement("", "", "#7", 1), origins, 2, Lang.EN));
        assertEquals("Greeter.hello (line 10 of an earlier cell)",
                ErrorReports.describe(new StackTraceElement("Greeter", "hello", "#7", 1), origins, 3, Lang.EN));
        assertEquals("toString (cell line 11)",
                ErrorReports.describe(new StackTraceElement("1", "toString", "#7", 2), origins, 2, Lang.EN));
        assertEquals("Greeter.run (cell line 11)",
                ErrorReports.describe(new StackTraceElement("Greeter$1", "run", "#7", 2), origins, 2, Lang.EN));
        assertEquals(null, ErrorReports.describe(new StackTraceElement("java.lang.Integer", "parseInt",
                "Integer.java", 5), origins, 2, Lang.EN));
    }

    /** A frame of an earlier cell is placed by the number the notebook shows beside it, when it showed one. */
    @Test
    void anEarlierCellIsNamedByItsNumber() {
        SnippetOrigins origins = new SnippetOrigins();
        origins.record("7", 2, 10, CodeSource.CELL);
        origins.numbered(2, 5);
        origins.record("8", 3, 1, CodeSource.CELL);
        StackTraceElement inSeven = new StackTraceElement("REPL.$JShell$7", "serve", "#7", 2);
        assertEquals("serve (单元格 [5] 第 11 行)", ErrorReports.describe(inSeven, origins, 4, Lang.ZH));
        assertEquals("serve (line 11 of cell [5])", ErrorReports.describe(inSeven, origins, 4, Lang.EN));
        assertEquals("cell line 11", ErrorReports.describe(new StackTraceElement("REPL.$JShell$7", "do_it$", "#7", 2),
                origins, 2, Lang.EN));
        assertEquals("line 2 of an earlier cell", ErrorReports.describe(
                new StackTraceElement("REPL.$JShell$8", "do_it$", "#8", 2), origins, 4, Lang.EN), "a silent run");
    }

    /** A Chinese notebook's missing semicolon, javac's own text below the sentence shown as {@code javacSays}. */
    private static List<String> missingSemicolon(String javacSays) {
        ExecuteOutcome.Failure f = ErrorReports.compileError("int x = 1\nint y = 2;", List.of(
                new ErrorReports.CellDiagnostic(9, "compiler.err.expected", "';' expected", javacSays)),
                CompileExplainer.plain(Lang.ZH), CodeSource.CELL);
        return f.traceback();
    }

    @Test
    void chineseLocationAndExplanationAboveJavacsText() {
        assertEquals(List.of("单元格第 1 行第 10 列：少了分号：Java 的每条语句都以 ; 结尾，请在标出的位置（这条语句的末尾）加上 ;。",
                "  ';' expected", "    int x = 1", "             ^"), missingSemicolon("';' expected"));
    }

    /** The sentence is chosen from javac's English; the student reads javac's own words in Chinese below it. */
    @Test
    void javacsTextIsShownInTheStudentsLanguageAndReadInEnglish() {
        assertEquals(List.of("单元格第 1 行第 10 列：少了分号：Java 的每条语句都以 ; 结尾，请在标出的位置（这条语句的末尾）加上 ;。",
                "  需要';'", "    int x = 1", "             ^"), missingSemicolon("需要';'"));
    }

    /** A name declared twice in a cell: the method JShell wraps the cell in is no name the student wrote. */
    @Test
    void theWrapperMethodIsCalledTheCell() {
        String cell = "int i = 0;\nfor (int i = 0; i < 3; i++) { }";
        ExecuteOutcome.Failure en = ErrorReports.compileError(cell, List.of(new ErrorReports.CellDiagnostic(20,
                "", "variable i is already defined in method do_it$()")), CompileExplainer.plain(Lang.EN),
                CodeSource.CELL);
        assertEquals("cell line 2, column 10: variable i is already defined in this cell", en.traceback().getFirst());
        ExecuteOutcome.Failure zh = ErrorReports.compileError(cell, List.of(new ErrorReports.CellDiagnostic(20,
                "", "variable i is already defined in method do_it$()", "已在方法 do_it$()中定义了变量 i")),
                CompileExplainer.plain(Lang.ZH), CodeSource.CELL);
        assertEquals("单元格第 2 行第 10 列：已在这个单元格中定义了变量 i", zh.traceback().getFirst());
    }

    @Test
    void chineseWrapperLocationLinesAreDropped() {
        ExecuteOutcome.Failure f = ErrorReports.compileError("x", List.of(new ErrorReports.CellDiagnostic(0, "",
                "cannot find symbol", "找不到符号\n  符号:   变量 x\n  位置: 类 REPL.$JShell$3\n  位置: 类 ")),
                CompileExplainer.plain(Lang.ZH), CodeSource.CELL);
        assertEquals(List.of("单元格第 1 行第 1 列：找不到符号", "  符号:   变量 x", "    x", "    ^"), f.traceback());
    }

    @Test
    void theJdksTextNamesWhatTheStudentDeclared() {
        assertEquals("Cannot invoke \"String.length()\" because \"s\" is null", ErrorReports.withStudentNames(
                "Cannot invoke \"String.length()\" because \"REPL.$JShell$8.s\" is null"));
        assertEquals("class Point cannot be cast to class java.lang.String (Point is in unnamed module)",
                ErrorReports.withStudentNames("class REPL.$JShell$12$Point cannot be cast to class "
                        + "java.lang.String (REPL.$JShell$12$Point is in unnamed module)"));
        assertEquals("Cannot read field \"x\" because \"p\" is null",
                ErrorReports.withStudentNames("Cannot read field \"x\" because \"$JShell$netlabValue7.p\" is null"));
        assertEquals("Index 3 out of bounds for length 3", ErrorReports.withStudentNames(
                "Index 3 out of bounds for length 3"));
        assertNull(ErrorReports.withStudentNames(null));
    }

    @Test
    void indentCountsOpenBrackets() {
        assertEquals("    ", CodeAssist.indentFor("for (;;) {"));
        assertEquals("        ", CodeAssist.indentFor("void f() {\n if (x) { // {"));
        assertEquals("", CodeAssist.indentFor("String s = \"{\";"));
    }
}
