package netlab.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import netlab.servers.EchoServer;
import netlab.servers.Model;
import netlab.servers.Servers;
import org.junit.jupiter.api.Test;

class LoadTest {

    @Test
    void everyRequestIsAnsweredAndMeasured() {
        try (EchoServer server = Servers.virtualThreads(0)) {
            LoadReport r = Load.plan(5, 20, Duration.ZERO).quiet().run(server);
            assertEquals(100, r.answered());
            assertEquals(0, r.unanswered());
            assertTrue(r.p50().compareTo(r.p99()) <= 0 && r.p99().compareTo(r.max()) <= 0, r.toString());
            assertTrue(r.peakServed() >= 1 && r.peakServed() <= 5, r.toString());
            assertTrue(r.threads() > 1 && r.rssBytes() > 1 << 20, r.toString());
            assertTrue(r.table().text().contains("p99"), r.table().text());
        }
    }

    /**
     * A run against a server already closed (a try block's, ended) answers nothing; the table says why, as a cell's
     * exception says it, where it showed only zeros.
     */
    @Test
    void aRunNobodyAnswersSaysWhy() {
        EchoServer closed = Servers.virtualThreads(0);
        closed.close();
        LoadReport r = Load.plan(2, 3, Duration.ZERO).quiet().run(closed);
        assertEquals(0, r.answered());
        assertEquals(6, r.unanswered());
        assertEquals(java.util.Optional.of(netlab.text.Message.of("exception.explain.connect")), r.whyUnanswered());
        assertTrue(r.table().text().lines().anyMatch(l -> l.startsWith("why unanswered ")
                && l.contains(" The connection was not made: no program listens")), r.table().text());
        try (EchoServer open = Servers.virtualThreads(0)) {
            assertEquals(java.util.Optional.empty(), Load.plan(1, 2, Duration.ZERO).quiet().run(open).whyUnanswered());
        }
    }

    @Test
    void anIterativeServerServesOneClientAtATime() {
        try (EchoServer server = Servers.iterative(0)) {
            LoadReport r = Load.plan(4, 5, Duration.ofMillis(1)).quiet().run(server);
            assertEquals(20, r.answered());
            assertEquals(1, r.peakServed(), r.toString());
        }
    }

    @Test
    void nineIdleClientsStarveAPoolOfEight() {
        try (EchoServer pool = Servers.fixedPool(0, 8); HeldConnections idle = Load.hold(pool.port(), 9)) {
            assertEquals(9, idle.connected());
            assertEquals(8, idle.answered(), idle.toString());
            LoadReport tenth = Load.plan(1, 1, Duration.ZERO).deadline(Duration.ofSeconds(1)).quiet().run(pool);
            assertEquals(1, tenth.unanswered());
            assertTrue(tenth.table().text().contains("—"), tenth.table().text());
        }
    }

    @Test
    void theComparisonRunsEachModelInItsOwnJvm() {
        Comparison c = Load.compare(List.of(Model.SELECTOR, Model.VIRTUAL_THREADS), Load.plan(3, 10, Duration.ZERO).quiet());
        assertEquals(2, c.rows().size());
        assertEquals(30, c.row(Model.SELECTOR).report().answered());
        assertTrue(c.row(Model.SELECTOR).report().server().contains("pid"), c.row(Model.SELECTOR).report().server());
        assertTrue(c.svg().startsWith("<svg") && c.svg().contains(Model.SELECTOR.label()), c.svg());
        assertTrue(c.table().text().contains(Model.VIRTUAL_THREADS.label()), c.table().text());
        assertThrows(IllegalArgumentException.class, () -> c.row(Model.ITERATIVE));
    }

    @Test
    void aSweepRunsOnceForEachNumberOfClients() {
        try (EchoServer server = Servers.iterative(0)) {
            Sweep sweep = Load.sweep(server, 5, Duration.ZERO, 1, 3);
            assertEquals(List.of(1, 3), sweep.reports().stream().map(LoadReport::clients).toList());
            assertEquals(List.of(5L, 15L), sweep.reports().stream().map(LoadReport::answered).toList());
            assertTrue(sweep.svg().contains("polyline") && sweep.table().size() == 2, sweep.svg());
        }
        assertThrows(IllegalArgumentException.class, () -> Load.sweep(null, 1, Duration.ZERO));
    }

    @Test
    void plansAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> Load.plan(0, 1, Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Load.plan(10, 1, Duration.ofSeconds(11)));
        assertThrows(IllegalArgumentException.class, () -> Load.plan(1, 1, Duration.ZERO).deadline(Duration.ofHours(1)));
        assertThrows(IllegalArgumentException.class, () -> Load.hold(1, 20_000));
    }
}
