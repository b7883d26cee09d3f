package netlab.kernel.it;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Python suites in src/test/python through Debian's jupyter_client, jupyter_kernel_test, nbclient and
 * jupyter_server against the kernel built in target/, installed into a temporary prefix.
 */
class PythonKernelTestsIT {

    @TempDir
    static Path prefix;

    static InstalledKernel kernel;

    @BeforeAll
    static void installKernel() throws Exception {
        kernel = InstalledKernel.install(prefix, "netlab-it", Map.of());
    }

    @Test
    void jupyterKernelTestSuite() throws Exception {
        kernel.unittest("test_kernel", 600);
    }

    @Test
    void nbclientRunsANotebook() throws Exception {
        kernel.unittest("test_nbclient", 600);
    }

    /**
     * Through jupyter_server, as JupyterLab reaches the kernel: its REST API starts, interrupts, restarts and
     * deletes it, and one WebSocket carries the shell, iopub and stdin messages of a session.
     */
    @Test
    void jupyterServerRunsInterruptsAndRestartsIt() throws Exception {
        kernel.unittest("test_jupyter_server", 600);
    }

    /**
     * A Chinese student's session: the language from JPY_SESSION_NAME, no English sentence of the catalogue in
     * explained compile errors, a failed check, {@code %lang}, an interrupt or an agent's exit.
     */
    @Test
    void aChineseSessionShowsNoEnglishSentenceOfTheCatalogue() throws Exception {
        kernel.unittest("test_chinese", 600);
    }

    /**
     * Chapter 4's cells: 100,000 virtual threads, a Continuation, worker processes (deaf to SIGTERM, with a child)
     * ended by interrupt, re-run and agent exit, by PID and by port.
     */
    @Test
    void concurrencyCellsOwnTheirThreadsAndProcesses() throws Exception {
        kernel.unittest("test_concurrency", 600);
    }

    /** Hostile cells (loops, blocked sockets, exits, floods): prints a table of interrupt timings. */
    @Test
    void hostileCellsNeverWedgeTheNotebook() throws Exception {
        kernel.unittest("test_hostile", 600);
    }
}
