package netlab.kernel.it;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The kernel built in target/, installed into a temporary prefix under its own name, and the commands the
 * integration tests run against it (Debian's Python suites in src/test/python, the netlab CLI).
 */
final class InstalledKernel {

    static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    static final String JAR = Path.of("target", "netlab.jar").toAbsolutePath().toString();
    static final Path PYTHON_TESTS = Path.of("src", "test", "python").toAbsolutePath();

    record Result(int status, String output) {
    }

    private final Path prefix;
    private final String name;
    private final Map<String, String> env;

    private InstalledKernel(Path prefix, String name, Map<String, String> env) {
        this.prefix = prefix;
        this.name = name;
        this.env = env;
    }

    /** Installs the built kernel as {@code name} under {@code prefix}; {@code env} is added to every command. */
    static InstalledKernel install(Path prefix, String name, Map<String, String> env) throws Exception {
        InstalledKernel kernel = new InstalledKernel(prefix, name, env);
        Result r = kernel.run(List.of(JAVA, "-jar", JAR, "install", "--prefix", prefix.toString(), "--name", name), 120);
        assertEquals(0, r.status, r.output);
        return kernel;
    }

    /** Runs a Python unittest module of src/test/python against this kernel; fails with its output. */
    void unittest(String module, int timeoutSeconds) throws Exception {
        Result r = run(List.of("/usr/bin/python3", "-m", "unittest", "-v", module), timeoutSeconds);
        System.out.println(r.output);
        assertEquals(0, r.status, module + " failed:\n" + r.output);
    }

    /** Runs {@code command} in src/test/python with Jupyter pointed at this kernel; output and stderr merged. */
    Result run(List<String> command, int timeoutSeconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("netlab-it", ".log");
        ProcessBuilder pb = new ProcessBuilder(new ArrayList<>(command)).directory(PYTHON_TESTS.toFile())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        pb.environment().put("JUPYTER_PATH", prefix.resolve("share/jupyter").toString());
        pb.environment().put("NETLAB_KERNEL_NAME", name);
        pb.environment().put("PYTHONDONTWRITEBYTECODE", "1");
        pb.environment().putAll(env);
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
