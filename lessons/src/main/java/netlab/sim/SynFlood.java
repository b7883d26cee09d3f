package netlab.sim;

import java.util.ArrayDeque;
import java.util.Random;
import netlab.display.Table;
import netlab.display.Tabular;
import netlab.text.Text;

/**
 * A SYN flood against one listening port, second by second: spoofed SYNs fill the SYN queue (half-open
 * connections nobody will complete, each kept until its SYN+ACK retries give up), so genuine clients find it full.
 * With SYN cookies the server keeps no state for a SYN when the queue is full: it encodes it in the ISN of
 * its SYN+ACK ({@link SynCookie}) and rebuilds it from the client's ACK, so genuine clients still get in.
 * Only a model: no packet leaves this JVM.
 *
 * <pre>{@code
 * SynFlood.run(256, 1000, 20, 10, false, 1)   // by second 1 the queue is full; most genuine clients fail
 * SynFlood.run(256, 1000, 20, 10, true, 1)    // every genuine client gets in
 * }</pre>
 */
public final class SynFlood implements Tabular {

    /** Linux keeps a half-open connection while it retries its SYN+ACK: 1+2+4+8+16+32 s with tcp_synack_retries=5. */
    public static final int HALF_OPEN_SECONDS = 63;
    /** Bounds that keep a run to about a second of work (it draws every SYN of every second) and a readable table. */
    private static final int MAX_BACKLOG = 100_000;
    private static final int MAX_PER_SECOND = 100_000;
    private static final int MAX_SECONDS = 300;

    private final Table table;
    private final int genuine;
    private final int served;

    private SynFlood(Table table, int genuine, int served) {
        this.table = table;
        this.genuine = genuine;
        this.served = served;
    }

    /**
     * Runs {@code seconds} of attack: {@code spoofedPerSecond} forged SYNs and {@code genuinePerSecond} real clients,
     * a SYN queue of {@code backlog} entries, with or without SYN cookies; arrivals are shuffled by {@code seed}.
     *
     * @throws IllegalArgumentException for a queue outside 1–100,000, a rate outside 0–100,000 or seconds outside 1–300
     */
    public static SynFlood run(int backlog, int spoofedPerSecond, int genuinePerSecond, int seconds, boolean synCookies, long seed) {
        Text.require(backlog >= 1 && backlog <= MAX_BACKLOG, "sim.syn.bad.backlog", backlog);
        Text.require(spoofedPerSecond >= 0 && spoofedPerSecond <= MAX_PER_SECOND, "sim.syn.bad.rate", spoofedPerSecond);
        Text.require(genuinePerSecond >= 0 && genuinePerSecond <= MAX_PER_SECOND, "sim.syn.bad.rate", genuinePerSecond);
        Text.require(seconds >= 1 && seconds <= MAX_SECONDS, "sim.syn.bad.seconds", seconds);
        Random random = new Random(seed);
        ArrayDeque<Integer> halfOpen = new ArrayDeque<>(); // the second each spoofed entry was queued
        Table t = Table.captioned(Text.of(synCookies ? "sim.syn.caption.cookies" : "sim.syn.caption.plain", backlog, spoofedPerSecond),
                Text.of("sim.syn.col.second"), Text.of("sim.syn.col.queue"), Text.of("sim.syn.col.genuine"), Text.of("sim.syn.col.served"));
        int genuineTotal = 0;
        int servedTotal = 0;
        for (int s = 0; s < seconds; s++) {
            while (!halfOpen.isEmpty() && s - halfOpen.peek() >= HALF_OPEN_SECONDS) {
                halfOpen.poll();
            }
            int spoofed = spoofedPerSecond;
            int real = genuinePerSecond;
            int servedNow = 0;
            while (spoofed + real > 0) {
                boolean isReal = random.nextInt(spoofed + real) < real;
                boolean full = halfOpen.size() >= backlog;
                if (isReal) {
                    real--;
                    if (!full || synCookies) {
                        servedNow++; // completes its handshake within the second: a queue slot only briefly, or none with a cookie
                    }
                } else {
                    spoofed--;
                    if (!full) {
                        halfOpen.add(s); // with cookies a full queue means: answer statelessly, remember nothing
                    }
                }
            }
            genuineTotal += genuinePerSecond;
            servedTotal += servedNow;
            t.row(s, halfOpen.size() + "/" + backlog, genuinePerSecond, servedNow);
        }
        return new SynFlood(t, genuineTotal, servedTotal);
    }

    /** Genuine clients that tried. */
    public int genuine() {
        return genuine;
    }

    /** Genuine clients that got a connection. */
    public int served() {
        return served;
    }

    @Override
    public Table table() {
        return table;
    }

    @Override
    public String toString() {
        return table.text();
    }
}
