package netlab.kernel.jshell;

import static netlab.kernel.jshell.JShellInternals.open;
import static netlab.kernel.jshell.JShellInternals.staticField;

import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.reflect.Constructor;
import java.net.URI;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.lang.model.SourceVersion;

/**
 * Gives JShell's completion the package names it completes ({@code java.ut} → {@code util.}) without JShell
 * walking every class of the JDK to find them.
 *
 * <p>Why: each JShell's {@code SourceCodeAnalysisImpl} starts, on its first use, a background task that
 * indexes the JDK's runtime image and every class path entry: a package list (what completion uses) and a
 * map from every simple class name to its full names (used only by {@code listQualifiedNames}, which the
 * kernel never calls). Measured in one JVM ({@code JShell} with the local engine, C1 only, serial GC): 810-821
 * ms wall and 840-850 ms CPU, and 13 MB more heap after a full collection (9.1 → 22.4 MB: 28,000 runtime-image
 * nodes the jrt file system then caches, 22,000 sets of class names). In the kernel that task ran while the
 * kernel started JShell and the agent JVM booted, all three on this machine's two cores.
 *
 * <p>How: JShell keeps the indexes in a static map by class path entry and re-indexes an entry only when its
 * time stamp changed. Before the first JShell analysis of this JVM, {@link #seed} puts there, for the runtime
 * image and for each student class path jar, an index with the entry's current time stamp, its packages and
 * no class names: the JDK's from its module descriptors (the packages modules export to everyone, what a
 * student can import), a jar's from its directory. It runs as a task of JShell's own indexing thread, so
 * nothing touches the map concurrently with JShell's work. A directory on the class path (a build's classes,
 * in tests) JShell still indexes itself. Without {@code Add-Opens jdk.jshell/jdk.jshell}, or on a JDK whose
 * internals differ, {@link #seed} logs why and JShell indexes as before.
 */
final class PackageIndex {

    private static final Object LOCK = new Object();
    private static boolean submitted;

    private PackageIndex() {
    }

    /**
     * Seeds JShell's index for the JDK and the jars of {@code classpath}, once per JVM; call it before a JShell
     * of this JVM first gives its {@code sourceCodeAnalysis()}. Returns at once: the seeding is a task of
     * JShell's indexing thread, which runs its tasks in order, so it is done before any indexing it saves.
     */
    static void seed(List<Path> classpath) {
        synchronized (LOCK) {
            if (submitted) {
                return;
            }
            submitted = true;
            try {
                Class<?> analysis = Class.forName("jdk.jshell.SourceCodeAnalysisImpl");
                Map<Path, Object> indexes = staticField(analysis, "PATH_TO_INDEX");
                ExecutorService indexer = staticField(analysis, "INDEXER");
                Constructor<?> index = Class.forName("jdk.jshell.SourceCodeAnalysisImpl$ClassIndex")
                        .getDeclaredConstructor(long.class, Path.class, Set.class, Map.class);
                open(index); // InaccessibleObjectException without Add-Opens: caught below
                List<Path> entries = List.copyOf(classpath);
                indexer.execute(() -> seedOnIndexer(indexes, index, entries));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                EngineLog.ENGINE.log(System.Logger.Level.INFO, "JShell indexes every class for completion: " + e);
            }
        }
    }

    private static void seedOnIndexer(Map<Path, Object> indexes, Constructor<?> index, List<Path> classpath) {
        try {
            Path image = Path.of(System.getProperty("java.home"), "lib", "modules"); // JShell's marker
            indexes.putIfAbsent(image, index.newInstance(imageTime(), image, jdkPackages(), Map.of()));
            for (Path entry : classpath) {
                if (Files.isRegularFile(entry)) {
                    Object jar = index.newInstance(Files.getLastModifiedTime(entry).toMillis(), entry,
                            jarPackages(entry), Map.of());
                    indexes.putIfAbsent(entry, jar);
                    indexes.putIfAbsent(entry.toAbsolutePath().normalize(), jar);
                }
            }
        } catch (ReflectiveOperationException | IOException | RuntimeException e) {
            EngineLog.ENGINE.log(System.Logger.Level.INFO, "JShell indexes every class for completion: " + e);
        }
    }

    /** The time stamp JShell compares: the runtime image's, as its jrt file system reports it. */
    private static long imageTime() throws IOException {
        return Files.getLastModifiedTime(FileSystems.getFileSystem(URI.create("jrt:/")).getPath("modules"))
                .toMillis();
    }

    /** Every package a module of the JDK exports to all modules. */
    static Set<String> jdkPackages() {
        Set<String> packages = new HashSet<>();
        ModuleFinder.ofSystem().findAll().forEach(m -> {
            for (ModuleDescriptor.Exports e : m.descriptor().exports()) {
                if (!e.isQualified()) {
                    packages.add(e.source());
                }
            }
        });
        return packages;
    }

    /** The packages of a jar's classes, as JShell's walk finds them (no {@code META-INF/versions/...}). */
    static Set<String> jarPackages(Path jar) throws IOException {
        Set<String> packages = new HashSet<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                int slash = name.lastIndexOf('/');
                if (name.endsWith(".class") && slash > 0) {
                    String pkg = name.substring(0, slash).replace('/', '.');
                    if (SourceVersion.isName(pkg)) {
                        packages.add(pkg);
                    }
                }
            }
        }
        return packages;
    }
}
