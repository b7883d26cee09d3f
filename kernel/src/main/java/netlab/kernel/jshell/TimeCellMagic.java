package netlab.kernel.jshell;

import java.time.Duration;
import java.util.Locale;
import netlab.text.Text;

/**
 * {@code %%time} on a cell's first line: after the cell, its wall time and the CPU time the Java process running
 * it spent meanwhile (every thread of that process, as the operating system counts it).
 */
final class TimeCellMagic implements Magic {

    @Override
    public String name() {
        return "%time";
    }

    @Override
    public String usage() {
        return Text.of("magic.time.usage");
    }

    @Override
    public String run(String args, MagicContext context) {
        Magic.noArguments("%time", args);
        context.plan().time();
        return "";
    }

    /** The line printed after a timed cell; {@code cpu} is null when the agent was replaced meanwhile. */
    static String report(Duration wall, Duration cpu) {
        return (cpu == null ? Text.of("magic.time.wall", format(wall))
                : Text.of("magic.time.report", format(wall), format(cpu))) + "\n";
    }

    /** The CPU time process {@code pid} has used so far (all its threads), or null where the system does not say. */
    static Duration cpuOf(long pid) {
        return ProcessHandle.of(pid).flatMap(h -> h.info().totalCpuDuration()).orElse(null);
    }

    /** "850 µs", "12.3 ms", "1.24 s", "2 min 5.0 s". */
    static String format(Duration d) {
        long nanos = d.toNanos();
        if (nanos < 1_000_000) {
            return (nanos / 1000) + " µs";
        }
        if (nanos < 1_000_000_000) {
            return String.format(Locale.ROOT, "%.1f ms", nanos / 1e6);
        }
        if (nanos < 60_000_000_000L) {
            return String.format(Locale.ROOT, "%.2f s", nanos / 1e9);
        }
        return String.format(Locale.ROOT, "%d min %.1f s", d.toMinutes(), d.toSecondsPart() + d.toNanosPart() / 1e9);
    }
}
