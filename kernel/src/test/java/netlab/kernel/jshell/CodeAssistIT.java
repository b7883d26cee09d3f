package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netlab.kernel.engine.Completion;
import netlab.kernel.engine.IsComplete;
import netlab.kernel.engine.LanguageFacts;
import netlab.kernel.engine.MimeBundle;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Completion, inspection and completeness through a real engine. */
@ExtendWith(SharedEngine.class)
class CodeAssistIT {

    private static JShellEngine engine;

    @BeforeAll
    static void start(JShellEngine shared) {
        engine = shared;
    }

    @Test
    void completesMethodsWithCursorRange() {
        Completion c = engine.complete("Math.ma", 7);
        assertEquals(5, c.cursorStart());
        assertEquals(7, c.cursorEnd());
        Completion.Match max = c.matches().stream().filter(m -> m.text().startsWith("max")).findFirst().orElseThrow();
        assertEquals("method", max.type());
        assertEquals(1, c.matches().stream().filter(m -> m.text().equals(max.text())).count(), "no duplicates");
    }

    @Test
    void completesStudentVariablesAndClasses() {
        engine.execute("int counterOne = 1;", new RecordingIO());
        Completion c = engine.complete("int y = counterO", 16);
        assertEquals(8, c.cursorStart());
        assertTrue(c.matches().contains(new Completion.Match("counterOne", "variable", "")), c.toString());
        Completion classes = engine.complete("Strin", 5);
        assertTrue(classes.matches().stream().anyMatch(m -> m.text().equals("String") && m.type().equals("class")),
                classes.toString());
        Completion lessons = engine.complete("Ht", 2);
        assertTrue(lessons.matches().stream().anyMatch(m -> m.text().equals("Html")), lessons.toString());
    }

    @Test
    void completesPackages() throws InterruptedException {
        Completion pkg = completePackage("java.ut");
        assertEquals(5, pkg.cursorStart());
        assertTrue(pkg.matches().contains(new Completion.Match("util.", "package", "")), pkg.toString());
    }

    @Test
    void completesTheCourseLibrarysPackages() throws InterruptedException {
        Completion pkg = completePackage("import netlab.i");
        assertEquals(14, pkg.cursorStart());
        assertTrue(pkg.matches().contains(new Completion.Match("ip.", "package", "")), pkg.toString());
    }

    /** Completion at the end of {@code code}; JShell fills its package list in the background after start. */
    private Completion completePackage(String code) throws InterruptedException {
        Completion pkg = engine.complete(code, code.length());
        for (int i = 0; i < 100 && pkg.matches().isEmpty(); i++) {
            Thread.sleep(100);
            pkg = engine.complete(code, code.length());
        }
        return pkg;
    }

    @Test
    void cursorOffsetsAreCodePoints() {
        String code = "String s = \"😀\"; s.leng";
        int cursor = code.codePointCount(0, code.length());
        Completion c = engine.complete(code, cursor);
        assertEquals(cursor - 4, c.cursorStart());
        assertTrue(c.matches().stream().anyMatch(m -> m.text().startsWith("length")), c.toString());
    }

    @Test
    void inspectWorksAtTheEndOfAName() {
        MimeBundle doc = engine.inspect("Math.max", 8, 0).orElseThrow();
        assertTrue(doc.plainText().contains("Math.max(int a, int b)"), doc.plainText());
        MimeBundle detailed = engine.inspect("Math.max", 8, 1).orElseThrow();
        assertTrue(detailed.plainText().length() > doc.plainText().length(), detailed.plainText());
        assertTrue(detailed.plainText().toLowerCase().contains("greater"), detailed.plainText());
        assertTrue(engine.inspect("Math.max(1, 2)", 6, 0).isPresent(), "cursor in the middle of the name");
        assertTrue(engine.inspect("   ", 1, 0).isEmpty());
    }

    @Test
    void inspectShowsTheLessonsOwnJavadocWithItsExample() {
        String code = "netlab.net.Udp.send";
        MimeBundle send = engine.inspect(code, code.length(), 0).orElseThrow();
        String plain = send.plainText();
        assertTrue(plain.contains("Udp.send(String text, String host, int port)\nSends one datagram"), plain);
        assertTrue(plain.contains("Example: Udp.send(\"hi\", \"127.0.0.1\", 7788)"), plain);
        String markdown = send.data().get("text/markdown");
        assertTrue(markdown.startsWith("```java\nint "), markdown);
        assertTrue(markdown.contains("Udp.send(String text, String host, int port)\n```\n\nSends"), markdown);

        String parse = engine.inspect("netlab.ip.Ipv4.parse(", 19, 0).orElseThrow().plainText();
        assertTrue(parse.contains("Ipv4.parse(String text)\n") && !parse.contains("(int bits)"),
                "a record's header is not part of it: " + parse);
        assertFalse(parse.contains("{@code"), parse);

        String udp = engine.inspect("netlab.net.Udp", 14, 0).orElseThrow().plainText();
        assertTrue(udp.contains("\n    Server echo = Udp.echoServer(0);"), udp);
    }

