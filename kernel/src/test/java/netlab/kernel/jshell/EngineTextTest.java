package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import netlab.agent.Control;
import netlab.agent.Control.Lingerer;
import netlab.text.Lang;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The sentences about stopped cells are made in the kernel from the run's data and the agent's, in both languages. */
class EngineTextTest {

    private final Watchdog watchdog = new Watchdog();

    @AfterEach
    void close() {
        watchdog.close();
    }

    private CellRun interrupted() {
        CellRun run = new CellRun(1, null, Duration.ofSeconds(2), EngineOptions.DEFAULT_COMPILE_LIMIT, watchdog);
        run.interrupt(); // before it began: recorded, nothing to send yet
        return run;
    }

    private CellRun timedOut(Duration after) {
        CellRun run = new CellRun(1, new CellRun.Limit(after, CellRun.Cause.TIMEOUT), Duration.ofSeconds(2),
                EngineOptions.DEFAULT_COMPILE_LIMIT, watchdog);
        run.limitReached();
        return run;
    }

    @Test
    void anInterruptIsSaidOnceInEachLanguage() {
        assertEquals("The cell was stopped; variables defined before it still exist.",
                EngineText.interrupted(Lang.EN, interrupted()));
        assertEquals("单元格已停止；它之前定义的变量仍然存在。", EngineText.interrupted(Lang.ZH, interrupted()));
        assertEquals("单元格运行超过了 5 秒的时限（%timeout、NETLAB_CELL_TIMEOUT），已被停止；它之前定义的变量仍然存在。",
                EngineText.interrupted(Lang.ZH, timedOut(Duration.ofSeconds(5))));
    }

    @Test
    void theFirstStopWinsAndALaterLimitIsNotTheCause() {
        CellRun run = new CellRun(1, new CellRun.Limit(Duration.ofSeconds(5), CellRun.Cause.TIMEOUT),
                Duration.ofSeconds(2), EngineOptions.DEFAULT_COMPILE_LIMIT, watchdog);
        run.interrupt();
        run.limitReached();
        assertEquals(CellRun.Cause.INTERRUPT, run.stoppedBy());
        assertEquals(null, run.stoppedByLimit());
    }

    @Test
    void aDeadlockedPairIsNamedAsSuch() {
        Control.StillRunning left = new Control.StillRunning(List.of(new Lingerer(true, "d1", "BLOCKED", true, 0),
                new Lingerer(true, "d2", "BLOCKED", true, 0)));
        assertTrue(left.allDeadlocked());
        assertEquals("Interrupted, but 2 threads started by this cell were deadlocked, each waiting for a lock "
                + "another holds (thread 'd1' (BLOCKED), thread 'd2' (BLOCKED)), which no interrupt can end; its "
                + "Java process was restarted to end them, so variables were reset.",
                EngineText.stillRunning(Lang.EN, interrupted(), left));
        assertEquals("已中断，但这个单元格启动的 2 个线程发生了死锁，互相等待对方持有的锁（线程“d1”（BLOCKED）、线程“d2”（BLOCKED）），"
                + "任何中断都无法结束它们；为了结束它们，运行代码的 Java 进程被重启了，变量已被清空。",
                EngineText.stillRunning(Lang.ZH, interrupted(), left));
    }

    @Test
    void aThreadStillRunningAfterTheGraceIsNamedWithTheTimeout() {
        Control.StillRunning left = new Control.StillRunning(List.of(new Lingerer(true, "spin", "RUNNABLE", false, 0),
                new Lingerer(true, "d1", "BLOCKED", true, 0), new Lingerer(false, "ThreadPoolExecutor", "", false, 1)));
        assertFalse(left.allDeadlocked());
        assertEquals("The cell ran longer than its 5 s timeout and was stopped, but 2 threads and 1 executor "
                + "started by this cell were still running 2 s after the interrupt (thread 'spin' (RUNNABLE), "
                + "thread 'd1' (BLOCKED), executor ThreadPoolExecutor with 1 running tasks); its Java process was "
                + "restarted to end them, so variables were reset.",
                EngineText.stillRunning(Lang.EN, timedOut(Duration.ofSeconds(5)), left));
    }

