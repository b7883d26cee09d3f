package netlab.kernel.jshell;

import java.time.Duration;
import java.util.List;
import netlab.agent.Control;
import netlab.text.Lang;
import netlab.text.Text;

/**
 * The sentences a student reads when a cell's run ends otherwise than normally, made here in the kernel from
 * data (a {@link CellRun}'s stop, the agent's {@link Control.StillRunning}, an {@link AgentDeath}) with the
 * catalogue's {@code engine.*} texts, in the session's language.
 */
final class EngineText {

    private EngineText() {
    }

    /** "The cell was stopped; variables defined before it still exist." or its timeout form. */
    static String interrupted(Lang lang, CellRun run) {
        if (run.compileStopped()) {
            String stopped = switch (run.stoppedBy()) {
                case TIMEOUT -> Text.in(lang, "engine.timed.out.compiling", run.stoppedByLimit().toSeconds());
                case TIME_LIMIT -> Text.in(lang, "engine.time.limit.compiling", duration(run.stoppedByLimit()));
                case COMPILE_LIMIT -> Text.in(lang, "engine.compile.limit", run.compileLimit().toSeconds());
                case INTERRUPT -> Text.in(lang, "engine.interrupted.compiling");
                case null -> Text.in(lang, "engine.interrupted.compiling");
            };
            return Text.in(lang, "engine.compiling.advice", stopped, Text.in(lang, "engine.compile.slow"));
        }
        return switch (run.stoppedBy()) {
            case TIMEOUT -> Text.in(lang, "engine.timed.out", run.stoppedByLimit().toSeconds());
            case TIME_LIMIT -> Text.in(lang, "engine.time.limit", duration(run.stoppedByLimit()));
            case INTERRUPT, COMPILE_LIMIT -> Text.in(lang, "engine.interrupted");
            case null -> Text.in(lang, "engine.interrupted");
        };
    }

    /** The agent was killed because the cell's code did not return within the grace period. */
    static String killed(Lang lang, CellRun run) {
        String grace = duration(run.grace());
        return switch (run.stoppedBy()) {
            case TIMEOUT -> Text.in(lang, "engine.killed.timeout", run.stoppedByLimit().toSeconds(), grace);
            case TIME_LIMIT -> Text.in(lang, "engine.killed.limit", duration(run.stoppedByLimit()), grace);
            case INTERRUPT, COMPILE_LIMIT -> Text.in(lang, "engine.killed", grace);
            case null -> Text.in(lang, "engine.killed", grace);
        };
    }

    /** The agent was killed because what the stopped cell started still ran (or was deadlocked). */
    static String stillRunning(Lang lang, CellRun run, Control.StillRunning left) {
        String stopped = switch (run.stoppedBy()) {
            case TIMEOUT -> Text.in(lang, "engine.stopped.timeout", run.stoppedByLimit().toSeconds());
            case TIME_LIMIT -> Text.in(lang, "engine.stopped.limit", duration(run.stoppedByLimit()));
            case INTERRUPT, COMPILE_LIMIT -> Text.in(lang, "engine.stopped.interrupt");
            case null -> Text.in(lang, "engine.stopped.interrupt");
        };
        List<Control.Lingerer> all = left.lingerers();
        List<String> named = new java.util.ArrayList<>(all.stream().map(l -> lingerer(lang, l)).toList());
        if (left.more() > 0) {
            named.add(Text.in(lang, "engine.lingerer.more", left.more()));
        }
        String listed = String.join(Text.in(lang, "engine.list.separator"), named);
        int total = all.size() + left.more();
        String count = left.more() > 0 ? Text.in(lang, "engine.count.any", total) : count(lang, all);
        if (left.allDeadlocked()) {
            return Text.in(lang, "engine.lingering.deadlocked", stopped, count, total, listed);
        }
        boolean blocked = all.stream().allMatch(l -> l.state().equals("BLOCKED") || l.state().equals("WAITING"));
        return Text.in(lang, blocked ? "engine.lingering.blocked" : "engine.lingering.running", stopped, count,
                total, duration(run.grace()), listed);
    }

