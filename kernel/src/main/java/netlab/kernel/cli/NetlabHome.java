package netlab.kernel.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where netlab's own files are: the kernel jar this code runs from and the lessons jar beside it.
 * Installed layout: both jars in the kernelspec directory. Source layout: {@code kernel/target/netlab.jar}
 * and {@code lessons/target/netlab-lessons.jar}.
 */
record NetlabHome(Path kernelJar, Path lessonsJar) {

    static final String KERNEL_JAR = "netlab.jar";
    static final String LESSONS_JAR = "netlab-lessons.jar";

    /** Finds the jars of the running netlab, or explains why it cannot. */
    static NetlabHome locate() throws UsageException {
        Path self = codeSource();
        if (!Files.isRegularFile(self)) {
            throw new UsageException("netlab is running from " + self + ", not from its jar; build it with "
                    + "'./netlab build' and run kernel/target/" + KERNEL_JAR);
        }
        Path lessons = lessonsBeside(self).orElseThrow(() -> new UsageException(
                "cannot find " + LESSONS_JAR + " beside " + self + " or in lessons/target; rebuild with './netlab build'"));
        return new NetlabHome(self, lessons);
    }

    /** The lessons jar beside {@code kernelJar} (installed) or in the source tree (built). */
    static Optional<Path> lessonsBeside(Path kernelJar) {
        Path dir = kernelJar.toAbsolutePath().getParent();
        for (Path candidate : new Path[] {dir.resolve(LESSONS_JAR),
                dir.resolveSibling("../lessons/target/" + LESSONS_JAR).normalize()}) {
            if (Files.isRegularFile(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    static Path codeSource() {
        try {
            return Path.of(NetlabHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("cannot tell where netlab's classes are: " + e.getMessage(), e);
        }
    }
}
