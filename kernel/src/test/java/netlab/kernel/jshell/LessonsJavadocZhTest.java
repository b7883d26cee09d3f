package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import netlab.text.Lang;
import org.junit.jupiter.api.Test;

/**
 * The Chinese javadoc ({@link LessonsJavadoc#CHINESE}) against the sources: every text belongs to a documented
 * class or member; every lessons class and member a teacher chapter's code names (either language; see
 * {@link ChapterNames}) has English javadoc in its source and a Chinese text, and inspecting it from the signature
 * JShell prints finds both; a Chinese session shows the Chinese above the English.
 */
class LessonsJavadocZhTest {

    private static final LessonsJavadoc DOCS = LessonsJavadoc.on(EngineOptions.defaults().studentClasspath());
    private static final Path CHAPTERS = Path.of("..", "notebooks", "teacher");

    /** Udp.bind(port) binds every address and Udp.bind(address, port) one: each overload its own Chinese. */
    @Test
    void anOverloadWithATextOfItsOwnShowsItAndTheOthersShareTheNames() {
        String one = DOCS.find(DocTarget.parse("UdpEndpoint Udp.bind(String localAddress, int port)").orElseThrow(),
                Lang.ZH).orElseThrow().plain();
        String all = DOCS.find(DocTarget.parse("UdpEndpoint Udp.bind(int port)").orElseThrow(), Lang.ZH).orElseThrow()
                .plain();
        assertTrue(one.startsWith("绑定一个只在本机一个地址上收发的 UDP 套接字"), one);
        assertTrue(all.startsWith("在本机所有地址（0.0.0.0）"), all);
    }

    @Test
    void everyChineseTextBelongsToADocumentedElement() {
        Map<String, String> zh = DOCS.chineseTexts();
        assertTrue(zh.size() >= 60, "only " + zh.size() + " Chinese texts");
        Set<String> stale = new TreeSet<>();
        zh.forEach((key, text) -> {
            String type = key.split("#", 2)[0];
            // the top-level class is the longest prefix that is one; a nested class's names follow it
            String qualified = DOCS.classNames().stream().filter(q -> type.equals(q) || type.startsWith(q + "."))
                    .max(java.util.Comparator.comparingInt(String::length)).orElse(null);
            String path = qualified == null ? null
                    : qualified.substring(qualified.lastIndexOf('.') + 1) + type.substring(qualified.length());
            Set<String> documented = qualified != null ? DOCS.comments(qualified).keySet() : Set.of();
            String member = key.substring(type.length());
            boolean found = key.contains("#")
                    ? documented.stream().anyMatch(k -> k.startsWith(path + member + "(") || k.equals(path + member))
                    : documented.contains(path);
            if (!found || !text.contains("示例")) {
                stale.add(key + (found ? ": no 示例 (example)" : ": no such documented class or member"));
            }
        });
        assertEquals(Set.of(), stale);
    }

    @Test
    void everyLessonsClassAndMemberTheChaptersNameHasEnglishAndChineseJavadoc() throws IOException {
        Set<ChapterNames.Named> named = ChapterNames.of(CHAPTERS);
        assertTrue(named.size() > 150, "only " + named.size() + " names found in the chapters: " + named);
        Set<String> problems = new TreeSet<>();
        for (ChapterNames.Named n : named) {
            String key = n.chineseKey();
            if (!n.documentedIn(DOCS)) {
                problems.add(key + ": no English javadoc in the source");
            }
            if (!DOCS.chineseTexts().containsKey(key)) {
                problems.add(key + ": no Chinese text in " + LessonsJavadoc.CHINESE);
            }
            // what Shift-Tab shows, from the signature JShell prints (a simple class name, as in Check.routeNextHop)
            if (n.documentedIn(DOCS) && DOCS.chineseTexts().containsKey(key)) {
                for (DocTarget target : n.targets()) {
                    // an overload may have a text of its own (netlab.net.Udp#bind(String,int))
                    String own = target.params() == null ? null
                            : DOCS.chineseTexts().get(key + "(" + String.join(",", target.params()) + ")");
                    String first = (own != null ? own : DOCS.chineseTexts().get(key)).lines().findFirst().orElseThrow();
                    String shown = DOCS.find(target, Lang.ZH).map(JavadocText::plain).orElse("");
                    if (!shown.startsWith(first)) {
                        problems.add(key + ": inspecting " + target + " shows " + (shown.isEmpty() ? "nothing" : shown));
                    }
                }
            }
        }
        assertEquals(Set.of(), problems, "what the chapters name without javadoc");
    }

    @Test
    void theChapterScanSeesStaticInstanceAndChainedCalls() throws IOException {
        Set<String> keys = new TreeSet<>();
        ChapterNames.of(CHAPTERS).forEach(n -> keys.add(n.chineseKey()));
        for (String expected : List.of("netlab.course.Check#routeNextHop", "netlab.sim.Lab#host", "netlab.sim.Lab#link",
                "netlab.sim.Host#ping", "netlab.sim.IpNode#routes", "netlab.sim.TcpTalk#ladder", "netlab.net.TcpState#CLOSE",
                "netlab.live.RouteTable#explain", "netlab.sim.HomeRouter.Lease#ip", "netlab.live.Interfaces.Nic#name",
                "netlab.sim.Topologies", "netlab.servers.Servers")) {
            assertTrue(keys.contains(expected), expected + " not among " + keys);
        }
    }

    @Test
    void aChineseSessionShowsTheChineseTextFirstAndTheEnglishBelow() {
        DocTarget send = DocTarget.parse("int Udp.send(String text, String host, int port)").orElseThrow();
        JavadocText zh = DOCS.find(send, Lang.ZH).orElseThrow();
        assertTrue(zh.plain().startsWith("用一个新套接字发送一个数据报，发完立即关闭套接字。\n示例："), zh.plain());
        assertTrue(zh.plain().contains("\n\nSends one datagram from a fresh socket"), zh.plain());
        assertTrue(zh.markdown().contains("  \n示例：`Udp.send(\"hi\", \"127.0.0.1\", 7788)`\n\n---\n\n"), zh.markdown());
        assertEquals(DOCS.find(send), DOCS.find(send, Lang.EN));
    }
}
