package netlab.kernel.jshell;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import netlab.agent.AgentProtocol;
import netlab.agent.ProcessTree;

/**
 * The processes an agent JVM started (a cell's worker JVMs, {@code sleep}, a server it launched) and what they
 * started in turn, ended when the agent ends — whether the kernel closed it, killed it, or it died on its own
 * ({@code System.exit} in a cell, out of memory): a worker holding a port must not outlive the session that
 * started it. While the agent runs its cells' processes are the cells' ({@code Ownership} in the agent ends
 * them at an interrupt or a re-run); this is for what is left when the agent is gone.
 *
 * <p>How they are found: a process whose parent dies is handed to another parent, so once the agent has died
 * its children are no longer under it. But every process the agent starts inherits its environment, which
 * holds the agent's own random token ({@link AgentProtocol#TOKEN_ENV}); {@code /proc/PID/environ} shows the
 * environment a process started with. A process that cleared its environment (or a grandchild started with a
 * fresh one) escapes this search; it is found only while the agent still lives, as its descendant.
 */
final class AgentDescendants {

    private final Process agent;
    private final byte[] marker;
    private boolean ended;

    /** Watches {@code agent}, started with {@code token}; ends its descendants as soon as it exits. */
    AgentDescendants(Process agent, String token) {
        this.agent = agent;
        this.marker = (AgentProtocol.TOKEN_ENV + "=" + token + "\0").getBytes(StandardCharsets.UTF_8);
        agent.onExit().thenRunAsync(this::end, task -> Thread.ofPlatform().daemon()
                .name("netlab-agent-descendants-" + agent.pid()).start(task));
    }

    /**
     * Ends every process the agent started, directly or not (SIGTERM, SIGKILL after {@link ProcessTree#GRACE});
     * once only; a second call waits for the first. Call it after the agent has exited.
     */
    synchronized List<ProcessHandle> end() {
        if (ended) {
            return List.of();
        }
        ended = true;
        Set<ProcessHandle> found = new LinkedHashSet<>();
        agent.descendants().forEach(found::add);
        long self = ProcessHandle.current().pid();
        ProcessHandle.allProcesses()
                .filter(h -> h.pid() != self && h.pid() != agent.pid() && carriesToken(h.pid()))
                .forEach(found::add);
        List<ProcessHandle> ended = ProcessTree.end(found);
        if (!ended.isEmpty()) {
            EngineLog.AGENT.log(System.Logger.Level.INFO,
                    "ended " + ended.size() + " processes left by agent " + agent.pid());
        }
        return ended;
    }

    /** Whether process {@code pid} started with this agent's token in its environment (unreadable: no). */
    private boolean carriesToken(long pid) {
        try {
            byte[] env = Files.readAllBytes(Path.of("/proc", Long.toString(pid), "environ"));
            int at = indexOf(env, marker);
            return at == 0 || (at > 0 && env[at - 1] == 0); // a whole variable, not the end of another's value
        } catch (IOException | RuntimeException e) {
            return false; // another user's process, one that just ended, or no /proc
        }
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i <= haystack.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
