package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@code netlab course} and {@code install --user} against Jupyter's own rules: the data directory jupyter_core
 * computes for an environment is where the kernel lands, and the front end found gets the teacher's arguments.
 */
class CourseCommandIT {

    @TempDir
    Path tmp;

    /** HOME alone, then XDG_DATA_HOME, then JUPYTER_DATA_DIR: each wins over the ones before it, as in Jupyter. */
    @ParameterizedTest
    @ValueSource(strings = {"HOME", "XDG_DATA_HOME", "JUPYTER_DATA_DIR"})
    void userInstallGoesWhereJupyterLooks(String variable) throws Exception {
        Map<String, String> env = new HashMap<>(Map.of("HOME", tmp.resolve("home").toString(), "PATH", "/usr/bin:/bin"));
        if (!variable.equals("HOME")) {
            env.put(variable, tmp.resolve(variable.toLowerCase()).toString());
        }
        Path jupyterData = Path.of(run(env, "/usr/bin/python3", "-c",
                "from jupyter_core.paths import jupyter_data_dir; print(jupyter_data_dir())").out().strip());
        assertTrue(jupyterData.startsWith(tmp), "jupyter_core's data dir " + jupyterData + " for " + env);

        Result install = netlab(env, "install", "--user", "--no-class-archive");
        assertEquals(0, install.status(), install.all());
        Path spec = jupyterData.resolve("kernels/netlab/kernel.json");
        assertTrue(Files.isRegularFile(spec), "no " + spec + "; install said: " + install.all());
        String listed = run(env, "/usr/bin/python3", "-m", "jupyter_client.kernelspecapp", "list").out();
        assertTrue(listed.contains(spec.getParent().toString()), listed);

        Result uninstall = netlab(env, "uninstall", "--user");
        assertEquals(0, uninstall.status(), uninstall.all());
        assertFalse(Files.exists(spec.getParent()));
    }

    @Test
    void courseOpensJupyterLabWithTheTeachersArguments() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        Path lab = fakeProgram(bin, "jupyter-lab");
        fakeProgram(bin, "jupyter-notebook");
        Path course = Files.createDirectories(tmp.resolve("course"));
        Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(), "PATH", bin + ":/usr/bin:/bin");

        Result r = netlab(env, "course", "--print0", "--course", course.toString(), "--", "--no-browser", "--port=8899");
        assertEquals(0, r.status(), r.all());
        List<String> argv = Arrays.asList(r.out().split("\0"));
        assertEquals(lab.toString(), argv.getFirst(), "JupyterLab comes before Notebook: " + argv);
        assertTrue(argv.contains("--notebook-dir=" + course), argv.toString());
        assertEquals(List.of("--no-browser", "--port=8899"), argv.subList(argv.size() - 2, argv.size()));
        boolean root = UserDirectories.root();
        assertEquals(root, argv.contains("--allow-root"), argv.toString());
        assertEquals(root, r.err().contains("running as root, so JupyterLab gets --allow-root"), r.err());
        assertTrue(Files.isRegularFile(tmp.resolve("home/.local/share/jupyter/kernels/netlab/kernel.json")), r.all());
    }

    @Test
    void withoutAFrontEndCourseExitsThreeAndInstallSaysSo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        Map<String, String> env = Map.of("HOME", tmp.resolve("home").toString(), "PATH", empty.toString());
        Result course = netlab(env, "course", "--print0", "--course", tmp.toString());
        assertEquals(CourseCommand.NO_FRONT_END, course.status(), course.all());
        assertTrue(course.err().contains("neither JupyterLab nor Jupyter Notebook"), course.err());
        assertEquals("", course.out());

        Result install = netlab(env, "install", "--user", "--no-class-archive");
        assertEquals(0, install.status(), install.all());
        assertTrue(install.out().contains("No JupyterLab or Jupyter Notebook was found"), install.out());
        assertFalse(install.out().contains("jupyter lab"), install.out());
    }

    private static Path fakeProgram(Path bin, String name) throws IOException {
        Path p = bin.resolve(name);
        Files.writeString(p, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rwxr-xr-x"));
        return p;
    }

    record Result(int status, String out, String err) {
        String all() {
            return out + err;
        }
    }

    private static Result netlab(Map<String, String> env, String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(InstallCommand.javaExecutable().toString(), "-jar",
                InstallCommandIT.KERNEL_JAR.toString()));
        cmd.addAll(List.of(args));
        return run(env, cmd.toArray(String[]::new));
    }

    private static Result run(Map<String, String> env, String... cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        Path err = Files.createTempFile("netlab-course", ".err");
        try {
            Process p = pb.redirectError(err.toFile()).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(p.waitFor(120, TimeUnit.SECONDS), "timed out: " + List.of(cmd));
            return new Result(p.exitValue(), out, Files.readString(err));
        } finally {
            Files.delete(err);
        }
    }
}
