package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

        String steps = String.join(" ", AgentSandbox.steps(true, plan));
        assertEquals("n r o 3 " + jdk + " o 4 " + agents + " h " + course + " h " + opt + " t " + tmp
                + " b 3 " + jdk + " b 4 " + agents + " --", steps, "loopback, read-only, opened first, then outside in");
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
        List<String> command = AgentSandbox.steps(false, plan);
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
}
