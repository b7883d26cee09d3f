package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import netlab.kernel.engine.Completion;
import netlab.kernel.engine.IsComplete;
import netlab.kernel.engine.LanguageFacts;
import netlab.kernel.engine.MimeBundle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Completion, inspection and completeness through a real engine. */
class CodeAssistIT {

    private static JShellEngine engine;

    @BeforeAll
    static void start() throws Exception {
        engine = JShellEngine.start(EngineOptions.defaults().toBuilder()
                .startup(List.of("import netlab.display.*;")).build());
    }

    @AfterAll
    static void stop() {
        engine.close();
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
        // JShell indexes packages in the background after start; give it time on a busy machine.
        Completion pkg = engine.complete("java.ut", 7);
        for (int i = 0; i < 100 && pkg.matches().isEmpty(); i++) {
            Thread.sleep(100);
            pkg = engine.complete("java.ut", 7);
        }
        assertEquals(5, pkg.cursorStart());
        assertTrue(pkg.matches().contains(new Completion.Match("util.", "package", "")), pkg.toString());
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
}
