package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import netlab.text.Lang;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSandboxTest {

    @TempDir
    Path dir;

    @Test
    void hidesTheGradersDirectoriesAndMountsBackWhatAgentsNeed() throws Exception {
        Path course = Files.createDirectories(dir.resolve("course"));
        Path teacher = Files.writeString(course.resolve("01.ipynb"), "{}");
        Path subs = Files.createDirectories(course.resolve("submissions"));
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path agents = Files.createDirectories(tmp.resolve("netlab-grading-1"));
        Path cpEntry = Files.writeString(Files.createDirectories(agents.resolve("cp")).resolve("0-lessons.jar"), "");
        Path opt = Files.createDirectories(dir.resolve("opt"));
        Path jdk = Files.createDirectories(opt.resolve("jdk"));
        Path grader = Files.writeString(opt.resolve("netlab-grader.jar"), "");

        AgentSandbox.Plan plan = AgentSandbox.plan(
                List.of(teacher, subs, grader, tmp, Path.of("/"), dir.resolve("missing/x")),
                List.of(jdk, agents, cpEntry), List.of(tmp), true);
        // the teacher's file stands for its directory, which holds the submissions too; the root never goes;
        // the temp directory and the grader's directory are hidden and what the agents need comes back inside
        assertEquals(List.of(course, opt, tmp), plan.hidden());
        assertEquals(List.of(tmp), plan.temporary());
        assertEquals(List.of(jdk, agents), plan.boundBack());

        String steps = String.join(" ", AgentSandbox.steps(true, plan, List.of("--fsize=1024", "--nproc=100")));
        // the grader's directory holds the JDK: its tmpfs stays writable for the mount point, read-only after
        assertEquals("n r d p --fsize=1024 p --nproc=100 o 3 " + jdk + " o 4 " + agents + " h " + course + " H " + opt
                + " t " + tmp + " b 3 " + jdk + " b 4 " + agents + " f " + opt + " --", steps,
                "loopback, read-only, devices, limits, opened first, then outside in, then read-only what held a mount");
        assertEquals("r o 3 " + jdk + " o 4 " + agents + " h " + course + " H " + opt + " t " + tmp + " b 3 " + jdk
                + " b 4 " + agents + " f " + opt + " --", String.join(" ", AgentSandbox.steps(false, plan.withHostDevices(),
                List.of())), "the host's /dev and no limits: a fallback");
    }

    @Test
    void withoutMountingBackADirectoryHoldingWhatAgentsNeedStaysVisible() throws Exception {
        Path tmp = Files.createDirectories(dir.resolve("tmp"));
        Path agents = Files.createDirectories(tmp.resolve("netlab-grading-1"));
        Path subs = Files.createDirectories(dir.resolve("subs"));
        AgentSandbox.Plan plan = AgentSandbox.plan(List.of(tmp, subs, agents), List.of(agents), List.of(tmp), false);
        assertEquals(List.of(subs), plan.hidden(), "the kept directory itself is never hidden, nor what holds it");
        assertTrue(plan.boundBack().isEmpty());
    }

    @Test
    void aHiddenDirectoryInsideAnotherIsHiddenOnceUnlessAMountBackWouldShowIt() throws Exception {
        Path outer = Files.createDirectories(dir.resolve("outer"));
        Path inner = Files.createDirectories(outer.resolve("inner"));
        Path kept = Files.createDirectories(outer.resolve("kept"));
        Path secret = Files.createDirectories(kept.resolve("secret"));
        AgentSandbox.Plan plan = AgentSandbox.plan(List.of(inner, outer, secret), List.of(kept), List.of(), true);
        assertEquals(List.of(outer, secret), plan.hidden());
        assertEquals(List.of(kept), plan.boundBack());
        List<String> command = AgentSandbox.steps(false, plan, List.of());
        assertTrue(command.indexOf(secret.toString()) > command.lastIndexOf(kept.toString()),
                "hidden again after the mount back: " + command);
    }

    @Test
    void everyTopLevelDirectoryButTheSystemsIsAUserArea() throws Exception {
        for (String name : List.of("usr", "etc", "proc", "home", "srv", "work")) {
            Files.createDirectories(dir.resolve(name));
        }
        Files.writeString(dir.resolve("a-file"), "");
        assertEquals(List.of(dir.resolve("home"), dir.resolve("srv"), dir.resolve("work")), AgentSandbox.userAreas(dir));
    }

    @Test
    void theProcessLimitIsAnAgentsOwnSinceLinux514() {
        assertTrue(AgentSandbox.perAgentProcessLimit("6.18.44-fc-v1272"));
        assertTrue(AgentSandbox.perAgentProcessLimit("5.14.0-427.el9.x86_64"), "RHEL 9");
        assertFalse(AgentSandbox.perAgentProcessLimit("5.13.19"));
        assertFalse(AgentSandbox.perAgentProcessLimit("4.18.0-553.el8_10.x86_64"), "RHEL 8: the user's processes");
        assertFalse(AgentSandbox.perAgentProcessLimit("unknown"));
    }

    /**
     * A stand-in for the agents' JDK whose {@code bin/java} is a shell script running {@code test}, in a
     * directory of its own in the temp directory, which the broad plan hides and mounts the JDK back into. Not in
     * the build directory: a checkout in a directory only its owner may enter (CI clones into {@code mktemp -d})
     * keeps {@code nobody}, whom the sandbox runs as under root, from the script.
     */
    private static Path fakeJdk(Path under, String test) throws Exception {
        Path java = Files.createDirectories(under.resolve("jdk/bin")).resolve("java");
        Files.writeString(java, "#!/bin/sh\n" + test + "\n");
        for (Path p = java; p.startsWith(under); p = p.getParent()) {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x")); // nobody runs it
        }
        return under.resolve("jdk");
    }

    private static Path standInHome() throws java.io.IOException {
        return Files.createTempDirectory(Path.of(System.getProperty("java.io.tmpdir")), "netlab-sandbox-jdk");
    }

    private static void sandboxWorks() {
        Assumptions.assumeTrue(AgentSandbox.launcher(List.of(), List.of(), Path.of(System.getProperty("java.home")),
                Path.of(System.getProperty("java.io.tmpdir")), Path.of(System.getProperty("user.home")), 128)
                .sandboxed(), "namespaces are available");
    }

    /**
     * The sandbox as an agent sees it, with a script for the JDK that fails unless it is right: its own /dev
     * with the five devices and no /dev/tty (the teacher's terminal) or disk; nothing in /run or /var, where the
     * host keeps its UNIX sockets; a writable working directory (a tmpfs) holding the sockets the grading JVM
     * bound there, and nothing else of it; the limits. The JDK sits in a hidden directory and comes back: the
     * hidden tmpfs was mounted read-only before the mount point was made, and such a grader fell back to hiding
     * only the named directories.
     */
    @Test
    void anAgentSeesItsOwnDevicesNoHostSocketsAndAScratchTmpfs() throws Exception {
        sandboxWorks();
        Path under = standInHome();
        try {
            Path jdk = fakeJdk(under, """
                    set -e
                    for d in null zero full random urandom; do [ -c /dev/$d ]; done
                    echo x > /dev/null
                    [ ! -e /dev/tty ] && [ ! -e /dev/pts ] && [ -z "$(ls -A /run)" ] && [ -z "$(ls -A /var)" ]
                    [ -S agent.sock ] && [ ! -e secret ] && [ "$(ls -A | wc -l)" = 1 ]
                    echo x > scratch && rm scratch && ! touch /dev/x 2>/dev/null && ! touch /run/x 2>/dev/null
                    grep -q ' netlab-scratch ' /proc/self/mountinfo
                    grep -q "^Max file size  *33554432 " /proc/self/limits && grep -q "^Max processes  *128 " /proc/self/limits
                    """);
            Path trial = Files.createDirectories(dir.resolve("scratch")); // in the temp directory, as an agent's
            Files.writeString(trial.resolve("secret"), "the host directory's");
            try (var sock = java.nio.channels.ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX)) {
                sock.bind(java.net.UnixDomainSocketAddress.of(trial.resolve("agent.sock")));
                Files.setPosixFilePermissions(trial, PosixFilePermissions.fromString("rwxrwxrwx"));
                Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
                AgentSandbox.Launcher l = AgentSandbox.launcher(List.of(), List.of(jdk), jdk, trial,
                        Path.of(System.getProperty("user.home")), 128);
                assertTrue(l.sandboxed(), l.describe());
                assertNull(l.problem(), l.describe());
                assertTrue(l.plan().ownDevices() && l.plan().boundBack().contains(jdk), l.plan().toString());
                assertTrue(l.plan().hidden().containsAll(List.of(Path.of("/run"), Path.of("/var"))), l.plan().toString());
                assertTrue(l.describe().contains(", 128 processes each"), l.describe());
            }
        } finally {
            GradingAgents.deleteQuietly(under);
        }
    }

    /** A /dev of its own that the JDK cannot do without (a stand-in that needs /dev/tty): the fallback says so. */
    @Test
    void aFallbackSaysWhatTheAgentsCanReach() throws Exception {
        sandboxWorks();
        Path under = standInHome();
        try {
            Path jdk = fakeJdk(under, "[ -e /dev/tty ]");
            Path trial = Files.createDirectories(dir.resolve("scratch")); // in the temp directory, as an agent's
            Files.setPosixFilePermissions(trial, PosixFilePermissions.fromString("rwxrwxrwx"));
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
            // worded when made, in the teacher's language: English here, whatever this JVM's locale
            AgentSandbox.Launcher l = Lang.readBy(() -> Lang.EN, () -> AgentSandbox.launcher(List.of(), List.of(jdk),
                    jdk, trial, Path.of(System.getProperty("user.home")), 128));
            assertTrue(l.sandboxed(), l.describe());
            assertFalse(l.plan().ownDevices());
            assertTrue(l.describe().contains("warning: only the grader's own directories are hidden, and the host's "
                    + "/dev, /run and /var are in sight (an answer can connect to the UNIX sockets there), because "
                    + "the sandbox failed (exit 1)"), l.describe());
        } finally {
            GradingAgents.deleteQuietly(under);
        }
    }

    /**
     * The line before a batch is the teacher's, so it is in the teacher's language like every other line of
     * {@code grade}: under NETLAB_LANG=zh it said "agents run sandboxed as uid 65534, ..." in English.
     */
    @Test
    void theSandboxIsDescribedInTheTeachersLanguage() {
        AgentSandbox.Plan plan = new AgentSandbox.Plan(List.of(Path.of("/home"), Path.of("/root")), List.of(),
                List.of(), true);
        AgentSandbox.Launcher l = new AgentSandbox.Launcher(List.of(), plan, null, true, 65534, true, 4096);
        assertEquals("agents run sandboxed as uid 65534, file system read-only, 2 directories hidden, "
                + "loopback-only network, 4096 processes each", Lang.readBy(() -> Lang.EN, l::describe));
        assertEquals("agent 以 uid 65534 在沙箱中运行，文件系统只读，隐藏了 2 个目录，网络只有本机回环，每个最多 4096 个进程",
                Lang.readBy(() -> Lang.ZH, l::describe));
        String lacking = Lang.readBy(() -> Lang.ZH, () -> netlab.text.Text.of("teacher.sandbox.no-prlimit"));
        AgentSandbox.Launcher partial = new AgentSandbox.Launcher(List.of(), plan, lacking, true, -1, false, 0);
        assertEquals("agent 在沙箱中运行，文件系统只读，隐藏了 2 个目录；警告：" + lacking,
                Lang.readBy(() -> Lang.ZH, partial::describe));
        String none = Lang.readBy(() -> Lang.ZH, AgentSandbox.Launcher.none("NETLAB_SANDBOX=off")::describe);
        assertTrue(none.startsWith("netlab grade: 警告：agent 没有在沙箱中运行（NETLAB_SANDBOX=off）"), none);
    }
}
