package netlab.kernel.jshell;

import java.io.IOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalInt;
import java.util.concurrent.ThreadLocalRandom;
import java.util.random.RandomGenerator;

/**
 * The loopback port the kernel listens on for its agent's two connections, taken below the range the system
 * hands out for port 0.
 *
 * <p>Why: Jupyter picks a kernel's five ports by binding port 0 and letting them go, then starts the kernel,
 * which binds them for good a few hundred milliseconds later. A listener on port 0 bound in that gap may be
 * given one of them: this kernel's own agent listener, which the engine binds as soon as the JVM is up, or the
 * agent listener of another kernel starting beside it in a classroom. That kernel then died with "Address
 * already in use" (CI's Jupyter kernel tests, once). Port 0 never hands out a port below the ephemeral range,
 * so Jupyter never picks one there.
 *
 * <p>How: a random port among the {@value #SPAN} just below the range's start (Linux's
 * {@code /proc/sys/net/ipv4/ip_local_port_range}; 24576–32767 by default), another one while a port is taken,
 * {@value #TRIES} at most; then, or where the range cannot be read, port 0. The port is held only while an
 * agent starts.
 */
final class AgentPort {

    static final int SPAN = 8192;
    static final int TRIES = 16;
    private static final Path EPHEMERAL_RANGE = Path.of("/proc/sys/net/ipv4/ip_local_port_range");

    private AgentPort() {
    }

    /** A loopback listener with {@code backlog} on a port Jupyter does not pick. */
    static ServerSocket bind(int backlog) throws IOException {
        return bind(backlog, ephemeralStart(EPHEMERAL_RANGE), ThreadLocalRandom.current());
    }

    static ServerSocket bind(int backlog, OptionalInt ephemeralStart, RandomGenerator random) throws IOException {
        InetAddress loopback = InetAddress.getLoopbackAddress();
        if (ephemeralStart.isPresent()) {
            int high = ephemeralStart.getAsInt();
            int low = Math.max(1024, high - SPAN);
            for (int i = 0; i < TRIES && low < high; i++) {
                try {
                    return new ServerSocket(random.nextInt(low, high), backlog, loopback);
                } catch (BindException e) {
                    // taken by someone else: try another
                }
            }
        }
        return new ServerSocket(0, backlog, loopback);
    }

    /** The first port of the ephemeral range {@code rangeFile} names ("32768 60999"), if it can be read. */
    static OptionalInt ephemeralStart(Path rangeFile) {
        try {
            // readAllLines, not readString: a kernel file reports size 0, and JDK 25's readString then reads one byte
            List<String> lines = Files.readAllLines(rangeFile);
            return lines.isEmpty() ? OptionalInt.empty()
                    : OptionalInt.of(Integer.parseInt(lines.getFirst().strip().split("\\s+")[0]));
        } catch (IOException | RuntimeException e) {
            return OptionalInt.empty();
        }
    }
}
