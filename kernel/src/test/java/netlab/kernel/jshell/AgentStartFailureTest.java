package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalInt;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.Test;

/** What a student reads when the Java process for their code did not start: the JVM's words, not its command. */
class AgentStartFailureTest {

    private static final List<String> COMMAND = List.of("/opt/jdk/bin/java", "-Xmx512m", "-XX:+NoSuchFlag", "-cp",
            "/very/long/class/path.jar", "netlab.agent.AgentMain", "40000");

    @Test
    void anAgentThatExitedShowsWhatTheJvmSaidAndKeepsTheCommandForTheLog() {
        AgentStartFailure f = new AgentStartFailure(OptionalInt.of(1), Duration.ofSeconds(30), COMMAND,
                "Unrecognized VM option 'NoSuchFlag'\nError: Could not create the Java Virtual Machine.\n"
                        + "Error: A fatal exception has occurred. Program will exit.\nmore", new IOException("closed"));
        String zh = Text.in(Lang.ZH, "engine.start.failed", f.forStudent());
        assertEquals("运行你代码的 Java 进程没有启动：它一启动就退出了，状态码 1，输出“Unrecognized VM option "
                + "'NoSuchFlag' / Error: Could not create the Java Virtual Machine. / Error: A fatal exception has "
                + "occurred. Program will exit.”。netlab 会在下一个单元格再试一次；如果仍然失败，请把这句话告诉老师。", zh);
        String en = Text.in(Lang.EN, "engine.start.failed", f.forStudent());
        assertTrue(en.startsWith("The Java process that runs your code did not start: it exited at once with status 1,"
                + " saying \"Unrecognized VM option 'NoSuchFlag'"), en);
        assertFalse(en.contains("/very/long/class/path.jar") || en.contains("more"), en);
        assertTrue(f.getMessage().contains("did not start (exit status 1). Command: /opt/jdk/bin/java"), f.getMessage());
    }

    @Test
    void anAgentThatNeverConnectedSaysHowLongItWasGiven() {
        AgentStartFailure silent = new AgentStartFailure(OptionalInt.empty(), Duration.ofSeconds(30), COMMAND, "",
                new java.net.SocketTimeoutException());
        assertEquals("它在 30 秒内没有连上（服务器可能内存或进程数不够）", silent.forStudent().in(Lang.ZH));
        assertTrue(silent.getMessage().contains("did not start within 30 s"), silent.getMessage());
        AgentStartFailure mute = new AgentStartFailure(OptionalInt.of(137), Duration.ofSeconds(30), COMMAND, "\n",
                new IOException());
        assertEquals("it exited at once with status 137", mute.forStudent().in(Lang.EN));
    }
}