    @Test
    void blockedThreadsSuggestADeadlock() {
        String s = EngineText.stillRunning(Lang.EN, interrupted(),
                new Control.StillRunning(List.of(new Lingerer(true, "w", "WAITING", false, 0))));
        assertTrue(s.contains("1 thread started by this cell was still blocked 2 s after the interrupt (deadlock?)"), s);
    }

    @Test
    void anAgentsDeathIsWordedFromItsStatus() {
        assertEquals("The Java process running your code exited with status 3; variables were reset.",
                EngineText.died(Lang.EN, new AgentDeath.Exit(3)));
        assertEquals("运行代码的 Java 进程被杀死了（信号 9，可能是系统内存不足）；变量已被清空。",
                EngineText.died(Lang.ZH, new AgentDeath.Signal(9)));
    }

    private static Control.Resource released(Control.Kind kind, int port, String name, long number) {
        return new Control.Resource(kind, port, name, number, Control.State.RELEASED);
    }

    @Test
    void whatAReleaseDidIsWordedInTheSessionsLanguage() {
        Control.Resource udp = released(Control.Kind.UDP_SOCKET, 7788, "", 0);
        assertEquals("closed the UDP socket on port 7788", EngineText.released(Lang.EN, udp));
        assertEquals("关闭了端口 7788 上的 UDP 套接字", EngineText.released(Lang.ZH, udp));
        Control.Resource threads = released(Control.Kind.THREADS, 0, "", 2);
        assertEquals("stopped 2 threads", EngineText.released(Lang.EN, threads));
        assertEquals("stopped 1 thread", EngineText.released(Lang.EN, released(Control.Kind.THREADS, 0, "", 1)));
        assertEquals("停止了 2 个线程", EngineText.released(Lang.ZH, threads));
        Control.Resource sleep = released(Control.Kind.PROCESS, 0, "sleep", 4711);
        assertEquals("ended the process 4711 (sleep)", EngineText.released(Lang.EN, sleep));
        assertEquals("结束了进程 4711（sleep）", EngineText.released(Lang.ZH, sleep));
        assertEquals("结束了它们启动的 3 个进程",
                EngineText.released(Lang.ZH, released(Control.Kind.STARTED_PROCESSES, 0, "", 3)));
    }

    @Test
    void whatIsOpenNamesItsPortPeerAndWhetherItStillRuns() {
        Control.Resource tcp = new Control.Resource(Control.Kind.TCP_SOCKET, 50123, "127.0.0.1:80", 0,
                Control.State.OPEN);
        assertEquals("TCP socket on port 50123 connected to 127.0.0.1:80", EngineText.resource(Lang.EN, tcp));
        assertEquals("端口 50123 上连接到 127.0.0.1:80 的 TCP 套接字", EngineText.resource(Lang.ZH, tcp));
        Control.Resource worker = new Control.Resource(Control.Kind.THREAD, 0, "worker", 0,
                Control.State.STOPPED_STILL_RUNNING);
        assertEquals("thread 'worker' (stopped, but still running)", EngineText.resource(Lang.EN, worker));
        assertEquals("线程“worker”（已停止，但仍在运行）", EngineText.resource(Lang.ZH, worker));
        Control.Resource virtual = new Control.Resource(Control.Kind.THREAD, 0, "", 0, Control.State.OPEN);
        assertEquals("一个没有名字的线程", EngineText.resource(Lang.ZH, virtual), "a virtual thread has no name");
        assertEquals("a thread without a name (RUNNABLE)",
                EngineText.lingerer(Lang.EN, new Control.Lingerer(true, "", "RUNNABLE", false, -1)));
    }

    @Test
    void everyKindOfResourceHasItsOwnWordsInBothLanguages() {
        for (Control.Kind kind : Control.Kind.values()) {
            Control.Resource r = new Control.Resource(kind, 0, "X", 2, Control.State.OPEN);
            String en = EngineText.resource(Lang.EN, r);
            String zh = EngineText.resource(Lang.ZH, r);
            assertFalse(en.contains("engine.") || zh.contains("engine."), kind + ": " + en + " / " + zh);
            if (kind != Control.Kind.OTHER) {
                assertFalse(en.equals(zh), kind + " is worded the same in both: " + en);
            }
        }
    }
}