    @Test
    void aStudentsClassNamedLikeALessonsClassIsNotGivenTheLessonsJavadoc() {
        String call = "netlab.ip.Vlsm.allocate(";
        String library = engine.inspect(call, call.length(), 0).orElseThrow().plainText();
        assertTrue(library.contains("Plans networks"), "the library's comment, before: " + library);

        // same simple name, same member, same parameter types: only the session knows whose it is
        engine.execute("class Vlsm { static int allocate(netlab.ip.Subnet base, int... hostCounts) { return 0; } }",
                new RecordingIO());
        String own = engine.inspect("Vlsm.allocate(", 14, 0).orElseThrow().plainText();
        assertTrue(own.contains("Vlsm.allocate(") && own.contains("Subnet base, int... hostCounts)"), own);
        assertFalse(own.contains("Plans networks"), "the library's comment shown for the student's method: " + own);
        String ownClass = engine.inspect("Vlsm", 4, 0).orElseThrow().plainText();
        assertFalse(ownClass.contains("smallest block"), "the library's comment shown for the student's class: " + ownClass);
    }

    @Test
    void jdkJavadocIsRenderedNotRawHtml() {
        String max = engine.inspect("Math.max", 8, 1).orElseThrow().plainText();
        assertFalse(max.contains("<p>"), max);
        assertFalse(max.contains("{@code"), max);
        assertTrue(max.contains("Parameters:\n  a - an argument."), max);
    }

    @Test
    void methodCompletionsCarryTheirSignature() {
        Completion c = engine.complete("netlab.net.Udp.sen", 18);
        assertEquals(List.of(new Completion.Match("send(", "method", "send(String text, String host, int port)")),
                c.matches());
        Completion overloads = engine.complete("netlab.net.Udp.bin", 18);
        assertEquals("bind(int port) (+1 overload)", overloads.matches().getFirst().signature());
        try {
            JShellEngineIT.success(engine.execute("%lang zh", new RecordingIO()));
            String zh = engine.complete("netlab.net.Udp.bin", 18).matches().getFirst().signature();
            assertEquals("bind(int port) " + Text.in(Lang.ZH, "assist.overloads", 1), zh);
            assertFalse(zh.contains("overload"), zh);
        } finally {
            JShellEngineIT.success(engine.execute("%lang en", new RecordingIO()));
        }
        Completion fields = engine.complete("Math.P", 6);
        assertTrue(fields.matches().contains(new Completion.Match("PI", "field", "")), fields.toString());
        Completion keywords = engine.complete("Math.cla", 8);
        assertTrue(keywords.matches().contains(new Completion.Match("class", "keyword", "")), keywords.toString());
    }

    @Test
    void signaturesFollowARedeclaredMethod() {
        engine.execute("String pickOne(int a) { return \"\" + a; }", new RecordingIO());
        assertEquals("pickOne(int a)", engine.complete("pickOn", 6).matches().getFirst().signature());
        assertEquals("pickOne(int a)", engine.complete("pickOn", 6).matches().getFirst().signature());
        engine.execute("String pickOne(String s) { return s; }", new RecordingIO());
        String now = engine.complete("pickOn", 6).matches().getFirst().signature();
        assertTrue(now.startsWith("pickOne(String s)") || now.equals("pickOne(int a) (+1 overload)"), now);
        assertFalse(now.equals("pickOne(int a)"), now);
    }

    @Test
    void isCompleteTellsCompleteIncompleteAndInvalid() {
        assertEquals(IsComplete.Status.COMPLETE, engine.isComplete("int x = 1;").status());
        assertEquals(IsComplete.Status.COMPLETE, engine.isComplete("1 + 1").status());
        assertEquals(IsComplete.Status.COMPLETE, engine.isComplete("int a = 1;\nSystem.out.println(a);").status());
        IsComplete loop = engine.isComplete("for (int i=0;i<3;i++) {");
        assertEquals(IsComplete.Status.INCOMPLETE, loop.status());
        assertEquals("    ", loop.indent());
        assertEquals(IsComplete.Status.INCOMPLETE, engine.isComplete("void f() {\n  if (true) {").status());
        assertEquals("        ", engine.isComplete("void f() {\n  if (true) {").indent());
        assertEquals(IsComplete.Status.INVALID, engine.isComplete("int x = ;").status());
        assertEquals(IsComplete.Status.INVALID, engine.isComplete("}").status());
        assertEquals(IsComplete.Status.INVALID, engine.isComplete("int a = 1;\nint b = ;").status());
    }

    @Test
    void languageFacts() {
        LanguageFacts facts = engine.languageFacts();
        assertEquals("java", facts.name());
        assertEquals(System.getProperty("java.version"), facts.version());
        assertEquals("text/x-java-source", facts.mimetype());
        assertEquals(".jshell", facts.fileExtension());
        assertFalse(facts.helpLinks().isEmpty());
    }

    /**
     * Tab or Shift-Tab in a cell that keeps javac busy for minutes: the answer comes (empty) once javac has been
     * stopped, and the engine takes the next request.
     */
    @Test
    void assistOnACellJavacWouldCompileForMinutesAnswers() {
        engine.execute("<T> T id(T t) { return t; }\nboolean b = true;", new RecordingIO());
        String slow = netlab.kernel.grading.Corpus.SLOW_TO_COMPILE;
        String code = slow.substring(slow.indexOf("Integer slow")) + "\nslow.";
        long start = System.nanoTime();
        Completion c = engine.complete(code, code.length());
        assertTrue(c.matches().isEmpty(), c.toString());
        assertFalse(engine.inspect(code, code.length() - 3, 0).isPresent());
        long seconds = (System.nanoTime() - start) / 1_000_000_000;
        assertTrue(seconds < 30, "completion and inspection took " + seconds + " s");
        assertTrue(engine.complete("Math.ma", 7).matches().stream().anyMatch(m -> m.text().startsWith("max")));
    }
}
