package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InvalidClassException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** What a kernel reads from an agent's main connection: JShell's replies, nothing an agent's code may craft. */
class AgentReplyFilterTest {

    private static Object roundTrip(Object o) throws IOException, ClassNotFoundException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            in.setObjectInputFilter(AgentReplyFilter.INSTANCE);
            return in.readObject();
        }
    }

    @Test
    void jshellsRepliesPass() throws Exception {
        StackTraceElement[] trace = new Throwable().getStackTrace();
        assertArrayEquals(trace, (StackTraceElement[]) roundTrip(trace));
        assertArrayEquals(new boolean[] {true, false}, (boolean[]) roundTrip(new boolean[] {true, false}));
        assertEquals("a string", roundTrip("a string"));
    }

    @Test
    void anythingElseIsRefused() {
        // nested sets: the classic stream that keeps a reader hashing for hours
        Set<Object> root = new HashSet<>();
        Set<Object> s1 = root;
        Set<Object> s2 = new HashSet<>();
        for (int i = 0; i < 30; i++) {
            Set<Object> t1 = new HashSet<>();
            Set<Object> t2 = new HashSet<>();
            t1.add("x" + i);
            s1.add(t1);
            s1.add(t2);
            s2.add(t1);
            s2.add(t2);
            s1 = t1;
            s2 = t2;
        }
        assertThrows(InvalidClassException.class, () -> roundTrip(root));
        assertThrows(InvalidClassException.class, () -> roundTrip(new java.util.ArrayList<>(java.util.List.of("a"))));
        assertThrows(InvalidClassException.class, () -> roundTrip(new StackTraceElement[AgentReplyFilter.MAX_ARRAY + 1]));
        assertThrows(InvalidClassException.class, () -> roundTrip(Integer.valueOf(7)));
    }

    /**
     * JDK 25.0.5 and later set JShell's own filter on the stream JShell is given ({@code StreamingExecutionControl}):
     * on the stream {@code replies} hands it that works, and reads still pass this filter first.
     */
    @Test
    void jshellMaySetItsOwnFilterOnTheRepliesStream() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        StackTraceElement[] trace = new Throwable().getStackTrace();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeInt(7);
            out.writeUTF("ok");
            out.writeObject(trace);
            out.writeObject(new HashSet<>(Set.of(1)));
        }
        ObjectInputStream replies = AgentReplyFilter.replies(
                new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray())));
        replies.setObjectInputFilter(info -> java.io.ObjectInputFilter.Status.ALLOWED); // as JShell's would
        assertEquals(7, replies.readInt());
        assertEquals("ok", replies.readUTF());
        assertArrayEquals(trace, (StackTraceElement[]) replies.readObject());
        assertThrows(InvalidClassException.class, replies::readObject, "this filter still refuses a set");
    }
}
