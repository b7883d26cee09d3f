package netlab.servers;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;
import org.junit.jupiter.api.Test;

class GeneratorTest {

    @Test
    void theBodyRunsOnlyAsFarAsTheValuesAskedFor() {
        List<String> log = new ArrayList<>();
        Generator<Integer> g = Generator.of(out -> {
            for (int i = 1; i <= 3; i++) {
                log.add("before " + i);
                out.yield(i * i);
                log.add("after " + i);
            }
        });
        assertEquals(List.of(), log);
        assertEquals(1, g.next());
        assertEquals(List.of("before 1"), log); // frozen inside yield
        assertEquals(4, g.next());
        assertEquals(List.of("before 1", "after 1", "before 2"), log);
        assertEquals(9, g.next());
        assertFalse(g.hasNext());
        assertThrows(NoSuchElementException.class, g::next);
    }

    @Test
    void yieldWorksFromAMethodTheBodyCallsAndOnAVirtualThread() throws Exception {
        List<String> got = new ArrayList<>();
        Thread t = Thread.ofVirtual().start(() -> {
            for (String s : Generator.<String>of(out -> twice(out, "a"))) { // stackful: yield from deeper down
                got.add(s);
            }
        });
        t.join();
        assertEquals(List.of("a", "a"), got);
    }

    private static void twice(Generator.Out<String> out, String s) {
        out.yield(s);
        out.yield(s);
    }
}
