package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Javadoc comments rendered as plain text and Markdown. */
class JavadocTextTest {

    private static JavadocText render(String comment) {
        return JavadocText.ofComment(comment).orElseThrow();
    }

    @Test
    void inlineTagsAndEntities() {
        JavadocText t = render(" The {@code int} value of {@link Integer#MAX_VALUE}, see {@link #parse(String) parsing};\n"
                + " {@literal a<b} &lt;= <b>c</b>.");
        assertEquals("The int value of Integer.MAX_VALUE, see parsing; a<b <= c.", t.plain());
        assertEquals("The `int` value of `Integer.MAX_VALUE`, see parsing; a<b <= **c**.", t.markdown());
    }

    @Test
    void paragraphsListsAndExamples() {
        JavadocText t = render("""
                 First.
                 <p>Second:
                 <ul><li>one</li><li>two</li></ul>
                 <pre>{@code
                 for (int i = 0; i < 3; i++) {
                     send(i);
                 }
                 }</pre>
                 After.""");
        assertEquals("First.\n\nSecond:\n  - one\n  - two\n\n    for (int i = 0; i < 3; i++) {\n        send(i);\n    }\n\nAfter.",
                t.plain());
        assertEquals("First.\n\nSecond:\n- one\n- two\n\n```java\nfor (int i = 0; i < 3; i++) {\n    send(i);\n}\n```\n\nAfter.",
                t.markdown());
    }

    @Test
    void blockTagsBecomeSections() {
        JavadocText t = render(" Sends.\n @param text what to send\n @param port where\n @return bytes sent\n"
                + " @throws java.io.UncheckedIOException when it fails\n");
        assertEquals("Sends.\n\nParameters:\n  text - what to send\n  port - where\n\nReturns:\n  bytes sent\n\n"
                + "Throws:\n  java.io.UncheckedIOException - when it fails", t.plain());
        assertEquals("Sends.\n\n**Parameters:**\n- `text` - what to send\n- `port` - where\n\n**Returns:**\n- bytes sent\n\n"
                + "**Throws:**\n- `java.io.UncheckedIOException` - when it fails", t.markdown());
    }

    @Test
    void aCommentClosingMarkerInsideTheTextIsHarmless() {
        assertEquals("a */ b", render(" a */ b").plain());
    }
}
