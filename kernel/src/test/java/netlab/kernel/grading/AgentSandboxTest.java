package netlab.kernel.grading;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AgentSandboxTest {

    @TempDir
    Path dir;

    @Test
    void hidesDirectoriesOfTheGraderButNeverWhatAgentsNeed() throws Exception {
        Path course = Files.createDirectories(dir.resolve("course"));
        Path teacher = Files.writeString(course.resolve("01.ipynb"), "{}");
        Path subs = Files.createDirectories(course.resolve("submissions"));
        Path jdk = Files.createDirectories(dir.resolve("jdk"));
        Path grader = Files.createDirectories(dir.resolve("opt"));
        Path agentCp = Files.createDirectories(grader.resolve("agent-cp"));
        List<Path> hidden = AgentSandbox.directoriesToHide(
                List.of(teacher, subs, grader.resolve("netlab-grader.jar"), dir, Path.of("/"), dir.resolve("missing/x")),
                List.of(jdk, agentCp));
        // the teacher file stands for its directory, which holds the submissions too; the grader's directory
        // holds the agents' class path and the temp dir holds the JDK: both stay; the root never goes
        assertEquals(List.of(course), hidden);
    }
}
