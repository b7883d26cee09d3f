package netlab.net;

import java.io.PrintStream;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a background server writes what it does: printed live to the stream that was {@code System.out}
 * when the server started (so lines appear under the cell that started it) and kept, the last
 * {@value #KEEP} lines, for {@link Server#log()}. Thread safe.
 */
final class LiveLog {

    static final int KEEP = 1000;

    private final PrintStream out;
    private final ArrayDeque<String> lines = new ArrayDeque<>();
    private volatile boolean printing = true;

    LiveLog() {
        this.out = System.out;
    }

    void line(String line) {
        synchronized (lines) {
            if (lines.size() == KEEP) {
                lines.removeFirst();
            }
            lines.addLast(line);
        }
        if (printing) {
            out.println(line);
        }
    }

    void quiet() {
        printing = false;
    }

    List<String> lines() {
        synchronized (lines) {
            return List.copyOf(new ArrayList<>(lines));
        }
    }
}
