package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImportPruningTest {

    @Test
    void everyIdentifierShapedTokenIsAName() {
        assertEquals(Optional.of(Set.of("int", "total", "v0", "size", "$x", "_y", "名字", "s")),
                ImportPruning.namesIn("int total = v0 + size(\"s\") + $x * _y - 名字;"));
    }

    /** A letter beyond the BMP is two chars in a String: read by code point, 𝑥 is a name like ä. */
    @Test
    void namesWithLettersBeyondTheBmpAreNames() {
        assertEquals(Optional.of(Set.of("𝑥", "a𝑦", "ä")), ImportPruning.namesIn("𝑥 * 2 + a𝑦 + ä"));
    }

    @Test
    void numbersAndPunctuationAreNot() {
        assertEquals(Optional.of(Set.of("e")), ImportPruning.namesIn("12 + 3.5 * 0x1F / 7L - 1e3 + e;"));
    }

    @Test
    void aSnippetIsWrappedWithTheImportsItsNamesCanMeanAndMeansWhatItMeantWithAll() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            assertTrue(ImportPruning.install(shell, new PackageTypes(List.of())));
            for (String i : List.of("import java.util.*;", "import java.time.Duration;",
                    "import static java.lang.Math.*;", "import static java.lang.Math.floorMod;", "import java.awt.*;")) {
                assertEquals(Snippet.Status.VALID, shell.eval(i).getFirst().status(), i);
            }
            String none = ImportPruning.header(shell, "int v7 = 7 * 2;").orElseThrow();
            assertFalse(none.contains("java.util") || none.contains("Duration") || none.contains("floorMod"), none);
            assertTrue(none.contains("import static java.lang.Math.*;"), "its members are not looked up: it stays");
            String some = ImportPruning.header(shell, "Duration d = Duration.ZERO; floorMod(1, 2);").orElseThrow();
            assertTrue(some.contains("import java.time.Duration;") && some.contains("floorMod"), some);
            assertFalse(some.contains("java.util.*"), some);

            assertEquals(Snippet.Status.VALID, shell.eval("int v7 = 7 * 2;").getFirst().status());
            assertEquals("3", shell.eval("floorMod(-2, 5)").getFirst().value());
            assertEquals("PT2S", shell.eval("Duration.ofSeconds(2)").getFirst().value());
            // both on-demand imports hold a List: still ambiguous, as with every import
            assertEquals(Snippet.Status.REJECTED, shell.eval("List l = null;").getFirst().status());
        }
    }

    @Test
    void packageTypesAreTheClassFilesOfAPackageInTheJdkOrOnTheClassPath(@TempDir Path dir) throws Exception {
        Path jar = dir.resolve("lessons.jar");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(jar))) {
            for (String entry : List.of("p/q/A.class", "p/q/B$C.class", "p/q/r/D.class", "p/q/notes.txt")) {
                zip.putNextEntry(new ZipEntry(entry));
                zip.closeEntry();
            }
        }
        PackageTypes types = new PackageTypes(List.of(jar));
        assertEquals(Optional.of(Set.of("A", "B$C")), types.of("p.q"));
        assertTrue(types.of("java.time").orElseThrow().containsAll(Set.of("Duration", "Instant")));
        assertTrue(types.of("java.util.Map").isEmpty(), "a type, not a package");
        assertTrue(types.of("no.such.pkg").isEmpty());
    }

    @Test
    void aJdkPackagesTypesAreWhatTheRuntimeImageHoldsForItInAnyModule() throws Exception {
        PackageTypes types = new PackageTypes(List.of());
        FileSystem image = FileSystems.getFileSystem(URI.create("jrt:/"));
        // packages of java.base, of another module of java.se and of a jdk module
        for (String pkg : List.of("java.util", "java.sql", "jdk.jshell", "javax.net", "java.util.concurrent")) {
            Set<String> inImage = new HashSet<>();
            try (Stream<Path> modules = Files.list(image.getPath("/packages", pkg))) {
                for (Path module : modules.toList()) {
                    try (Stream<Path> files = Files.list(image.getPath("/modules", module.getFileName().toString(),
                            pkg.replace('.', '/')))) {
                        files.map(f -> f.getFileName().toString()).filter(f -> f.endsWith(".class"))
                                .forEach(f -> inImage.add(f.substring(0, f.length() - ".class".length())));
                    }
                }
            }
            assertFalse(inImage.isEmpty(), pkg);
            assertEquals(Optional.of(inImage), types.of(pkg), pkg);
        }
    }

    @Test
    void aUnicodeEscapeMeansEveryName() {
        // the escape spells "a": no token shows it, so the caller imports everything
        assertTrue(ImportPruning.namesIn("int b = \\u0061 + 1;").isEmpty());
    }
}
