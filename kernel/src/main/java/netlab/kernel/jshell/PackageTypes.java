package netlab.kernel.jshell;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * The simple names of the types a package holds, in the JDK and on a class path: what an on-demand import of
 * the package ({@code import netlab.ip.*;}) can bring into a snippet. Read once per package from the runtime
 * image's directories of the modules that hold it and the class path's jars and directories, then kept.
 *
 * <pre>{@code
 * PackageTypes types = new PackageTypes(List.of(Path.of("netlab-lessons.jar")));
 * types.of("java.time")          // Optional[[Duration, Instant, LocalDate, …]]
 * types.of("java.util.Map")      // Optional.empty: not a package (a type, whose members the import means)
 * }</pre>
 *
 * <p>A name is a class file's name without {@code .class}, also a nested class's ({@code Map$Entry}): more
 * names than the package's types only ever keep an import that was not needed.
 */
final class PackageTypes {

    private final List<Path> classpath;
    private final Map<String, Optional<Set<String>>> byPackage = new ConcurrentHashMap<>();
    /** Each jar's class files by directory ({@code netlab/ip/} → names), read once. */
    private final Map<Path, Map<String, Set<String>>> jars = new ConcurrentHashMap<>();

    PackageTypes(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /** The type names of {@code pkg} (dotted), or empty when neither the JDK nor the class path has it. */
    Optional<Set<String>> of(String pkg) {
        return byPackage.computeIfAbsent(pkg, this::read);
    }

    private Optional<Set<String>> read(String pkg) {
        Set<String> names = new HashSet<>();
        boolean found;
        try {
            String dir = pkg.replace('.', '/') + "/";
            found = fromImage(pkg, dir, names);
            for (Path entry : classpath) {
                if (Files.isRegularFile(entry)) {
                    Set<String> inJar = jars.computeIfAbsent(entry, PackageTypes::listing).get(dir);
                    if (inJar != null) {
                        found = true;
                        names.addAll(inJar);
                    }
                } else if (Files.isDirectory(entry.resolve(dir))) {
                    found = true;
                    addClassFiles(entry.resolve(dir), names);
                }
            }
        } catch (IOException | UncheckedIOException e) {
            return Optional.empty(); // unknown: every import of it stays
        }
        return found ? Optional.of(Set.copyOf(names)) : Optional.empty();
    }

    /**
     * Adds the types of {@code pkg} in the JDK, if it is a package of the JDK: of a module of the boot layer, the
     * modules javac resolves for the unnamed module of JShell's snippets by the same rule (JEP 261's default root
     * modules). The modules know their packages, so a package of the class path ({@code netlab.ip}) costs no
     * look into the runtime image: the first such look (the image's {@code /packages} directory) took 17-19 ms
     * of the warm-up that kernel_info waits for (a trace of 2 starts), to learn that {@code netlab.display} is
     * not there.
     */
    private static boolean fromImage(String pkg, String dir, Set<String> names) throws IOException {
        List<Module> modules = ModuleLayer.boot().modules().stream().filter(m -> m.getPackages().contains(pkg))
                .toList();
        if (modules.isEmpty()) {
            return false;
        }
        FileSystem image = FileSystems.getFileSystem(URI.create("jrt:/"));
        for (Module module : modules) {
            addClassFiles(image.getPath("/modules", module.getName(), dir), names);
        }
        return true;
    }

    private static Map<String, Set<String>> listing(Path jar) {
        Map<String, Set<String>> byDirectory = new HashMap<>();
        try (ZipFile zip = new ZipFile(jar.toFile())) {
            for (Enumeration<? extends ZipEntry> entries = zip.entries(); entries.hasMoreElements(); ) {
                String name = entries.nextElement().getName();
                int slash = name.lastIndexOf('/');
                if (name.endsWith(".class") && slash > 0) {
                    byDirectory.computeIfAbsent(name.substring(0, slash + 1), d -> new HashSet<>())
                            .add(name.substring(slash + 1, name.length() - ".class".length()));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byDirectory;
    }

    private static void addClassFiles(Path dir, Set<String> names) throws IOException {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class"))
                    .forEach(f -> names.add(f.substring(0, f.length() - ".class".length())));
        }
    }
}
