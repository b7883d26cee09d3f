package netlab.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import netlab.text.Text;

/**
 * Another JVM running a main class of the course library: worker processes, a server measured on its own, clients
 * that need their own open-file limit. It runs the same {@code java} as this one, on the library's class path.
 *
 * <p>The child talks back in lines: {@link #ready} prints {@code netlab:ready <port>}, which {@link #awaitReady}
 * reads. The child ends when this process closes its standard input ({@link #close}, or this JVM dying), so no
 * child outlives its parent. In a notebook the kernel owns the {@link Process} too: re-running or interrupting the
 * cell ends it.
 */
public final class ChildJvm implements AutoCloseable {

    private static final String READY = "netlab:ready ";
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final String name;
    private final Process process;
    private final BlockingQueue<String> protocol = new LinkedBlockingQueue<>();
    private final Deque<String> output = new ArrayDeque<>();

    private ChildJvm(String name, Process process) {
        this.name = name;
        this.process = process;
        Thread.ofVirtual().name(name + " output").start(this::readOutput);
    }

    /** Starts {@code main} in a new JVM with these JVM options and program arguments. */
    public static ChildJvm start(Class<?> main, List<String> jvmOptions, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(args);
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            return new ChildJvm(main.getSimpleName() + " " + p.pid(), Resources.track(p));
        } catch (IOException e) {
            throw new IllegalStateException(Text.of("runtime.child.start", main.getSimpleName(), e.getMessage()), e);
        }
    }

    /** Where the library's classes are: its jar, or its classes directory when run from the build. */
    private static String classPath() {
        try {
            return Path.of(ChildJvm.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Waits until the child printed {@code netlab:ready <n>} and returns n (a port, a count). */
    public int awaitReady() {
        return Integer.parseInt(awaitLine(READY, START_TIMEOUT));
    }

    /** Waits (at most {@code timeout}) for the child's next line starting with {@code prefix}; returns the rest. */
    public String awaitLine(String prefix, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        try {
            while (true) {
                long left = deadline - System.nanoTime();
                String line = left <= 0 ? null : protocol.poll(left, TimeUnit.NANOSECONDS);
                if (line == null || line.equals(EOF)) {
                    close();
                    throw new IllegalStateException(Text.of(line == null ? "runtime.child.silent" : "runtime.child.ended",
                            name, prefix.strip(), timeout.toSeconds(), lastOutput()));
                }
                if (line.startsWith(prefix)) {
                    return line.substring(prefix.length());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            close();
            throw new IllegalStateException(Text.of("runtime.child.interrupted", name), e);
        }
    }

    private static final String EOF = "\u0000eof";

    /**
     * Waits (at most {@code timeout}) for the child's next {@code netlab:} line and returns it without that prefix,
     * e.g. {@code "progress 500"}; throws when the child ended or said nothing in time.
     */
    public String nextLine(Duration timeout) {
        return "" + awaitLine("netlab:", timeout);
    }

    private void readOutput() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("netlab:")) {
                    protocol.add(line);
                } else {
                    synchronized (output) {
                        output.addLast(line);
                        if (output.size() > 20) {
                            output.removeFirst();
                        }
                    }
                }
            }
        } catch (IOException e) {
            // the child ended
        }
        protocol.add(EOF);
    }

    /** The child's last lines of other output (its errors), for a message. */
    private String lastOutput() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /** The child process. Example: {@code child.handle().pid()}. */
    public ProcessHandle handle() {
        return process.toHandle();
    }

    /** Ends the child: closes its standard input (it exits), then destroys it if it is still there after 2 s. */
    @Override
    public void close() {
        try {
            process.getOutputStream().close();
            if (!process.waitFor(2, TimeUnit.SECONDS)) {
                process.descendants().forEach(ProcessHandle::destroyForcibly);
                process.destroyForcibly();
                process.waitFor(2, TimeUnit.SECONDS);
            }
        } catch (IOException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    // ---- the child's side ----

    /**
     * In the child: tells the parent it is ready (with a port or count), and exits this JVM when the parent closes
     * standard input or dies. Call once, from main.
     */
    public static void ready(int value) {
        System.out.println(READY + value);
        System.out.flush();
        Thread.ofPlatform().daemon().name("parent watch").start(() -> {
            try {
                while (System.in.read() != -1) {
                    // the parent never writes; reading only waits for the end
                }
            } catch (IOException e) {
                // the pipe broke: the parent is gone
            }
            Runtime.getRuntime().halt(0);
        });
    }

    /** In the child: one line for the parent, {@code netlab:<tag> <value>}. */
    public static void tell(String tag, Object value) {
        System.out.println("netlab:" + tag + " " + value);
        System.out.flush();
    }

    @Override
    public String toString() {
        return name;
    }
}
