package netlab.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs the Python suites in src/test/python through Debian's jupyter_client, jupyter_kernel_test and
 * nbclient against the kernel built in target/, installed into a temporary prefix.
 */
class PythonKernelTestsIT {

    static final String KERNEL_NAME = "netlab-it";
    static final Path PYTHON_TESTS = Path.of("src", "test", "python").toAbsolutePath();

    @TempDir
    static Path prefix;

    @BeforeAll
    static void installKernel() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Result r = run(List.of(java, "-jar", Path.of("target", "netlab.jar").toAbsolutePath().toString(),
                "install", "--prefix", prefix.toString(), "--name", KERNEL_NAME), 120);
        assertEquals(0, r.status, r.output);
    }

    @Test
    void jupyterKernelTestSuite() throws Exception {
        unittest("test_kernel");
    }

    @Test
    void nbclientRunsANotebook() throws Exception {
        unittest("test_nbclient");
    }

    private static void unittest(String module) throws Exception {
        Result r = run(List.of("/usr/bin/python3", "-m", "unittest", "-v", module), 600);
        System.out.println(r.output);
        assertEquals(0, r.status, module + " failed:\n" + r.output);
    }

    record Result(int status, String output) {
    }

    static Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("netlab-it", ".log");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(PYTHON_TESTS.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        pb.environment().put("NETLAB_KERNEL_NAME", KERNEL_NAME);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        Process p = pb.start();
        try {
            if (!p.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
                return new Result(-1, "timed out after " + timeoutSeconds + " s\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            return new Result(p.exitValue(), Files.readString(log, StandardCharsets.UTF_8));
        } finally {
            Files.deleteIfExists(log);
        }
    }
}
