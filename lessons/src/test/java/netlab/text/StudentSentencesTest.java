package netlab.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import netlab.display.Table;
import netlab.exercise.Exercises;
import netlab.ip.Ipv4;
import netlab.ip.Ipv6;
import netlab.ip.Mask;
import netlab.ip.Subnet;
import netlab.ip.Vlsm;
import netlab.net.Encodings;
import netlab.net.Ports;
import netlab.net.Tcp;
import netlab.net.TcpState;
import netlab.net.Udp;
import netlab.net.UdpEndpoint;
import netlab.tftp.Mode;
import netlab.tftp.Opcode;
import netlab.tftp.Tftp;
import netlab.tftp.TftpPacket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The course library's own errors and tables follow the student's language: each bad call below is made in
 * Chinese and in English, and the two messages must differ, the Chinese one with Chinese in it and the English one
 * without; and no {@code throw} in the library's sources words an English sentence of its own, except the ones
 * listed in {@link #NOT_FOR_STUDENTS} with the reason a student never reads them.
 */
class StudentSentencesTest {

    private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

    /**
     * The course's exercises word their titles, hints and failures once, when their classes load (in a notebook:
     * in the agent's language, from its start); they load here first, in English, as the other tests of this JVM
     * expect, not in the middle of a Chinese call below.
     */
    @BeforeAll
    static void exercisesLoadInEnglish() {
        Lang.use(Lang.EN);
        assertFalse(Exercises.all().isEmpty());
    }

    @AfterEach
    void english() {
        Lang.use(Lang.EN); // the language the other tests of this JVM expect
    }

    /** Calls that fail the way a student's first attempts do, one per kind of message moved into the catalogue. */
    private static final Map<String, Executable> BAD_CALLS = Map.ofEntries(
            Map.entry("Ipv4.parse(1.2.3.256)", () -> Ipv4.parse("1.2.3.256")),
            Map.entry("Ipv4.parse(1.2.3)", () -> Ipv4.parse("1.2.3")),
            Map.entry("Ipv4.parse(10.010.0.1)", () -> Ipv4.parse("10.010.0.1")),
            Map.entry("Ipv4.of(1, 2, 3, 300)", () -> Ipv4.of(1, 2, 3, 300)),
            Map.entry("Mask.parse(255.0.255.0)", () -> Mask.parse("255.0.255.0")),
            Map.entry("Mask.parse()", () -> Mask.parse(" ")),
            Map.entry("Subnet.parse(10.0.0.0)", () -> Subnet.parse("10.0.0.0")),
            Map.entry("Subnet hosts().get(-1)", () -> Subnet.parse("10.0.0.0/30").hosts().get(-1)),
            Map.entry("Ipv6.parse(1::2::3)", () -> Ipv6.parse("1::2::3")),
            Map.entry("Ipv6.parse(12345::)", () -> Ipv6.parse("12345::")),
            Map.entry("Vlsm too big", () -> Vlsm.allocate(Subnet.parse("10.0.0.0/28"), Map.of("A", 100))),
            Map.entry("Ports.describe(70000)", () -> Ports.describe(70000)),
            Map.entry("Ports.number(nosuch)", () -> Ports.number("nosuch")),
            Map.entry("Tcp.listen backlog 0", () -> Tcp.listen(0, 0)),
            Map.entry("TcpState.ofCode(99)", () -> TcpState.ofCode(99)),
            Map.entry("Udp receive timeout", () -> {
                try (UdpEndpoint u = Udp.bind(0)) {
                    u.receive(Duration.ofMillis(20));
                }
            }),
            Map.entry("Udp send 70000 bytes", () -> {
                try (UdpEndpoint u = Udp.bind(0)) {
                    u.send(new byte[70_000], "127.0.0.1", 9);
                }
            }),
            Map.entry("Mac.parse(02:00)", () -> netlab.sim.Mac.parse("02:00")),
            Map.entry("Tftp blockSize(3)", () -> Tftp.client("127.0.0.1", 69).blockSize(3)),
            Map.entry("Mode.parse(mail)", () -> Mode.parse("mail")),
            Map.entry("Opcode.of(9)", () -> Opcode.of(9)),
            Map.entry("TftpPacket.Data of 70000 bytes", () -> new TftpPacket.Data(1, new byte[70_000])),
            Map.entry("TftpPacket.Ack(70000)", () -> new TftpPacket.Ack(70_000)),
            Map.entry("Tftp.server(a file)", () -> Tftp.server(Path.of("pom.xml")).start().close()),
            Map.entry("Tftp put(a directory)", () -> Tftp.client("127.0.0.1", 69).put(Path.of("src"), "src")),
            Map.entry("check given null", () -> Exercises.find("intro.greet").answerOf(null)),
            Map.entry("Udp send to port 0", () -> {
                try (UdpEndpoint u = Udp.bind(0)) {
                    u.send("hi", "127.0.0.1", 0);
                }
            }),
            Map.entry("SynFlood.run backlog 0", () -> netlab.sim.SynFlood.run(0, 1000, 20, 5, false, 1)),
            Map.entry("SpoofRace 70000 forged", () -> netlab.dns.SpoofRace.simulate(10, 70_000, false, 1)),
            Map.entry("Pictures.acceptQueue(2, 0)", () -> netlab.course.Pictures.acceptQueue(2, 0)),
            Map.entry("HomeRouter.create no prefix", () -> netlab.sim.HomeRouter.create("192.168.1.1", "203.0.113.5")),
            Map.entry("HomeRouter.create network", () -> netlab.sim.HomeRouter.create("192.168.1.0/24", "203.0.113.5")),
            Map.entry("HomeRouter pool used up", () -> {
                netlab.sim.HomeRouter home = netlab.sim.HomeRouter.create("192.168.1.1/30", "203.0.113.5");
                home.join(netlab.sim.Mac.of(1));
                home.join(netlab.sim.Mac.of(2));
            }));

    @Test
    void everyBadCallSaysItInTheStudentsLanguage() {
        List<String> wrong = new ArrayList<>();
        BAD_CALLS.forEach((call, bad) -> {
            String zh = messageIn(Lang.ZH, bad);
            String en = messageIn(Lang.EN, bad);
            if (!HAN.matcher(zh).find() || HAN.matcher(en).find() || zh.equals(en)) {
                wrong.add(call + "\n  zh: " + zh + "\n  en: " + en);
            }
        });
        assertEquals(List.of(), wrong, "messages not in the student's language");
    }

    private static String messageIn(Lang lang, Executable bad) {
        Lang.use(lang);
        return String.valueOf(assertThrows(Exception.class, bad).getMessage());
    }

    @Test
    void tablesAStudentPrintsHaveHeadersAndCaptionsInTheirLanguage() {
        Map<String, Supplier<Table>> tables = Map.of(
                "Ipv4.describe", () -> Ipv4.parse("192.168.1.10").describe(),
                "Ipv4.bits", () -> Ipv4.parse("192.168.1.10").bits(24),
                "Subnet.describe", () -> Subnet.parse("192.168.1.0/26").describe(),
                "Ipv6.describe", () -> Ipv6.parse("fe80::1").describe(),
                "Vlsm.table", () -> Vlsm.allocate(Subnet.parse("10.0.0.0/24"), Map.of("A", 60)).table(),
                "Ports.table", Ports::table,
                "Encodings.compare", () -> Encodings.compare("你好"));
        List<String> wrong = new ArrayList<>();
        tables.forEach((name, table) -> {
            Lang.use(Lang.ZH);
            Table zh = table.get();
            Lang.use(Lang.EN);
            Table en = table.get();
            Set<String> shared = new TreeSet<>(zh.headers());
            shared.retainAll(en.headers());
            shared.removeIf(h -> !h.matches(".*[a-z]{2,}.*")); // "#", "" and netstat's own names may stay
            if (!shared.isEmpty() || !HAN.matcher(String.join(" ", zh.headers())).find()) {
                wrong.add(name + ": zh headers " + zh.headers() + ", en headers " + en.headers());
            }
            assertNotEquals(en.text(), zh.text(), name);
        });
        assertEquals(List.of(), wrong);
        Lang.use(Lang.ZH);
        assertTrue(HAN.matcher(TcpState.TIME_WAIT.meaning()).find(), TcpState.TIME_WAIT.meaning());
        assertTrue(Ports.services().stream().allMatch(s -> HAN.matcher(s.description()).find()),
                "a service's description");
        assertTrue(Ipv4.parse("8.8.8.8").kind().ranges().matches(".*\\p{IsHan}.*"));
        // what an address's kind means, beside its constant's name (PRIVATE), in every describe() table
        for (Ipv4.Kind kind : Ipv4.Kind.values()) {
            assertTrue(HAN.matcher(kind.meaning()).find(), kind + ": " + kind.meaning());
        }
        for (Ipv6.Kind kind : Ipv6.Kind.values()) {
            assertTrue(HAN.matcher(kind.meaning()).find(), kind + ": " + kind.meaning());
        }
        String v4 = Ipv4.parse("172.16.5.4").describe().text();
        assertTrue(v4.contains("PRIVATE，私有地址（局域网用，不在互联网上路由）：10.0.0.0/8"), v4);
        String v6 = Ipv6.parse("fe80::1").describe().text();
        assertTrue(v6.contains("LINK_LOCAL，链路本地地址（fe80::/10"), v6);
    }

    /**
     * Literal English in a {@code throw} that no student reads: the library's own invariants and a teacher's
     * mistakes in writing an exercise, each as the file and the start of its text. (A TFTP ERROR packet's English
     * is not written in a throw: it is the English text of the reason's catalogue key.)
     */
    private static final Map<String, String> NOT_FOR_STUDENTS = Map.ofEntries(
            Map.entry("exercise/Exercises.java: two exercises have the id", "a teacher's exercise set"),
            Map.entry("exercise/Exercises.java: no exercise has the id", "a teacher's check cell"),
            Map.entry("exercise/Case.java: points of case", "a teacher's exercise"),
            Map.entry("exercise/Exercise.java: exercise id", "a teacher's exercise"),
            Map.entry("exercise/Exercise.java: hidden case count must be", "a teacher's exercise"),
            Map.entry("exercise/Exercise.java: exercise '", "a teacher's exercise"),
            Map.entry("exercise/HiddenProbes.java: hidden case", "a teacher's hidden cases"),
            Map.entry("exercise/Exercises.java:  has hidden cases for", "the grader's hidden cases"),
            Map.entry("display/Display.java: .mimeBundle() has no", "a library author's Displayable"),
            Map.entry("exercise/HiddenProbes.java: a hidden case of", "a teacher's hidden cases"),
            Map.entry("exercise/HiddenProbes.java: the hidden cases could not be read", "the grader's log"),
            Map.entry("exercise/Observation.java: the check's report does not start", "the grader's own report format"),
            Map.entry("exercise/Observation.java: a line of the check's report", "the grader's own report format"),
            Map.entry("exercise/Check.java: the check's report is about", "the grader's own report format"),
            Map.entry("exercise/Values.java: the value is nested", "the grader's value format"),
            Map.entry("course/UdpExercises.java: a full-duplex case needs", "a teacher's hidden case"),
            Map.entry("course/PacketExercises.java: fault is gateway", "a teacher's hidden case"),
            Map.entry("net/SocketTable.java: line", "a /proc format the kernel does not write"),
            Map.entry("net/SocketTable.java: bad address", "a /proc format the kernel does not write"),
            Map.entry("net/ConnectionCost.java: the echo server answered", "the library's own echo server"),
            Map.entry("net/HostNames.java: interrupted while looking up", "an interrupt, worded by the kernel"),
            Map.entry("sim/Host.java: answered in deliver", "an invariant"),
            Map.entry("ip/Ipv4.java: 4 bytes are always a valid IPv4 address", "an invariant"),
            Map.entry("ip/Ipv6.java: 16 bytes are always a valid IPv6 address", "an invariant"),
            Map.entry("sim/SynCookie.java: every JDK has SHA-256", "an invariant"),
            Map.entry("sim/IpNode.java: no interface on", "an invariant of the lab's wiring"),
            Map.entry("tftp/ServerSession.java: a session starts with RRQ or WRQ", "an invariant"),
            Map.entry("ip/Vlsm.java: Vlsm.allocate(", "Java code, the example inside a catalogue text"));

    /**
     * A throw's whole argument list, up to the end of its statement (its class named in full or not), or a null
     * check's, whose message the NullPointerException carries.
     */
    private static final Pattern THROW = Pattern.compile(
            "(?:new [\\w.]*(?:Exception|Error)|[\\w.]*requireNonNull)\\((.*?)\\);", Pattern.DOTALL);
    /** In an exception class, what its constructor hands to {@code super} is the message too. */
    private static final Pattern SUPER = Pattern.compile("super\\((.*?)\\);", Pattern.DOTALL);
    private static final Pattern KEY = Pattern.compile("[a-z0-9]+(?:\\.[A-Za-z0-9_-]+)+\\.?");
    private static final Pattern LITERAL = Pattern.compile("\"((?:[^\"\\\\]|\\\\.)*)\"");
    private static final Pattern SENTENCE = Pattern.compile("[A-Za-z]{2,}\\W+[A-Za-z]{2,}\\W+[A-Za-z]{2,}");

    @Test
    void noThrowInTheLibraryWordsAnEnglishSentenceOfItsOwn() throws IOException {
        Path root = Path.of("src/main/java/netlab");
        Set<String> found = new TreeSet<>();
        Set<String> allowedSeen = new TreeSet<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                String name = root.relativize(f).toString();
                // javadoc and comments show example messages; only code throws
                String code = Files.readString(f).replaceAll("(?m)^\\s*(\\*|//|/\\*).*$", "");
                Matcher m = (name.endsWith("Exception.java") ? SUPER : THROW).matcher(code);
                while (m.find()) {
                    StringBuilder literals = new StringBuilder(); // its string literals but catalogue keys
                    Matcher l = LITERAL.matcher(m.group(1));
                    while (l.find()) {
                        if (!KEY.matcher(l.group(1)).matches()) {
                            literals.append(l.group(1)).append(' ');
                        }
                    }
                    String text = literals.toString();
                    if (!SENTENCE.matcher(text).find()) {
                        continue; // a code word, a number, a key
                    }
                    String allowed = NOT_FOR_STUDENTS.keySet().stream()
                            .filter(k -> (name + ": " + text).startsWith(k)).findFirst().orElse(null);
                    if (allowed == null) {
                        found.add(name + ": " + text);
                    } else {
                        allowedSeen.add(allowed);
                    }
                }
            }
        }
        assertEquals(Set.of(), found, "English a student reads, written in a throw: move it to the catalogue "
                + "(netlab/text/AREA_zh.properties and AREA_en.properties) and throw Text.of(key, ...)");
        Set<String> stale = new TreeSet<>(NOT_FOR_STUDENTS.keySet());
        stale.removeAll(allowedSeen);
        assertFalse(allowedSeen.isEmpty());
        assertEquals(Set.of(), stale, "listed in NOT_FOR_STUDENTS but no longer in the sources: remove them");
    }
}
