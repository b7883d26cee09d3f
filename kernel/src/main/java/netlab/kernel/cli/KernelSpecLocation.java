package netlab.kernel.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.text.Text;

/**
 * Which {@code share/jupyter/kernels} directory a kernelspec goes to, chosen the way
 * {@code python -m ipykernel install} chooses: {@code --user}, {@code --sys-prefix}, {@code --prefix DIR},
 * or the system-wide default.
 */
record KernelSpecLocation(Path kernelsDir, String description) {

    static final List<String> FLAGS = List.of("user", "sys-prefix");
    static final String PREFIX = "prefix";

    static KernelSpecLocation from(Args args, UserDirectories dirs) throws UsageException {
        int chosen = (args.has("user") ? 1 : 0) + (args.has("sys-prefix") ? 1 : 0) + (args.has(PREFIX) ? 1 : 0);
        if (chosen > 1) {
            throw new UsageException(Text.of("teacher.install.one-location"));
        }
        if (args.has("user")) {
            return new KernelSpecLocation(dirs.jupyterData().resolve("kernels"), Text.of("teacher.install.for-user"));
        }
        if (args.has(PREFIX)) {
            Path prefix = Path.of(args.value(PREFIX, "")).toAbsolutePath().normalize();
            return new KernelSpecLocation(prefix.resolve("share/jupyter/kernels"),
                    Text.of("teacher.install.under-prefix", prefix));
        }
        if (args.has("sys-prefix")) {
            Path prefix = jupyterSysPrefix(dirs);
            return new KernelSpecLocation(prefix.resolve("share/jupyter/kernels"),
                    Text.of("teacher.install.jupyter-prefix", prefix));
        }
        return new KernelSpecLocation(Path.of("/usr/local/share/jupyter/kernels"),
                Text.of("teacher.install.system-wide"));
    }

    /** {@code sys.prefix} of the Python that runs {@code jupyter} on PATH. */
    private static Path jupyterSysPrefix(UserDirectories dirs) throws UsageException {
        String python = "python3";
        for (Path dir : dirs.path()) {
            Path jupyter = dir.resolve("jupyter");
            if (Files.isRegularFile(jupyter)) {
                python = interpreterOf(jupyter).orElse(python);
                break;
            }
        }
        try {
            Process p = new ProcessBuilder(python, "-c", "import sys; print(sys.prefix)").redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            if (p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0 && !out.isEmpty()) {
                return Path.of(out);
            }
            throw new UsageException(Text.of("teacher.install.no-sys-prefix", python, out));
        } catch (IOException e) {
            throw new UsageException(Text.of("teacher.install.no-python", python, e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UsageException(Text.of("teacher.install.interrupted"));
        }
    }

    private static java.util.Optional<String> interpreterOf(Path script) {
        try (var reader = Files.newBufferedReader(script, StandardCharsets.ISO_8859_1)) {
            String first = reader.readLine();
            if (first != null && first.startsWith("#!")) {
                String[] words = first.substring(2).strip().split("\\s+");
                boolean viaEnv = words[0].endsWith("/env") && words.length > 1;
                return java.util.Optional.of(viaEnv ? words[1] : words[0]);
            }
        } catch (IOException e) {
            // not a readable script: fall back to python3 on PATH
        }
        return java.util.Optional.empty();
    }
}
