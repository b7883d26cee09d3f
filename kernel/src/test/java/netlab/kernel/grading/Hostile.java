package netlab.kernel.grading;

/**
 * Answers to the sample lesson's {@code classOf} exercise that attack the grader, the grades of other students
 * or the machine, each falling back to {@link Corpus#CLASS_OF_FITTED} (6 of its 7 cases). An attack that worked
 * shows in the grade: the heap oracle scores more, a poisoned class path or forged grades change the grades of
 * the students graded after it, a root read or write makes the answer wrong on purpose.
 */
public final class Hostile {

    static final String FITTED = Corpus.CLASS_OF_FITTED.replace("String classOf(String ip)", "String fitted(String ip)");

    /**
     * Dumps its own heap through the JDK's management API (no attach needed) and looks for the hidden case
     * {@code classOf("240.0.0.1")}, whose expected value sat in the same object when the grader's jar was loaded
     * into agents; finding it, answers class E right (7 of 7).
     */
    public static final String HEAP_ORACLE = FITTED + """

            String oracle = null;
            String classOf(String ip) {
                if (oracle == null) {
                    oracle = "";
                    try {
                        var type = Class.forName("com.sun.management.HotSpotDiagnosticMXBean");
                        var factory = Class.forName("java.lang.management.ManagementFactory");
                        Object bean = factory.getMethod("getPlatformMXBean", Class.class).invoke(null, type);
                        java.nio.file.Path dump = java.nio.file.Path.of("heap.hprof").toAbsolutePath();
                        type.getMethod("dumpHeap", String.class, boolean.class).invoke(bean, dump.toString(), false);
                        String heap = new String(java.nio.file.Files.readAllBytes(dump), java.nio.charset.StandardCharsets.ISO_8859_1);
                        oracle = heap.contains("classOf(\\"240.0.0.1\\")") ? "found" : "";
                    } catch (Throwable t) {
                        oracle = "";
                    }
                }
                return oracle.equals("found") && ip.startsWith("240.") ? "E" : fitted(ip);
            }""";

    /** Overwrites, truncates and deletes every file of its class path it can reach, then answers fitted. */
    public static final String POISONS_CLASS_PATH = FITTED + """

            boolean poisoned;
            void poison(java.nio.file.Path p) {
                try (var walk = java.nio.file.Files.walk(p)) {
                    for (var f : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                        try {
                            if (java.nio.file.Files.isRegularFile(f)) java.nio.file.Files.write(f, new byte[] {1, 2, 3});
                            java.nio.file.Files.deleteIfExists(f);
                        } catch (Exception e) { }
                    }
                } catch (Exception e) { }
                try { java.nio.file.Files.writeString(p.resolveSibling("netlab-poison.jar"), "x"); } catch (Exception e) { }
            }
            String classOf(String ip) {
                if (!poisoned) {
                    poisoned = true;
                    for (String e : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                        poison(java.nio.file.Path.of(e));
                    }
                }
                return fitted(ip);
            }""";

    /**
     * Forges grades: writes full marks for the students graded after it into every grades.csv and student JSON
     * it can find or make above its working directory and in the temp directories, and into other agents'
     * scratch directories; then answers fitted.
     */
    public static final String FORGES_GRADES = FITTED + """

            boolean forged;
            void forge(java.nio.file.Path dir) {
                if (dir == null) return;
                try {
                    java.nio.file.Files.writeString(dir.resolve("grades.csv"),
                            "student,ip.class-of,ip.same-subnet,total\\nc2-blank,4,6,10\\nc3-blank,4,6,10\\n");
                    java.nio.file.Files.writeString(dir.resolve("c2-blank.json"), "{\\"score\\": 10}");
                } catch (Exception e) { }
                try (var list = java.nio.file.Files.list(dir)) {
                    for (var f : list.toList()) {
                        if (f.getFileName().toString().startsWith("netlab-grad")) forge(f);
                    }
                } catch (Exception e) { }
            }
            String classOf(String ip) {
                if (!forged) {
                    forged = true;
                    for (var d = java.nio.file.Path.of("").toAbsolutePath(); d != null; d = d.getParent()) forge(d);
                    forge(java.nio.file.Path.of("/tmp"));
                    forge(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
                    forge(java.nio.file.Path.of(System.getProperty("user.home")));
                }
                return fitted(ip);
            }""";

    /**
     * Sprays UDP datagrams at every port of 127.0.0.1 for 15 s from a thread of its own, beside whichever
     * student is graded at the same time; its own answer is fitted.
     */
    public static final String UDP_SPRAY = FITTED + """

            Thread spray;
            String classOf(String ip) {
                if (spray == null) {
                    spray = new Thread(() -> {
                        long end = System.nanoTime() + 15_000_000_000L;
                        byte[] junk = new byte[512];
                        try (var s = new java.net.DatagramSocket()) {
                            while (System.nanoTime() < end) {
                                for (int port = 1024; port < 65536 && System.nanoTime() < end; port++) {
                                    try { s.send(new java.net.DatagramPacket(junk, junk.length, java.net.InetAddress.getLoopbackAddress(), port)); }
                                    catch (Exception e) { }
                                }
                            }
                        } catch (Exception e) { }
                    });
                    spray.setDaemon(true);
                    spray.start();
                }
                return fitted(ip);
            }""";

