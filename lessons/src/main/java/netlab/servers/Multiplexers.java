package netlab.servers;

import java.util.List;
import netlab.display.Table;
import netlab.text.Text;

/**
 * The ways an operating system tells one thread which of many sockets are ready, told correctly (the seed confuses
 * FD_SETSIZE with {@code /proc/sys/fs/file-max}, which is the system-wide count of open files, and says epoll has no
 * limit: it is bounded by the open-file limit, {@code ulimit -n}, and memory).
 *
 * <pre>{@code
 * Multiplexers.table()           // select, poll, epoll, kqueue, IOCP, io_uring side by side
 * Multiplexers.FD_SETSIZE        // 1024
 * }</pre>
 */
public final class Multiplexers {

    /**
     * glibc's fixed {@code fd_set} size: {@code select()} can only watch file descriptors numbered 0–1023, however few
     * there are (fd 1500 alone is out of reach). Changing it means recompiling the program against a bigger
     * {@code fd_set}, not recompiling the kernel; 32- and 64-bit are the same.
     */
    public static final int FD_SETSIZE = 1024;

    /** One mechanism: its name and a key for the rest of its row in the catalogue. */
    public record Multiplexer(String name, String key) {

        /** Where it exists. Example: {@code m.where()}. */
        public String where() {
            return Text.of("mux." + key + ".where");
        }

        /** What bounds how many descriptors it watches. Example: {@code m.limit()}. */
        public String limit() {
            return Text.of("mux." + key + ".limit");
        }

        /** What one call costs. Example: {@code m.cost()}. */
        public String cost() {
            return Text.of("mux." + key + ".cost");
        }

        /** How Java reaches it. Example: {@code m.inJava()}. */
        public String inJava() {
            return Text.of("mux." + key + ".java");
        }
    }

    private static final List<Multiplexer> ALL = List.of(new Multiplexer("select(2)", "select"), new Multiplexer("poll(2)", "poll"),
            new Multiplexer("epoll(7)", "epoll"), new Multiplexer("kqueue(2)", "kqueue"), new Multiplexer("IOCP", "iocp"),
            new Multiplexer("io_uring(7)", "uring"));

    private Multiplexers() {
    }

    /** Every mechanism, oldest first. Example: {@code Multiplexers.all().size()} is 6. */
    public static List<Multiplexer> all() {
        return ALL;
    }

    /** The mechanisms side by side. Example: {@code Multiplexers.table()}. */
    public static Table table() {
        Table t = Table.captioned(Text.of("mux.caption"), Text.of("mux.col.name"), Text.of("mux.col.where"), Text.of("mux.col.limit"),
                Text.of("mux.col.cost"), Text.of("mux.col.java"));
        for (Multiplexer m : ALL) {
            t.row(m.name(), m.where(), m.limit(), m.cost(), m.inJava());
        }
        return t;
    }
}
