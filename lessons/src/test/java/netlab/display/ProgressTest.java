package netlab.display;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import netlab.runtime.TestHost;
import org.junit.jupiter.api.Test;

class ProgressTest {

    private final List<String> shown = new ArrayList<>();
    private final List<String> ids = new ArrayList<>();
    private TestHost.Restore restore;

    @BeforeEach
    void capture() {
        restore = TestHost.showOn(new DisplaySink() {
            @Override
            public void show(Map<String, String> bundle, String displayId, boolean update) {
                shown.add((update ? "update " : "show ") + bundle.get("text/plain"));
                ids.add(displayId);
                assertTrue(bundle.get("text/html").contains("<progress"));
            }

            @Override
            public void clear(boolean wait) {
            }
        });
    }

    @AfterEach
    void restore() {
        restore.close();
    }

    @Test
    void tightLoopSendsFewUpdatesAndAlwaysTheLast() {
        Progress p = Progress.start("Sending", 1000);
        for (int i = 0; i < 1000; i++) {
            p.step();
        }
        assertEquals("show Sending [..............................] 0% (0/1000)", shown.getFirst());
        assertEquals("update Sending [##############################] 100% (1000/1000)", shown.getLast());
        assertTrue(shown.size() < 50, "updates were throttled: " + shown.size());
        assertEquals(1, ids.stream().distinct().count(), "all updates replace the same output");
        assertEquals(1000, p.value());
    }

    @Test
    void setClampsAndDoneFills() {
        Progress p = Progress.start("x", 4);
        p.set(-3);
        assertEquals(0, p.value());
        p.set(2);
        p.done();
        assertEquals("update x [##############################] 100% (4/4)", shown.getLast());
    }

    @Test
    void totalMustBePositive() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Progress.start("x", 0));
        assertTrue(e.getMessage().contains("at least 1 step, but got"), e.getMessage());
    }
}