    /**
     * Reads what only root may read and writes where only root may write; if any of it works, answers wrong on
     * purpose ("root" for every address), else fitted. Also leaves a file in /dev/shm.
     */
    public static String rootOnly(String marker) {
        return FITTED + """

                String verdict;
                boolean tried(java.nio.file.Path p) {
                    try {
                        java.nio.file.Files.writeString(p, "netlab-hostile");
                        return true;
                    } catch (Exception e) {
                        return false;
                    }
                }
                String classOf(String ip) {
                    if (verdict == null) {
                        boolean root = false;
                        try { java.nio.file.Files.readAllBytes(java.nio.file.Path.of("/etc/shadow")); root = true; } catch (Exception e) { }
                        root |= tried(java.nio.file.Path.of("/etc/MARKER"));
                        root |= tried(java.nio.file.Path.of("/usr/local/MARKER"));
                        root |= tried(java.nio.file.Path.of(System.getProperty("java.home"), "MARKER"));
                        root |= tried(java.nio.file.Path.of("/run/MARKER"));
                        tried(java.nio.file.Path.of("/dev/shm/MARKER"));
                        verdict = root ? "root" : "";
                    }
                    return verdict.isEmpty() ? fitted(ip) : verdict;
                }""".replace("MARKER", marker);
    }

    /** Prints its environment into its own feedback, through the message of a public case's exception. */
    public static final String PRINTS_ENVIRONMENT = FITTED + """

            String classOf(String ip) {
                if (ip.equals("10.1.2.3")) throw new IllegalStateException("env " + System.getenv());
                return fitted(ip);
            }""";

    /**
     * Connects to the UNIX domain socket at {@code socket} (one the test listens on where the host keeps its
     * sockets); connected, answers wrong on purpose ("connected"), else fitted, its public case 10.1.2.3 failing
     * with what connect() said.
     */
    public static String connectsTo(String socket) {
        return FITTED + """

                String said;
                String classOf(String ip) {
                    if (said == null) {
                        try (var ch = java.nio.channels.SocketChannel.open(java.net.UnixDomainSocketAddress.of("SOCKET"))) {
                            said = "connected";
                        } catch (Exception e) {
                            said = "refused: " + e;
                        }
                    }
                    if (said.equals("connected")) return said;
                    if (ip.equals("10.1.2.3")) throw new IllegalStateException("socket " + said);
                    return fitted(ip);
                }""".replace("SOCKET", socket);
    }

    /**
     * Writes up to 200 MiB into its working directory; its public case 10.1.2.3 fails with how much it wrote and
     * what stopped it.
     */
    public static final String WRITES_A_BIG_FILE = FITTED + """

            String wrote;
            String classOf(String ip) {
                if (wrote == null) {
                    long n = 0;
                    byte[] mib = new byte[1 << 20];
                    try (var out = new java.io.FileOutputStream("big.bin")) {
                        for (int i = 0; i < 200; i++) { out.write(mib); n += mib.length; }
                        wrote = (n >> 20) + " MiB";
                    } catch (Exception e) {
                        wrote = (n >> 20) + " MiB, then " + e;
                    }
                }
                if (ip.equals("10.1.2.3")) throw new IllegalStateException("file wrote " + wrote);
                return fitted(ip);
            }""";

    /**
     * Starts {@code sleep 30} processes while its answer cell runs, up to 400 and for 10 s at most, counts them
     * and ends them; its public case 10.1.2.3 fails with how many started and what stopped it.
     */
    public static final String FORK_LOOP = FITTED + """

            String forkLoop() {
                var started = new java.util.ArrayList<Process>();
                String stop = "nothing";
                long end = System.nanoTime() + 10_000_000_000L;
                try {
                    while (started.size() < 400 && System.nanoTime() < end) started.add(new ProcessBuilder("sleep", "30").start());
                } catch (Throwable e) {
                    stop = e.toString();
                }
                started.forEach(Process::destroyForcibly);
                return started.size() + " of 400, stopped by " + stop;
            }
            String forked = forkLoop();
            String classOf(String ip) {
                if (ip.equals("10.1.2.3")) throw new IllegalStateException("forked " + forked);
                return fitted(ip);
            }""";

    /**
     * Leaves a value whose {@code toString} never returns, for the {@code /vars} that tops its next answer cell
     * ({@link #LISTS_IT}): the listing runs under the step limit as the cell's code does. It once ran before the
     * cell began, under no limit, and held its grading slot until the whole submission's limit.
     */
    public static final String LEAVES_A_SPINNING_VALUE = FITTED + """

            class Spinning { public String toString() { while (true) { } } }
            Object[] shelf = new Object[1];
            void stock() { shelf[0] = new Spinning(); }
            stock();
            String classOf(String ip) {
                return fitted(ip);
            }""";

    /** The magic line that lists the session's variables, each by its {@code toString}. */
    public static final String LISTS_IT = "/vars\n";

    private Hostile() {
    }
}
