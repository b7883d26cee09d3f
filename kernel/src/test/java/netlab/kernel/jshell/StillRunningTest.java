package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StillRunningTest {

    @Test
    void nothingLeftIsNone() {
        StillRunning s = StillRunning.parse(new String[0]);
        assertTrue(s.none());
        assertFalse(s.allDeadlocked());
    }

    @Test
    void aDeadlockedPairIsNamedAsSuch() {
        StillRunning s = StillRunning.parse(new String[] {"deadlocked\tthread 'd1' (BLOCKED)",
                "deadlocked\tthread 'd2' (BLOCKED)"});
        assertTrue(s.allDeadlocked());
        assertEquals("Interrupted, but 2 threads started by this cell were deadlocked, each waiting for a lock "
                + "another holds (thread 'd1' (BLOCKED), thread 'd2' (BLOCKED)), which no interrupt can end; its "
                + "Java process was restarted to end them, so variables were reset.", s.sentence(null, "2 s"));
    }

    @Test
    void aThreadStillRunningAfterTheGraceIsNamedWithTheTimeout() {
        StillRunning s = StillRunning.parse(new String[] {"running\tthread 'spin' (RUNNABLE)",
                "deadlocked\tthread 'd1' (BLOCKED)", "running\texecutor ThreadPoolExecutor with 1 running tasks"});
        assertFalse(s.allDeadlocked());
        assertEquals("The cell ran longer than its 5 s timeout and was stopped, but 2 threads and 1 executor "
                + "started by this cell were still running 2 s after the interrupt (thread 'spin' (RUNNABLE), "
                + "thread 'd1' (BLOCKED), executor ThreadPoolExecutor with 1 running tasks); its Java process was "
                + "restarted to end them, so variables were reset.", s.sentence(Duration.ofSeconds(5), "2 s"));
    }

    @Test
    void blockedThreadsSuggestADeadlock() {
        StillRunning s = StillRunning.parse(new String[] {"running\tthread 'w' (WAITING)"});
        assertTrue(s.sentence(null, "3 s").contains("1 thread started by this cell was still blocked 3 s after the "
                + "interrupt (deadlock?)"), s.sentence(null, "3 s"));
    }
}
