package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The lessons' own javadoc, found from the sources their jar (or classes directory) carries. */
class LessonsJavadocTest {

    private static final LessonsJavadoc DOCS = LessonsJavadoc.on(EngineOptions.defaults().studentClasspath());

    @Test
    void findsAMethodByJShellsSignature() {
        JavadocText send = DOCS.find("int Udp.send(String text, String host, int port)").orElseThrow();
        assertTrue(send.plain().startsWith("Sends one datagram from a fresh socket"), send.plain());
        assertTrue(send.plain().contains("Udp.send(\"hi\", \"127.0.0.1\", 7788)"), send.plain());
        assertTrue(send.markdown().contains("`Udp.send(\"hi\", \"127.0.0.1\", 7788)`"), send.markdown());
    }

    @Test
    void overloadsAreToldApartByParameterTypes() {
        String one = DOCS.find("UdpEndpoint Udp.bind(int port)").orElseThrow().plain();
        String two = DOCS.find("UdpEndpoint Udp.bind(String localAddress, int port)").orElseThrow().plain();
        assertTrue(one.contains("every local address"), one);
        assertTrue(two.contains("one local address"), two);
    }

    @Test
    void classDocShowsItsExampleAsABlock() {
        JavadocText udp = DOCS.find("netlab.net.Udp").orElseThrow();
        assertTrue(udp.plain().contains("\n    Server echo = Udp.echoServer(0);"), udp.plain());
        assertTrue(udp.markdown().contains("```java\nServer echo = Udp.echoServer(0);"), udp.markdown());
        assertFalse(udp.plain().contains("{@code"), udp.plain());
        assertFalse(udp.plain().contains("<pre>"), udp.plain());
    }

    @Test
    void blockTagsBecomeSections() {
        JavadocText bind = DOCS.find("UdpEndpoint Udp.bind(int port)").orElseThrow();
        assertTrue(bind.plain().contains("Throws:\n  UncheckedIOException - if the port is taken"), bind.plain());
        assertTrue(bind.plain().contains("see UdpEndpoint.broadcast(boolean))"), bind.plain());
    }

    @Test
    void recordMembersAndSimpleAndQualifiedNames() {
        assertTrue(DOCS.find("Ipv4 Ipv4(int bits).parse(String text)").isPresent());
        assertEquals(DOCS.find("netlab.net.Udp"), DOCS.find("Udp"));
    }

    @Test
    void jdkAndUnknownNamesFindNothing() {
        assertTrue(DOCS.find("int Math.max(int a, int b)").isEmpty());
        assertTrue(DOCS.find("int Udp.send(int nonsense)").isEmpty());
        assertTrue(DOCS.find("x:int").isEmpty());
        assertTrue(LessonsJavadoc.on(List.of(Path.of("/nonexistent.jar"))).find("netlab.net.Udp").isEmpty());
    }

    @Test
    void everyLessonsCommentRendersWithoutRawTags() {
        assertTrue(DOCS.classNames().size() > 40, DOCS.classNames().toString());
        int comments = 0;
        for (String name : DOCS.classNames()) {
            for (Map.Entry<String, JavadocText> e : DOCS.comments(name).entrySet()) {
                comments++;
                String plain = e.getValue().plain();
                assertFalse(plain.isBlank(), e.getKey());
                assertFalse(plain.contains("{@") || plain.contains("<p>") || plain.contains("<pre>"), e.getKey() + ": " + plain);
            }
        }
        assertTrue(comments > 300, "only " + comments + " comments");
    }

    @Test
    void parsesEveryCommentedDeclarationOfASource() {
        Map<String, JavadocText> parsed = LessonsJavadoc.parse("""
                package p;
                /** A box. */
                public class Box<T> {
                    /** Its size. */
                    public static final int SIZE = 1;
                    /** Makes one. */
                    public Box(T value) { }
                    /**
                     * Holds {@code many}
                     * items.
                     * @param items the items
                     */
                    public static <T> Box<T> of(java.util.List<T> list, T... items) { return null; }
                    /** Inner. */
                    public record Inner(int x) { }
                    public void undocumented() { }
                }
                """, "p.Box");
        assertEquals(List.of("Box", "Box#<init>(T)", "Box#SIZE", "Box#of(List,T[])", "Box.Inner"),
                parsed.keySet().stream().sorted().toList());
        assertEquals("Holds many items.\n\nParameters:\n  items - the items", parsed.get("Box#of(List,T[])").plain());
    }
}
