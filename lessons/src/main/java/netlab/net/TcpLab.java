package netlab.net;

import java.time.Duration;

/**
 * TCP experiments that show what the kernel does, each on loopback with everything closed afterwards.
 *
 * <pre>{@code
 * TcpLab.longVsShort(200)                       // one connection vs one connection per request, timed
 * TcpLab.backlog(2, 5, Duration.ofMillis(300))  // how many clients connect to a server that never accepts
 * TcpLab.timeWait()                             // the TIME_WAIT row, and SO_REUSEADDR
 * }</pre>
 */
public final class TcpLab {

    private TcpLab() {
    }

    /** Times N requests over one connection against N short connections. Example: {@code TcpLab.longVsShort(200)}. */
    public static ConnectionCost longVsShort(int requests) {
        return ConnectionCost.run(requests);
    }

    /**
     * Listens with {@code backlog}, never accepts, and connects {@code clients} clients one by one, each giving up
     * after {@code connectTimeout}. Takes at most about clients × connectTimeout.
     * Example: {@code TcpLab.backlog(2, 5, Duration.ofMillis(300))}.
     */
    public static BacklogExperiment backlog(int backlog, int clients, Duration connectTimeout) {
        return BacklogExperiment.run(backlog, clients, connectTimeout);
    }

    /** Shows TIME_WAIT after an active close and what SO_REUSEADDR changes. Example: {@code TcpLab.timeWait()}. */
    public static TimeWaitExperiment timeWait() {
        return TimeWaitExperiment.run();
    }
}