    /** "thread 'd1' (BLOCKED)", "executor ThreadPoolExecutor with 2 running tasks". */
    static String lingerer(Lang lang, Control.Lingerer l) {
        if (l.thread()) { // a virtual thread has no name unless given one
            return l.name().isEmpty() ? Text.in(lang, "engine.lingerer.thread.unnamed", l.state())
                    : Text.in(lang, "engine.lingerer.thread", l.name(), l.state());
        }
        return l.activeTasks() >= 0 ? Text.in(lang, "engine.lingerer.executor.tasks", l.name(), l.activeTasks())
                : Text.in(lang, "engine.lingerer.executor", l.name());
    }

    /** "2 threads", "1 executor", "2 threads and 1 executor". */
    private static String count(Lang lang, List<Control.Lingerer> all) {
        long threads = all.stream().filter(Control.Lingerer::thread).count();
        long executors = all.size() - threads;
        String t = Text.in(lang, "engine.count.threads", threads);
        String x = Text.in(lang, "engine.count.executors", executors);
        return threads == 0 ? x : executors == 0 ? t : Text.in(lang, "engine.count.both", t, x);
    }

    /** The agent died while the cell ran. */
    static String died(Lang lang, AgentDeath death) {
        return Text.in(lang, "engine.died", death.words());
    }

    /** Said before the output of a cell whose agent died after the last cell. */
    static String diedBefore(Lang lang, AgentDeath death) {
        return Text.in(lang, "engine.died.before", death.words()) + "\n";
    }

    /**
     * What a release did, as a phrase for {@code engine.released} or {@code %close}: "closed the UDP socket on
     * port 7788", "stopped 2 threads", "ended the process 4711 (sleep)".
     */
    static String released(Lang lang, Control.Resource r) {
        return switch (r.kind()) {
            case THREADS -> Text.in(lang, "engine.released.threads", r.number());
            case STARTED_PROCESSES -> Text.in(lang, "engine.released.started.processes", r.number());
            case PROCESS -> Text.in(lang, "engine.released.process", resource(lang, r));
            default -> Text.in(lang, "engine.released.closed", resource(lang, r));
        };
    }

    /** What a resource is, as {@code %resources} lists it: "UDP socket on port 7788", "thread 'worker'". */
    static String resource(Lang lang, Control.Resource r) {
        String what = switch (r.kind()) {
            case THREAD -> r.name().isEmpty() ? Text.in(lang, "engine.resource.thread.unnamed")
                    : Text.in(lang, key(r.kind()), r.name());
            case EXECUTOR, OTHER -> Text.in(lang, key(r.kind()), r.name());
            case THREADS, STARTED_PROCESSES -> Text.in(lang, key(r.kind()), r.number());
            case PROCESS -> r.name().isEmpty() ? Text.in(lang, "engine.resource.process", r.number())
                    : Text.in(lang, "engine.resource.process.command", r.number(), r.name());
            default -> Text.in(lang, key(r.kind()));
        };
        boolean peer = r.kind() == Control.Kind.TCP_SOCKET && !r.name().isEmpty();
        if (r.port() > 0) {
            what = peer ? Text.in(lang, "engine.resource.on.port.connected", what, r.port(), r.name())
                    : Text.in(lang, "engine.resource.on.port", what, r.port());
        } else if (peer) {
            what = Text.in(lang, "engine.resource.connected", what, r.name());
        }
        return r.state() == Control.State.STOPPED_STILL_RUNNING
                ? Text.in(lang, "engine.resource.still.running", what) : what;
    }

    /** {@code engine.resource.udp.socket} for {@code UDP_SOCKET}: one key per kind. */
    static String key(Control.Kind kind) {
        return "engine.resource." + kind.name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }

    /** "3 s", "1500 ms". */
    static String duration(Duration d) {
        long ms = d.toMillis();
        return ms % 1000 == 0 ? (ms / 1000) + " s" : ms + " ms";
    }
}
