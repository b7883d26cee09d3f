package netlab.kernel.jshell;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import netlab.agent.AgentProtocol;

/**
 * What an interrupted cell left running, as the agent reports it (netlab.agent.Lingering lines
 * {@code "deadlocked\tthread 'Thread-3' (BLOCKED)"} or {@code "running\texecutor ThreadPoolExecutor ..."}),
 * and the one sentence that tells the student why the agent had to be restarted because of it.
 */
record StillRunning(List<String> what, boolean allDeadlocked) {

    /** Parses the agent's lines; none when everything the cell started has ended. */
    static StillRunning parse(String[] lines) {
        List<String> what = new ArrayList<>();
        boolean allDeadlocked = lines.length > 0;
        for (String line : lines) {
            int tab = line.indexOf('\t');
            what.add(tab < 0 ? line : line.substring(tab + 1));
            allDeadlocked &= tab >= 0 && line.substring(0, tab).equals(AgentProtocol.DEADLOCKED);
        }
        return new StillRunning(List.copyOf(what), allDeadlocked);
    }

    boolean none() {
        return what.isEmpty();
    }

    /**
     * "Interrupted, but 2 threads started by this cell were deadlocked ...; its Java process was restarted,
     * so variables were reset." {@code timedOutAfter} is the cell's timeout when that, not the user, stopped it.
     */
    String sentence(Duration timedOutAfter, String grace) {
        String stopped = timedOutAfter == null ? "Interrupted"
                : "The cell ran longer than its " + timedOutAfter.toSeconds() + " s timeout and was stopped";
        String listed = " (" + String.join(", ", what) + ")";
        String why;
        if (allDeadlocked) {
            why = count() + " started by this cell " + were() + " deadlocked, each waiting for a lock another holds"
                    + listed + ", which no interrupt can end";
        } else {
            boolean blocked = what.stream().allMatch(w -> w.endsWith("(BLOCKED)") || w.endsWith("(WAITING)"));
            why = count() + " started by this cell " + were() + " still " + (blocked ? "blocked" : "running") + " "
                    + grace + " after the interrupt" + (blocked ? " (deadlock?)" : "") + listed;
        }
        return stopped + ", but " + why + "; its Java process was restarted to end " + (what.size() == 1 ? "it" : "them")
                + ", so variables were reset.";
    }

    /** "2 threads", "1 executor", "2 threads and 1 executor". */
    private String count() {
        long threads = what.stream().filter(w -> w.startsWith("thread")).count();
        long others = what.size() - threads;
        List<String> parts = new ArrayList<>();
        if (threads > 0) {
            parts.add(threads + (threads == 1 ? " thread" : " threads"));
        }
        if (others > 0) {
            parts.add(others + (others == 1 ? " executor" : " executors"));
        }
        return String.join(" and ", parts);
    }

    private String were() {
        return what.size() == 1 ? "was" : "were";
    }
}
