package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class StringConstantsTest {

    @Test
    void aLiteralOverTheConstantPoolsLimitIsFoundWhereItStarts() {
        assertEquals(11, StringConstants.tooLong("String s = \"" + "z".repeat(70_000) + "\";"));
        assertEquals(4, StringConstants.tooLong("s = \"" + "中".repeat(22_000) + "\";"), "3 bytes a character");
        assertEquals(0, StringConstants.tooLong("\"\"\"\n" + "abc\n".repeat(30_000) + "\"\"\""));
    }

    @Test
    void whatOnlyLooksLongIsLeft() {
        assertEquals(-1, StringConstants.tooLong("String s = \"short\"; char q = '\"'; s"));
        assertEquals(-1, StringConstants.tooLong("s = \"" + "z".repeat(65_535) + "\";"), "the limit itself fits");
        assertEquals(-1, StringConstants.tooLong("s = \"" + "\\n".repeat(40_000) + "\";"), "escapes are one byte");
        assertEquals(-1, StringConstants.tooLong("// \"" + "z".repeat(70_000) + "\n1"));
        assertEquals(-1, StringConstants.tooLong("/* \"" + "z".repeat(70_000) + " */ 1"));
        assertEquals(-1, StringConstants.tooLong("\"\"\"\n" + "    a\n".repeat(20_000) + "\"\"\""), "indentation");
    }
}
