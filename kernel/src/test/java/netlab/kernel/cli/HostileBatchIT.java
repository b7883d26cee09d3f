package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import netlab.kernel.grading.Corpus;
import netlab.kernel.grading.CsvFiles;
import netlab.kernel.grading.Hostile;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A class with cheaters in it, graded in one batch with {@code --jobs 2}: as root (the default in a container)
 * and as an ordinary user ({@code nobody}, with a copy of the class path it can read). Every student gets what
 * the submission deserves: the heap oracle finds nothing, the students after the class-path poisoner and the
 * grade forger are graded as if it had not been there, the symlink to the teacher's notebook is refused, the
 * honest student beside the UDP sprayer loses nothing, and nothing root-only is read or written. An answer
 * connecting to a UNIX domain socket in /run (the test's, mode 0666, as a teacher's D-Bus or docker socket) finds
 * nothing there; one writing 200 MiB stops at the file size limit with "File too large"; a fork loop stops at the
 * agent's process limit ({@value #PROCESSES} here, so it stops in a second rather than after 1024 forks of 11 ms);
 * a {@code /vars} whose value's {@code toString} never returns stops at the step limit, its cell's answer lost.
 * Prints the batch table.
 */
class HostileBatchIT {

    static final String FITTED_TOTAL = "3.43,6,9.43";
    static final String FULL = "4,6,10";
    static final String BLANK = "0,0,0";
    /** Each agent's processes and threads in these batches (NETLAB_GRADE_PROCESSES); an agent JVM has about 20. */
    static final int PROCESSES = 128;
    /** The fitted answer's due, less the public case that carries the attack's report. */
    static final String REPORTS = "2.86,6,8.86";

    @TempDir
    Path dir;

    /** Student → the row it deserves (class-of, same-subnet, total). */
    private Map<String, String> corpus(Path subs, Path teacher, String released, String marker, Path socket)
            throws Exception {
        Map<String, String> deserved = new LinkedHashMap<>();
        student(subs, released, "a1-heap-oracle", Hostile.HEAP_ORACLE, Corpus.SAME_SUBNET_RIGHT);
        deserved.put("a1-heap-oracle", FITTED_TOTAL);
        student(subs, released, "b1-poisons-class-path", Hostile.POISONS_CLASS_PATH, Corpus.SAME_SUBNET_RIGHT);
        deserved.put("b1-poisons-class-path", FITTED_TOTAL);
        for (String honest : List.of("b2-honest", "b3-honest", "b4-honest")) {
            student(subs, released, honest, Corpus.CLASS_OF_RIGHT, Corpus.SAME_SUBNET_RIGHT);
            deserved.put(honest, FULL);
        }
        student(subs, released, "c1-forges-grades", Hostile.FORGES_GRADES, Corpus.SAME_SUBNET_RIGHT);
        deserved.put("c1-forges-grades", FITTED_TOTAL);
        for (String blank : List.of("c2-blank", "c3-blank")) {
            Corpus.write(subs, blank, released);
            deserved.put(blank, BLANK);
        }
        Path link = subs.resolve("d-symlink").resolve(Corpus.LESSON);
        Files.createDirectories(link.getParent());
        Files.createSymbolicLink(link, teacher);
        deserved.put("d-symlink", BLANK);
        student(subs, released, "e1-udp-spray", Hostile.UDP_SPRAY, Corpus.SAME_SUBNET_RIGHT);
        deserved.put("e1-udp-spray", FITTED_TOTAL);
        student(subs, released, "e2-honest", Corpus.CLASS_OF_RIGHT, Corpus.SAME_SUBNET_RIGHT);
        deserved.put("e2-honest", FULL);
        student(subs, released, "f-root-only", Hostile.rootOnly(marker), Corpus.SAME_SUBNET_RIGHT);
        deserved.put("f-root-only", FITTED_TOTAL);
        student(subs, released, "g-prints-environment", Hostile.PRINTS_ENVIRONMENT, Corpus.SAME_SUBNET_RIGHT);
        deserved.put("g-prints-environment", "2.86,6,8.86");
        Path gbk = subs.resolve("h-gbk").resolve(Corpus.LESSON);
        Files.createDirectories(gbk.getParent());
        Files.write(gbk, released.getBytes(Charset.forName("GBK")));
        deserved.put("h-gbk", BLANK);
        student(subs, released, "i1-host-socket", Hostile.connectsTo(socket.toString()), Corpus.SAME_SUBNET_RIGHT);
        deserved.put("i1-host-socket", REPORTS);
        student(subs, released, "i2-big-file", Hostile.WRITES_A_BIG_FILE, Corpus.SAME_SUBNET_RIGHT);
        deserved.put("i2-big-file", REPORTS);
        student(subs, released, "i3-fork-loop", Hostile.FORK_LOOP, Corpus.SAME_SUBNET_RIGHT);
        deserved.put("i3-fork-loop", REPORTS);
        student(subs, released, "j-vars-spins", Hostile.LEAVES_A_SPINNING_VALUE,
                Hostile.LISTS_IT + Corpus.SAME_SUBNET_RIGHT);
        deserved.put("j-vars-spins", "3.43,0,3.43"); // its listing is stopped at the step limit, and the cell with it
        Files.writeString(subs.resolve(Corpus.LESSON), released); // a loose notebook: listed, not graded
        return deserved;
    }

