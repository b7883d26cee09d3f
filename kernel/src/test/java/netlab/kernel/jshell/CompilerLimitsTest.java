package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CompilerLimitsTest {

    @Test
    void aLiteralOverTheConstantPoolsLimitIsFoundWhereItStarts() {
        assertEquals(11, CompilerLimits.tooLongString("String s = \"" + "z".repeat(70_000) + "\";"));
        assertEquals(4, CompilerLimits.tooLongString("s = \"" + "中".repeat(22_000) + "\";"), "3 bytes a character");
        assertEquals(0, CompilerLimits.tooLongString("\"\"\"\n" + "abc\n".repeat(30_000) + "\"\"\""));
    }

    @Test
    void whatOnlyLooksLongIsLeft() {
        assertEquals(-1, CompilerLimits.tooLongString("String s = \"short\"; char q = '\"'; s"));
        assertEquals(-1, CompilerLimits.tooLongString("s = \"" + "z".repeat(65_535) + "\";"), "the limit itself fits");
        assertEquals(-1, CompilerLimits.tooLongString("s = \"" + "\\n".repeat(40_000) + "\";"), "escapes are one byte");
        assertEquals(-1, CompilerLimits.tooLongString("// \"" + "z".repeat(70_000) + "\n1"));
        assertEquals(-1, CompilerLimits.tooLongString("/* \"" + "z".repeat(70_000) + " */ 1"));
        assertEquals(-1, CompilerLimits.tooLongString("\"\"\"\n" + "    a\n".repeat(20_000) + "\"\"\""), "indentation");
    }

    @Test
    void aBlockCommentThatNeverEndsIsFoundWhereItStarts() {
        assertEquals(11, CompilerLimits.unclosedComment("int a = 1; /* to do\nint b = 2;"));
        assertEquals(0, CompilerLimits.unclosedComment("/*/ int c;"));
        assertEquals(-1, CompilerLimits.unclosedComment("/* closed */ int d; // /* in a line comment"));
        assertEquals(-1, CompilerLimits.unclosedComment("String s = \"/* in a string\"; char c = '/';"));
        assertEquals(-1, CompilerLimits.unclosedComment("int e = 1 +"));
    }

    @Test
    void bracketsNestedPastTheLimitAreFoundWhereTheyPassIt() {
        int max = CompilerLimits.MAX_DEPTH;
        assertEquals(-1, CompilerLimits.tooDeep("int x = " + "(".repeat(max) + "1" + ")".repeat(max) + ";"));
        assertEquals(8 + max, CompilerLimits.tooDeep("int x = " + "(".repeat(max + 1) + "1" + ")".repeat(max + 1) + ";"));
        assertEquals(-1, CompilerLimits.tooDeep("void f() {}\n".repeat(5_000)), "siblings are not nesting");
        assertEquals(-1, CompilerLimits.tooDeep("String s = \"" + "(".repeat(2 * max) + "\"; // " + "[".repeat(2 * max)
                + "\n/* " + "{".repeat(2 * max) + " */ char c = '(';"), "brackets in literals and comments");
        assertEquals(max, CompilerLimits.tooDeep("{[" + "(".repeat(max) + "]"), "any kind, closed or not");
    }
}
