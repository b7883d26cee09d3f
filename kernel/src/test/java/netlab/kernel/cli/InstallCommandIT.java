package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import netlab.kernel.jshell.EngineOptions;
import netlab.kernel.jshell.JShellEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Installs from the built jar and asks Jupyter's own kernelspec manager what it sees. */
class InstallCommandIT {

    static final Path KERNEL_JAR = Path.of("target", NetlabHome.KERNEL_JAR).toAbsolutePath();

    @TempDir
    Path prefix;

    @Test
    void jupyterFindsTheInstalledSpecAndUninstallRemovesIt() throws Exception {
        Result install = netlab("install", "--prefix", prefix.toString(), "--name", "netlab-test",
                "--display-name", "Java (test)", "--jvm-option=-Xmx200m", "--agent-option=-Xmx300m");
        assertEquals(0, install.status, install.output);
        Path dir = prefix.resolve("share/jupyter/kernels/netlab-test");
        assertTrue(install.output.contains(dir.toString()), install.output);

        JsonObject specs = JsonParser.parseString(jupyter("list", "--json")).getAsJsonObject()
                .getAsJsonObject("kernelspecs");
        JsonObject spec = specs.getAsJsonObject("netlab-test").getAsJsonObject("spec");
        assertEquals("Java (test)", spec.get("display_name").getAsString());
        assertEquals("java", spec.get("language").getAsString());
        assertEquals("message", spec.get("interrupt_mode").getAsString());
        List<String> argv = new ArrayList<>();
        spec.getAsJsonArray("argv").forEach(e -> argv.add(e.getAsString()));
        assertEquals(Path.of(System.getProperty("java.home"), "bin", "java").toString(), argv.getFirst());
        assertTrue(argv.contains("-Xmx200m"), argv.toString());
        assertTrue(argv.contains("--agent-option=-Xmx300m"), argv.toString());
        assertEquals("{connection_file}", argv.getLast());
        assertTrue(argv.contains(dir.resolve(NetlabHome.KERNEL_JAR).toString()), "argv runs the copied jar: " + argv);
        assertTrue(Files.isRegularFile(dir.resolve(NetlabHome.LESSONS_JAR)));

        Path archive = dir.resolve(ClassArchive.FILE_NAME);
        assertTrue(argv.contains("-XX:AOTCache=" + archive), argv.toString());
        assertTrue(Files.size(archive) > 1_000_000, "archive of " + Files.size(archive) + " bytes");
        // the installed launch line maps the kernel's classes from the cache (-XX:AOTMode=on fails if it cannot)
        List<String> launch = new ArrayList<>(argv.subList(0, argv.indexOf("-jar")));
        launch.addAll(List.of("-XX:AOTMode=on", "-Xlog:class+load=info", "-jar",
                dir.resolve(NetlabHome.KERNEL_JAR).toString(), "--help"));
        Result help = exec(launch, null);
        assertEquals(0, help.status, help.output);
        assertTrue(help.output.contains("netlab.kernel.cli.Main source: shared objects file"),
                "the kernel's own classes did not come from the cache");

        // the agent gets its own cache, made with the agent's command line, and maps its classes from it
        Path agentArchive = dir.resolve(ClassArchive.AGENT_FILE_NAME);
        assertTrue(argv.contains("--agent-option=-XX:AOTCache=" + agentArchive), argv.toString());
        assertTrue(Files.size(agentArchive) > 1_000_000, "agent archive of " + Files.size(agentArchive) + " bytes");
        EngineOptions agentOptions = KernelCommand.engineOptions(List.of("-Xmx300m")).toBuilder()
                .agentClasspath(List.of(dir.resolve(NetlabHome.KERNEL_JAR), dir.resolve(NetlabHome.LESSONS_JAR))).build();
        List<String> agent = new ArrayList<>(JShellEngine.agentJvmCommand(agentOptions));
        agent.addAll(List.of("-XX:AOTMode=on", "-XX:AOTCache=" + agentArchive, "-Xlog:class+load=info",
                "netlab.agent.AgentMain")); // no kernel address: prints its usage and exits
        Result usage = exec(agent, null);
        assertTrue(usage.output.contains("netlab.agent.AgentMain source: shared objects file"),
                "the agent's classes did not come from its cache: " + usage.output.lines().limit(5).toList());

        BufferedImage small = ImageIO.read(dir.resolve("logo-32x32.png").toFile());
        BufferedImage large = ImageIO.read(dir.resolve("logo-64x64.png").toFile());
        assertEquals(32, small.getWidth());
        assertEquals(64, large.getHeight());
        assertTrue(Files.readString(dir.resolve("logo-svg.svg")).startsWith("<svg"));

        Result uninstall = netlab("uninstall", "--prefix", prefix.toString(), "--name", "netlab-test");
        assertEquals(0, uninstall.status, uninstall.output);
        assertFalse(Files.exists(dir));
        Result again = netlab("uninstall", "--prefix", prefix.toString(), "--name", "netlab-test");
        assertEquals(1, again.status);
        assertTrue(again.output.contains("no kernelspec 'netlab-test'"), again.output);
    }

    @Test
    void noClassArchiveInstallsWithoutOne() throws Exception {
        Result install = netlab("install", "--prefix", prefix.toString(), "--name", "plain", "--no-class-archive");
        assertEquals(0, install.status, install.output);
        Path dir = prefix.resolve("share/jupyter/kernels/plain");
        assertFalse(Files.readString(dir.resolve("kernel.json")).contains("AOTCache"));
        assertFalse(Files.exists(dir.resolve(ClassArchive.FILE_NAME)));
        assertFalse(Files.exists(dir.resolve(ClassArchive.AGENT_FILE_NAME)));
    }

    @Test
    void badArgumentsSayWhatToType() throws Exception {
        Result r = netlab("install", "--user", "--prefix", prefix.toString());
        assertEquals(2, r.status);
        assertTrue(r.output.contains("choose one of --user, --sys-prefix and --prefix DIR"), r.output);
        Result help = netlab("--help");
        assertEquals(0, help.status);
        assertTrue(help.output.contains("install") && help.output.contains("uninstall"), help.output);
    }

    record Result(int status, String output) {
    }

    private static Result netlab(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", KERNEL_JAR.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, null);
    }

    private String jupyter(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of("/usr/bin/python3", "-m", "jupyter_client.kernelspecapp"));
        cmd.addAll(List.of(args));
        Result r = exec(cmd, prefix.resolve("share/jupyter").toString());
        assertEquals(0, r.status, r.output);
        return r.output;
    }

    private static Result exec(List<String> cmd, String jupyterPath) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(jupyterPath == null);
        if (jupyterPath != null) {
            // stdout is the JSON answer; Jupyter's warnings on stderr go to the test log
            pb.environment().put("JUPYTER_PATH", jupyterPath);
            pb.redirectError(ProcessBuilder.Redirect.INHERIT);
        }
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(60, TimeUnit.SECONDS), "timed out: " + cmd);
        return new Result(p.exitValue(), out);
    }
}
