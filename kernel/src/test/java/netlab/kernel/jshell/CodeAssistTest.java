package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The parts of CodeAssist that need no JShell; the rest is tested through a real engine in CodeAssistIT. */
class CodeAssistTest {

    @Test
    void memberSignatureDropsReturnTypeAndClass() {
        assertEquals("send(String text, String host, int port)",
                CodeAssist.memberSignature("int Udp.send(String text, String host, int port)", "send"));
        assertEquals("parse(String text)", CodeAssist.memberSignature("Ipv4 Ipv4(int bits).parse(String text)", "parse"));
        assertEquals("max(int a, int b)", CodeAssist.memberSignature("int Math.max(int a, int b)", "max"));
    }

    @Test
    void readableSignaturesLoseTheRecordHeaderJShellWritesIntoThem() {
        assertEquals("Ipv4 Ipv4.parse(String text)", CodeAssist.readable("Ipv4 Ipv4(int bits).parse(String text)"));
        assertEquals("Ipv4(int bits)", CodeAssist.readable("Ipv4(int bits)(int bits)"));
        assertEquals("Subnet.Host Subnet.Host.of(int a)", CodeAssist.readable("Subnet.Host Subnet.Host(int a, int b).of(int a)"));
        assertEquals("int Math.max(int a, int b)", CodeAssist.readable("int Math.max(int a, int b)"));
        assertEquals("<T> List<T> List.of(T... es)", CodeAssist.readable("<T> List<T> List.of(T... es)"));
    }

    @Test
    void qualifierIsTheExpressionBeforeTheCompletedName() {
        assertEquals("Math.", CodeAssist.qualifierBefore("int m = Math.ma", 13));
        assertEquals("netlab.net.Udp.", CodeAssist.qualifierBefore("netlab.net.Udp.se", 15));
        assertEquals("list.get(f(1)).", CodeAssist.qualifierBefore("x = list.get(f(1)).to", 19));
        assertEquals("", CodeAssist.qualifierBefore("int y = coun", 8));
    }

    @Test
    void indentFollowsOpenBracketsOutsideStringsAndComments() {
        assertEquals("    ", CodeAssist.indentFor("for (;;) {"));
        assertEquals("", CodeAssist.indentFor("String s = \"{\"; // {"));
        assertEquals("        ", CodeAssist.indentFor("void f() {\n  if (x) {"));
    }

    @Test
    void offsetsConvertBetweenCodePointsAndChars() {
        String code = "\"😀\".len";
        assertEquals(code.length(), CodeAssist.toChars(code, code.codePointCount(0, code.length())));
        assertEquals(3, CodeAssist.toCodePoints(code, 4));
    }
}