    private static void student(Path subs, String released, String name, String classOf, String sameSubnet) throws Exception {
        Corpus.student(subs, name, released, nb -> Corpus.answer(nb, classOf, sameSubnet));
    }

    @Test
    void asRoot() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "grading as root needs root");
        GradeCommandIT.Released lesson = GradeCommandIT.writeAndRelease(dir, Corpus.LESSON, Corpus.teacher());
        Path subs = dir.resolve("submissions");
        String marker = "netlab-hostile-" + ProcessHandle.current().pid();
        try (HostSocket socket = new HostSocket(marker)) {
            Map<String, String> deserved = corpus(subs, lesson.teacher(), lesson.text(), marker, socket.path);
            Path out = dir.resolve("grades");
            Map<String, String> env = new LinkedHashMap<>(System.getenv());
            env.put(GradeCommand.PROCESSES_ENV, Integer.toString(PROCESSES));
            GradeCommandIT.Run r = GradeCommandIT.netlab(env, "grade", subs.toString(), "--source",
                    lesson.teacher().toString(), "--out", out.toString(), "--jobs", "2");
            assertEquals(0, r.status(), r.err() + r.out());
            check("root", r.out(), out, deserved, marker);
            socket.assertNobodyConnected();
        }
    }

    /** A UNIX domain socket where the host keeps its own, open to every user, that nobody may reach from an agent. */
    private static final class HostSocket implements AutoCloseable {
        final Path path;
        final java.nio.channels.ServerSocketChannel server;

        HostSocket(String marker) throws Exception {
            path = Path.of("/run", marker + ".sock");
            server = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)
                    .bind(java.net.UnixDomainSocketAddress.of(path));
            server.configureBlocking(false);
            Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-rw-rw-"));
        }

        void assertNobodyConnected() throws Exception {
            try (var connected = server.accept()) {
                assertEquals(null, connected, "an agent connected to " + path);
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            Files.deleteIfExists(path);
        }
    }

    @Test
    void asAnOrdinaryUser() throws Exception {
        Assumptions.assumeTrue("root".equals(System.getProperty("user.name")), "becoming nobody needs root");
        Path home = Files.createDirectories(dir.resolve("nobody"));
        GradeCommandIT.Released lesson = GradeCommandIT.writeAndRelease(home, Corpus.LESSON, Corpus.teacher());
        Path subs = home.resolve("submissions");
        String marker = "netlab-hostile-nobody-" + ProcessHandle.current().pid();
        try (HostSocket socket = new HostSocket(marker)) {
            asNobody(home, lesson, subs, marker, socket);
        }
    }

    private void asNobody(Path home, GradeCommandIT.Released lesson, Path subs, String marker, HostSocket socket)
            throws Exception {
        Map<String, String> deserved = corpus(subs, lesson.teacher(), lesson.text(), marker, socket.path);
        // nobody reads a copy of this JVM's class path and the grader's jar, and owns the course
        Path cp = Files.createDirectories(home.resolve("cp"));
        List<String> entries = new ArrayList<>();
        String[] mine = System.getProperty("java.class.path").split(File.pathSeparator);
        for (int i = 0; i < mine.length; i++) {
            Path from = Path.of(mine[i]);
            if (!Files.exists(from)) {
                continue;
            }
            Path to = cp.resolve(i + "-" + from.getFileName());
            copy(from, to);
            entries.add(to.toString());
        }
        Path graderJar = GraderJar.locate().orElseThrow().toAbsolutePath();
        Path jar = cp.resolve(GraderJar.NAME);
        Files.copy(graderJar, jar);
        try (Stream<Path> all = Files.walk(dir)) {
            for (Path p : all.toList()) {
                Files.setAttribute(p, "unix:uid", 65534, java.nio.file.LinkOption.NOFOLLOW_LINKS);
                Files.setAttribute(p, "unix:gid", 65534, java.nio.file.LinkOption.NOFOLLOW_LINKS);
            }
        }
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (Path p = dir.getParent(); p != null && !p.equals(p.getRoot()); p = p.getParent()) {
            assertTrue(Files.isReadable(p), p.toString());
        }
        Path out = home.resolve("grades");
        List<String> cmd = new ArrayList<>(List.of("setpriv", "--reuid=65534", "--regid=65534", "--clear-groups",
                Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Duser.home=" + home,
                "-Djava.io.tmpdir=" + home, "-cp", String.join(File.pathSeparator, entries), Main.class.getName(),
                "grade", subs.toString(), "--source", lesson.teacher().toString(), "--out", out.toString(), "--jobs", "2",
                "--grader-jar", jar.toString()));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(home.toFile()).redirectErrorStream(true);
        pb.environment().put(GradeCommand.PROCESSES_ENV, Integer.toString(PROCESSES));
        Process p = pb.start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(15, TimeUnit.MINUTES));
        assertEquals(0, p.exitValue(), output);
        check("nobody", output, out, deserved, marker);
        socket.assertNobodyConnected();
    }

    private static void copy(Path from, Path to) throws Exception {
        try (Stream<Path> walk = Files.walk(from)) {
            for (Path p : walk.toList()) {
                Path target = Files.isDirectory(from) ? to.resolve(from.relativize(p).toString()) : to;
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target);
                }
            }
        }
    }

    private static void check(String as, String output, Path out, Map<String, String> deserved, String marker)
            throws Exception {
        // the catalogue's words for the sandbox (the grade here runs in English)
        assertTrue(output.contains(Text.in(Lang.EN, "teacher.sandbox.on"))
                && output.contains(Text.in(Lang.EN, "teacher.sandbox.loopback"))
                && output.contains(", " + Text.in(Lang.EN, "teacher.sandbox.processes", PROCESSES)), output);
        Map<String, String> got = new LinkedHashMap<>();
        for (String line : CsvFiles.lines(out.resolve("grades.csv")).subList(1, deserved.size() + 1)) {
            got.put(line.substring(0, line.indexOf(',')), line.substring(line.indexOf(',') + 1));
        }
        StringBuilder table = new StringBuilder("batch as " + as + ":\n| student | class-of, same-subnet, total | deserved |\n|---|---|---|\n");
        deserved.forEach((s, d) -> table.append("| ").append(s).append(" | ").append(got.get(s)).append(" | ").append(d)
                .append(got.getOrDefault(s, "").equals(d) ? "" : " ✘").append(" |\n"));
        String notGraded = CsvFiles.text(out.resolve("not-graded.csv"));
        System.out.println(table + "\nnot-graded.csv:\n" + notGraded);
        assertEquals(deserved, got, table + output);
        assertTrue(notGraded.contains(Corpus.LESSON + ",a notebook outside any student's folder"), notGraded);
        assertTrue(Files.readString(out.resolve("d-symlink.json")).contains("symbolic link"));
        assertTrue(Files.readString(out.resolve("h-gbk.json")).contains("UTF-8"));
        String env = Files.readString(out.resolve("g-prints-environment.json"));
        assertTrue(env.contains("env {"), env);
        for (String leak : List.of("JAVA_HOME", "MAVEN", "/root", "SUDO", "KUBERNETES")) {
            assertFalse(env.contains(leak), "the agent's environment is clean: " + leak + " in " + env);
        }
        String socket = Files.readString(out.resolve("i1-host-socket.json"));
        assertTrue(socket.contains("socket refused: java.net.SocketException: No such file or directory"), socket);
        String file = Files.readString(out.resolve("i2-big-file.json"));
        java.util.regex.Matcher wrote = java.util.regex.Pattern.compile("file wrote (\\d+) MiB, then java.io.IOException: File too large")
                .matcher(file);
        assertTrue(wrote.find(), file);
        assertTrue(Integer.parseInt(wrote.group(1)) <= 32, wrote.group());
        String forks = Files.readString(out.resolve("i3-fork-loop.json"));
        java.util.regex.Matcher forked = java.util.regex.Pattern.compile("forked (\\d+) of 400, stopped by ([^\"\\\\]+)")
                .matcher(forks);
        assertTrue(forked.find(), forks);
        System.out.println("as " + as + ": " + forked.group() + "; " + wrote.group());
        assertTrue(Integer.parseInt(forked.group(1)) < PROCESSES && !forked.group(2).equals("nothing"), forked.group());
        for (String f : List.of("/etc/", "/usr/local/", "/run/", "/dev/shm/", System.getProperty("java.home") + "/")) {
            assertFalse(Files.exists(Path.of(f + marker)), f + marker + " was written");
        }
    }
}
