package netlab.agent;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pids limits that apply to a process, read from a cgroup file system laid out as Linux does. */
class PidsBudgetTest {

    @TempDir
    Path root;

    /** A cgroup directory with a limit ("max" for none) and a count. */
    static Path cgroup(Path dir, String max, long current) throws IOException {
        Files.createDirectories(dir);
        Files.writeString(dir.resolve("pids.max"), max + "\n");
        Files.writeString(dir.resolve("pids.current"), current + "\n");
        return dir;
    }

    @Test
    void theTightestAncestorWithinItsReserveIsNamed() throws IOException {
        cgroup(root.resolve("classroom"), "1024", 990);          // 34 left, reserve 128: tight
        cgroup(root.resolve("classroom/student"), "max", 40);    // no limit of its own
        PidsBudget b = PidsBudget.of(root, List.of("0::/classroom/student"));
        assertTrue(b.limited());
        assertEquals(OptionalLong.of(1024), b.tight());

        cgroup(root.resolve("classroom"), "1024", 500);
        assertEquals(OptionalLong.empty(), b.tight(), "524 left of 1024 is room enough");
        cgroup(root.resolve("classroom"), "1024", 897);
        assertEquals(OptionalLong.of(1024), b.tight(), "127 left is inside the 128 kept for the others");
    }

    @Test
    void cgroupV1sPidsHierarchyCountsAndOtherControllersDoNot() throws IOException {
        cgroup(root.resolve("pids/docker/abc"), "200", 190);
        cgroup(root.resolve("memory/docker/abc"), "10", 10);    // not a pids controller: ignored
        PidsBudget b = PidsBudget.of(root, List.of("4:memory:/docker/abc", "8:pids:/docker/abc", "1:name=systemd:/"));
        assertEquals(OptionalLong.of(200), b.tight());
        assertEquals(64, PidsBudget.reserve(200), "at least 64 are kept");
    }

    @Test
    void aPathThisMountDoesNotShowStartsAtItsRootAndNoLimitIsNeverTight() throws IOException {
        cgroup(root, "2048", 2000);
        PidsBudget ns = PidsBudget.of(root, List.of("0::/../../elsewhere"));
        assertEquals(OptionalLong.of(2048), ns.tight(), "a cgroup namespace's own view: its root is the container");

        Path bare = Files.createDirectories(root.resolve("bare"));
        PidsBudget none = PidsBudget.of(bare, List.of("0::/"));
        assertFalse(none.limited());
        assertEquals(OptionalLong.empty(), none.tight());
        assertFalse(PidsBudget.of(root, List.of("garbage")).limited());
    }
}
