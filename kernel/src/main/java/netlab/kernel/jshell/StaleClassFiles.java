package netlab.kernel.jshell;

import static netlab.kernel.jshell.JShellInternals.open;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import jdk.jshell.JShell;
import jdk.jshell.PersistentSnippet;
import jdk.jshell.Snippet;

/**
 * Forgets the class files JShell keeps in memory for snippets no later snippet can name: statements and
 * expressions that have run, expression values ({@code $3}) that {@link TempVariables} dropped, and values a
 * later cell's dropped ({@link ValueExpression}).
 *
 * <p>Why: JShell never forgets a class file it compiled, and javac lists every one of them in each task, because
 * JShell empties javac's view of its {@code REPL} package after every task. A trivial cell is five javac tasks
 * (parse, two analyses for the value's type, the analysis and compile of its wrapper), so each cell made every
 * later cell slower: with the kernel's JVM options, JFR put 15% of a trivial cell's javac time in
 * {@code ClassFinder.fillIn} for {@code REPL} after 200 cells, and it grows with the session. JShell alone with the
 * kernel's JVM options, bytes the compiling thread allocated per {@code 1 + 1}, cells 51-100 / 201-400 /
 * 401-800: 1.73 / 2.50 / 3.54 MB before; with this and {@link TempVariables#KEPT} 3, 1.17 / 1.21 / 1.27 MB (after
 * 200 cells this alone: 2.50 to 1.55 MB). Less garbage is fewer collections of the kernel's small young generation.
 *
 * <p>A variable or method declared again (a cell edited and run again) leaves its old snippet's class behind, one
 * more for every later task to list: that class goes too, once nothing active has its name (a cell run again
 * unchanged compiles to the same name) and it is a single class file. Nothing else can name it: a holder of a
 * variable or a method is named only in code (a field read, a call), which javac does not read in a class file,
 * never in a signature, and JShell compiles what used it again against the new declaration. Measured by
 * {@code bench/kernel-bench --compare} main's jar (two runs, load 0.4 and 0.1 before): after its 200 edited cells
 * ({@code int x = 1;}, {@code int x = 2;} ...) the 200-statement cell took 31.7 / 39.9 ms against 38.6 / 48.6 ms,
 * the 200-line method 37.4 / 36.7 against 42.0 / 38.2 ms.
 *
 * <p>What stays: every class of a type (a class, interface, record or enum, active or not), since a class file
 * javac reads for an active declaration may name it in a signature; a class with nested classes (an anonymous
 * class may be the declared type of a variable made from a value); a class compiled for several snippets at once
 * (overloads JShell wraps together). The agent keeps its loaded classes; only the compiler's copy goes.
 *
 * <p>Reaches into {@code jdk.jshell} (opened by netlab.jar's manifest, as for {@link DeclarationBatch}); without
 * that access it does nothing. Not thread-safe: the shell thread calls it between evaluations.
 */
final class StaleClassFiles {

    private static final String REPL_CLASS_PREFIX = "REPL.$JShell$";

    private final JShell shell;
    private final NavigableMap<String, ?> classFiles;
    private final Method classFullName;
    /** Snippets already dealt with: those whose classes are gone, and types, whose classes stay. */
    private final Set<Snippet> settled = Collections.newSetFromMap(new IdentityHashMap<>());

    private StaleClassFiles(JShell shell, NavigableMap<String, ?> classFiles, Method classFullName) {
        this.shell = shell;
        this.classFiles = classFiles;
        this.classFullName = classFullName;
    }

    /** For {@code shell}; empty when {@code jdk.jshell} is not open to netlab or its internals changed. */
    static Optional<StaleClassFiles> of(JShell shell) {
        try {
            Method classFullName = open(Snippet.class.getDeclaredMethod("classFullName"));
            return Optional.of(new StaleClassFiles(shell, JShellInternals.classFiles(shell), classFullName));
        } catch (ReflectiveOperationException | RuntimeException e) {
            EngineLog.ENGINE.log(System.Logger.Level.INFO, "JShell keeps every class file it compiled: " + e);
            return Optional.empty();
        }
    }

    /** Forgets the class files of snippets that became unnameable since the last call; returns how many. */
    int forget() {
        List<String> outers = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        shell.snippets().forEach(s -> {
            if (settled.contains(s)) {
                return;
            }
            boolean value = TempVariables.holdsValue(s);
            boolean active = shell.status(s).isActive();
            if (s instanceof PersistentSnippet && !value) {
                if (!isHolder(s)) {
                    settled.add(s); // a type: kept, whatever becomes of it
                } else if (!active) {
                    settled.add(s);
                    outerOf(s).ifPresent(replaced::add);
                }
            } else if (!value || !active) {
                settled.add(s);
                // a value's anonymous class may be the declared type of a variable that still exists
                outerOf(s).filter(outer -> !value || classesOf(outer).size() == 1).ifPresent(outers::add);
            }
        });
        if (!replaced.isEmpty()) {
            Set<String> inUse = activeClassNames();
            replaced.stream().filter(outer -> !inUse.contains(outer) && classesOf(outer).size() == 1)
                    .forEach(outers::add);
        }
        int forgotten = 0;
        for (String outer : outers) {
            List<String> names = classesOf(outer);
            names.forEach(classFiles::remove);
            forgotten += names.size();
        }
        return forgotten;
    }

    /** A variable's or method's snippet: its class holds it and is named only in code, never as a type. */
    private static boolean isHolder(Snippet s) {
        return s.kind() == Snippet.Kind.VAR || s.kind() == Snippet.Kind.METHOD;
    }

    /** The outer classes of the active snippets: a snippet run again unchanged keeps its predecessor's. */
    private Set<String> activeClassNames() {
        Set<String> names = new HashSet<>();
        shell.snippets().filter(s -> shell.status(s).isActive()).forEach(s -> outerOf(s).ifPresent(names::add));
        return names;
    }

    /** The names of {@code outer}'s class files: itself and its nested classes. */
    private List<String> classesOf(String outer) {
        List<String> names = new ArrayList<>();
        for (String name : classFiles.tailMap(outer, true).keySet()) {
            if (!name.startsWith(outer)) {
                break;
            }
            if (name.length() == outer.length() || name.charAt(outer.length()) == '$') {
                names.add(name);
            }
        }
        return names;
    }

    /** The outer class compiled for {@code s} alone, if it was compiled. */
    private Optional<String> outerOf(Snippet s) {
        try {
            String name = (String) classFullName.invoke(s);
            // "REPL.$JShell$12a_13a" holds several snippets (DeclarationBatch): never forgotten
            return name.startsWith(REPL_CLASS_PREFIX) && name.indexOf('_') < 0 ? Optional.of(name) : Optional.empty();
        } catch (ReflectiveOperationException | RuntimeException e) {
            return Optional.empty(); // never compiled (rejected): no class file
        }
    }
}
