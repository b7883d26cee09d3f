package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import org.junit.jupiter.api.Test;

class PreloadedImportsTest {

    private static final PackageTypes JDK = new PackageTypes(List.of());

    @Test
    void onlyImportsOfPackagesAndTypesThatAreThereAreInstalled() {
        assertTrue(PreloadedImports.found("import java.time.*;", JDK));
        assertTrue(PreloadedImports.found("import java.time.Duration;", JDK));
        assertFalse(PreloadedImports.found("import java.time.Durations;", JDK), "no such type");
        assertFalse(PreloadedImports.found("import no.such.pkg.*;", JDK), "no such package");
        assertFalse(PreloadedImports.found("import static java.lang.Math.*;", JDK), "static: left to JShell");
        assertFalse(PreloadedImports.found("import java.time.Duration", JDK), "no semicolon: left to JShell");
    }

    @Test
    void installedImportsAreTheSessionsAsIfJShellHadCompiledThem() {
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            List<String> left = PreloadedImports.install(shell,
                    List.of("import java.time.*;", "import java.util.concurrent.TimeUnit;", "import no.such.pkg.*;"),
                    JDK);
            assertEquals(List.of("import no.such.pkg.*;"), left, "what is not there goes to JShell.eval");

            Map<String, Snippet.Status> imports = shell.imports()
                    .collect(Collectors.toMap(ImportSnippet::source, shell::status));
            assertEquals(Map.of("import java.time.*;", Snippet.Status.VALID,
                    "import java.util.concurrent.TimeUnit;", Snippet.Status.VALID), imports);
            assertEquals("PT2S", shell.eval("Duration.ofSeconds(2)").getFirst().value());
            assertEquals("SECONDS", shell.eval("TimeUnit.SECONDS").getFirst().value());
            assertEquals(Snippet.Status.VALID,
                    shell.eval("LocalDate d = LocalDate.of(2026, 12, 8);").getFirst().status());

            // a student's import of the same simple name replaces the installed one, as it would a compiled one
            ImportSnippet installed = shell.imports()
                    .filter(i -> i.source().contains("TimeUnit")).findFirst().orElseThrow();
            assertEquals(Snippet.Status.VALID, shell.eval("import java.util.concurrent.TimeUnit;").getFirst().status());
            assertEquals(Snippet.Status.OVERWRITTEN, shell.status(installed));
            assertEquals("MINUTES", shell.eval("TimeUnit.MINUTES").getFirst().value());
        }
    }
}
