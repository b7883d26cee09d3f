package netlab.kernel.grading;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * The grading agents' files: a read-only copy of their class path (netlab's agent classes and the lessons) and
 * one scratch directory per agent, all in a temporary directory holding nothing else. An answer can read
 * {@code java.class.path}; were it the install or build directory, the grader's jar and the lesson sources
 * would be a sibling or a few parents away, and an answer that rewrote it would grade every later student.
 *
 * <p>The copy is checked against its SHA-256 before every agent starts ({@link #verify}) and copied afresh
 * when anything changed; the sandbox mounts it read-only, so only an agent without one could change it.
 * Deleted on close.
 */
public final class AgentClasspath implements AutoCloseable {

    private final Path dir;
    private final List<Path> sources;
    private final List<Path> entries;
    private final int owner;
    private String digest;

    private AgentClasspath(Path dir, List<Path> sources, List<Path> entries, int owner) {
        this.dir = dir;
        this.sources = List.copyOf(sources);
        this.entries = List.copyOf(entries);
        this.owner = owner;
    }

    /**
     * Copies every entry (a jar, or a classes directory of a build) of {@code classpath} into {@code cp/} of a new
     * temporary directory; scratch directories made later belong to uid {@code owner} (-1: this process's user).
     */
    public static AgentClasspath copyOf(List<Path> classpath, int owner) throws IOException {
        Path dir = Files.createTempDirectory(base(), "netlab-grading-");
        List<Path> entries = new ArrayList<>();
        for (int i = 0; i < classpath.size(); i++) {
            Path from = classpath.get(i).toAbsolutePath();
            entries.add(dir.resolve("cp").resolve(i + "-" + from.getFileName()));
        }
        AgentClasspath cp = new AgentClasspath(dir, classpath.stream().map(Path::toAbsolutePath).toList(), entries, owner);
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            cp.copy();
        } catch (IOException | RuntimeException e) {
            GradingAgents.deleteQuietly(dir);
            throw e;
        }
        return cp;
    }

    /**
     * The longest Unix domain socket path the JDK binds on Linux: {@code sun_path}'s 108 bytes less two (the JDK
     * keeps room for a closing zero and one more byte; a 107-byte path is "Unix domain path too long").
     */
    static final int SOCKET_PATH_MAX = 106;

    /**
     * The longest an agent's socket path runs past the base directory: {@code /netlab-grading-N/sN/agent.sock},
     * where each N is a temp file name's unsigned random long, up to 20 digits.
     */
    static final int SOCKET_PATH_PAST_BASE = "/netlab-grading-".length() + 20 + "/s".length() + 20
            + "/agent.sock".length();

    private static Path base() {
        return baseFor(Path.of(System.getProperty("java.io.tmpdir")).toAbsolutePath(), Path.of("/tmp"));
    }

    /**
     * Where the agents' files go: {@code tmp}, unless its path is so long that an agent's socket path might not
     * fit; then {@code root}. (A margin one byte short failed a grading now and then, "Unix domain path too
     * long", when the random names came out long: the test binds a socket at the longest path this allows.)
     */
    static Path baseFor(Path tmp, Path root) {
        boolean fits = tmp.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8).length
                + SOCKET_PATH_PAST_BASE <= SOCKET_PATH_MAX;
        return !fits && Files.isDirectory(root) && Files.isWritable(root) ? root : tmp;
    }

    private void copy() throws IOException {
        Path cp = dir.resolve("cp");
        if (Files.exists(cp)) {
            makeWritable(cp);
            GradingAgents.deleteQuietly(cp);
        }
        Files.createDirectories(cp);
        for (int i = 0; i < sources.size(); i++) {
            Path from = sources.get(i);
            Path to = entries.get(i);
            try (Stream<Path> walk = Files.walk(from)) {
                for (Path p : (Iterable<Path>) walk::iterator) {
                    Path target = Files.isDirectory(from) ? to.resolve(from.relativize(p).toString()) : to;
                    if (Files.isDirectory(p)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
        // read-only for everyone: a grading agent dropped to another user reads it, none writes it
        try (Stream<Path> walk = Files.walk(cp)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                Files.setPosixFilePermissions(p, PosixFilePermissions.fromString(Files.isDirectory(p) ? "r-xr-xr-x" : "r--r--r--"));
            }
        }
        digest = digest();
    }

    private static void makeWritable(Path cp) throws IOException {
        try (Stream<Path> walk = Files.walk(cp)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isDirectory(p) && !Files.isSymbolicLink(p)) {
                    Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwx------"));
                }
            }
        }
    }

    /** SHA-256 over every file's relative path and bytes (and every directory's path), in a fixed order. */
    private String digest() throws IOException {
        MessageDigest sha;
        try {
            sha = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        Path cp = dir.resolve("cp");
        byte[] buffer = new byte[64 * 1024];
        try (Stream<Path> walk = Files.walk(cp)) {
            for (Path p : (Iterable<Path>) walk.sorted()::iterator) {
                sha.update((cp.relativize(p) + (Files.isSymbolicLink(p) ? "@" : Files.isDirectory(p) ? "/" : "")
                        + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    try (InputStream in = Files.newInputStream(p)) {
                        for (int n; (n = in.read(buffer)) > 0; ) {
                            sha.update(buffer, 0, n);
                        }
                    }
                }
            }
        }
        return HexFormat.of().formatHex(sha.digest());
    }

    /**
     * Checks the copy against its digest, as before every agent start; copies it afresh if anything changed.
     * Returns whether it had changed.
     */
    public synchronized boolean verify() throws IOException {
        if (digest().equals(digest)) {
            return false;
        }
        copy();
        return true;
    }

    public List<Path> entries() {
        return entries;
    }

    /** The directory holding the class path copy, which agents see read-only. */
    public Path classpathDirectory() {
        return dir.resolve("cp");
    }

    /** A new, empty scratch directory for one agent, its working directory, owned by the agent's user. */
    public Path newScratch() throws IOException {
        Path scratch = Files.createTempDirectory(dir, "s");
        if (owner >= 0) {
            Files.setAttribute(scratch, "unix:uid", owner);
            Files.setAttribute(scratch, "unix:gid", owner);
        }
        return scratch;
    }

    @Override
    public void close() {
        try {
            makeWritable(dir.resolve("cp"));
        } catch (IOException | RuntimeException e) {
            // deleted as far as it can be
        }
        GradingAgents.deleteQuietly(dir);
    }
}
