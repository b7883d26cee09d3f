package netlab.kernel.jshell;

import static netlab.kernel.jshell.JShellInternals.open;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Puts the imports every notebook starts with ({@code import netlab.ip.*;}, {@code import java.time.Duration;})
 * into a new session as JShell would after compiling them, without compiling them: each becomes the session's
 * import snippet, valid, in the header of every class JShell wraps from then on, listed, and overwritten by a
 * student's import of the same name, as one {@link JShell#eval} made.
 *
 * <p>Why: {@code JShell.eval} runs three javac tasks per import (parse, analysis, compile) to learn what the
 * kernel knows already, that the package or type is there, and the session's start waits for them. With the
 * imports installed this way, kernel_info came 445 against 515 ms after launch (medians of 15 starts of each, in
 * turns; ipykernel 526 ms), kernel and agent CPU up to the first cell's reply 0.77 against 0.88 s, the first cell
 * {@code 1 + 1} the same (25 against 23 ms). What the imports' javac tasks did is done where a cell first needs
 * it (8 starts of each): a first cell naming {@code Ipv4} 49 against 51 ms, then one naming {@code Duration} and
 * {@code Check} 43 against 34 ms, the first completion 110 against 90 ms. An import whose package or type
 * {@link PackageTypes} does not find (a changed class path, a JDK without it) is left to {@code JShell.eval},
 * which reports it as it did.
 *
 * <p>How: through JShell's package-private members (netlab.jar's manifest opens {@code jdk.jshell/jdk.jshell}),
 * the steps {@code Eval} and {@code Unit} take for a new import that compiled: the snippet from the source
 * ({@code Eval.processImport}, which parses nothing), its outer wrap, its dependencies mapped, status
 * {@code VALID} with no diagnostics, installed in the session's maps. Without that access, or on a JDK whose
 * internals differ, {@link #install} installs nothing and every import goes through {@code JShell.eval}.
 */
final class PreloadedImports {

    /** The two forms installed: a single-type and a type-on-demand import, neither static. */
    private static final Pattern IMPORT = Pattern.compile(
            "import\\s+(?<package>[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}.]*)\\.(?<name>\\*|"
                    + "[\\p{javaJavaIdentifierStart}][\\p{javaJavaIdentifierPart}]*)\\s*;\\s*");

    private static final Optional<Internals> INTERNALS = Internals.lookUp();

    private PreloadedImports() {
    }

    /**
     * Installs into {@code shell}, before its first snippet, each of {@code imports} whose package (and type) is
     * there; returns the others, in order, for {@link JShell#eval}.
     */
    static List<String> install(JShell shell, List<String> imports, PackageTypes types) {
        if (INTERNALS.isEmpty()) {
            return imports;
        }
        List<String> left = new ArrayList<>();
        for (String source : imports) {
            if (!found(source, types) || !INTERNALS.get().install(shell, source)) {
                left.add(source);
            }
        }
        return left;
    }

    /** Whether {@code source} is an import of a form installed here whose package, and type, are there. */
    static boolean found(String source, PackageTypes types) {
        Matcher m = IMPORT.matcher(source);
        if (!m.matches()) {
            return false;
        }
        String name = m.group("name");
        return types.of(m.group("package")).map(inPackage -> name.equals("*") || inPackage.contains(name))
                .orElse(false);
    }

    /** JShell's members the installation takes, looked up once per JVM. */
    private static final class Internals {

        final Field eval;
        final Method processImport;
        final Field outerMap;
        final Method wrapImport;
        final Method guts;
        final Method setOuterWrap;
        final Field maps;
        final Method mapDependencies;
        final Method setCompilationStatus;
        final Constructor<?> noDiagnostics;
        final Method installSnippet;

        private Internals() throws ReflectiveOperationException {
            Class<?> wrap = Class.forName("jdk.jshell.Wrap");
            Class<?> snippetMaps = Class.forName("jdk.jshell.SnippetMaps");
            Class<?> diagList = Class.forName("jdk.jshell.DiagList");
            JShellInternals.Members members = JShellInternals.Members.get();
            eval = members.eval();
            processImport = open(Class.forName("jdk.jshell.Eval").getDeclaredMethod("processImport", String.class,
                    String.class));
            outerMap = members.outerMap();
            wrapImport = open(Class.forName("jdk.jshell.OuterWrapMap").getDeclaredMethod("wrapImport", wrap,
                    Snippet.class));
            guts = members.guts();
            setOuterWrap = members.setOuterWrap();
            maps = members.maps();
            mapDependencies = open(snippetMaps.getDeclaredMethod("mapDependencies", Snippet.class));
            setCompilationStatus = open(Snippet.class.getDeclaredMethod("setCompilationStatus", Snippet.Status.class,
                    List.class, diagList));
            noDiagnostics = open(diagList.getDeclaredConstructor());
            installSnippet = open(snippetMaps.getDeclaredMethod("installSnippet", Snippet.class));
        }

        static Optional<Internals> lookUp() {
            try {
                return Optional.of(new Internals());
            } catch (ReflectiveOperationException | RuntimeException e) {
                EngineLog.ENGINE.log(System.Logger.Level.INFO, "preloaded imports compile as snippets: " + e);
                return Optional.empty();
            }
        }

        /** Installs {@code source} as a valid import of {@code shell}; false, with nothing installed, on a failure. */
        boolean install(JShell shell, String source) {
            try {
                List<?> made = (List<?>) processImport.invoke(eval.get(shell), source, source);
                if (made.size() != 1 || !(made.getFirst() instanceof Snippet snippet)
                        || snippet.kind() != Snippet.Kind.IMPORT) {
                    return false;
                }
                setOuterWrap.invoke(snippet, wrapImport.invoke(outerMap.get(shell), guts.invoke(snippet), snippet));
                Object sessionMaps = maps.get(shell);
                mapDependencies.invoke(sessionMaps, snippet);
                setCompilationStatus.invoke(snippet, Snippet.Status.VALID, List.of(), noDiagnostics.newInstance());
                installSnippet.invoke(sessionMaps, snippet);
                return true;
            } catch (ReflectiveOperationException | RuntimeException e) {
                EngineLog.ENGINE.log(System.Logger.Level.INFO, "could not install " + source.strip() + ": " + e);
                return false;
            }
        }
    }
}
