package netlab.exercise;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.Configuration;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarInputStream;
import java.util.stream.Stream;

/**
 * {@code netlab-grader.jar} inside a grading agent, the JVM that runs a student's code. Why it is built so:
 *
 * <ul>
 *   <li><b>Verdicts are not made here.</b> In the agent the cases only <em>observe</em> the answer
 *       ({@link Check#collect}); the grading JVM, which never runs student code, holds the expected values and
 *       judges ({@link Check#judge}). Whatever student code changes in the agent (a static field, a report,
 *       printed text), it can only change what its own answer is seen to return.</li>
 *   <li><b>No file, no class path entry.</b> The agent's class path holds netlab and the lessons only, copied
 *       to a directory of their own, and its working directory is empty: no path an answer can compute leads to
 *       the jar. The grading JVM hands the jar's bytes over a one-time loopback connection before any student
 *       code runs; they are kept in memory only until their classes are defined, then zeroed.</li>
 *   <li><b>Strong encapsulation.</b> The classes are defined in a named module, {@value #MODULE}, in a module
 *       layer of its own, by a class loader that serves no resources (so the class files cannot be read back).
 *       Its packages are exported to the lessons' unnamed module only, and opened to nobody: student code,
 *       which lives in JShell's class loader's unnamed module, can find a hidden-case class on the stack
 *       ({@link StackWalker}), but cannot call its constructor or read its fields, not even with
 *       {@code setAccessible} ({@code InaccessibleObjectException}). The module declares no service, so
 *       {@code ServiceLoader} cannot instantiate it either.</li>
 *   <li><b>Probes without answers.</b> The lessons keep only each hidden case's name and probe ({@link Trial});
 *       the {@link Case} objects with their expected values stay inside the module. The lessons' own catalog
 *       ({@link Exercises}) never sees them, so no public lessons API can return them.</li>
 * </ul>
 *
 * What is left is the process itself: the grading agent runs with {@code -XX:+DisableAttachMechanism},
 * {@code --sun-misc-unsafe-memory-access=deny} and {@code --illegal-native-access=deny}, so neither an attached
 * agent, {@code Unsafe} nor native code can read the module's memory. Files named on the grading JVM's command
 * line, or copies of the jar elsewhere, are beyond what a JVM can stop: {@code netlab grade} runs each agent in a
 * mount namespace that hides them ({@code netlab.kernel.grading.AgentSandbox}). A reader of {@code /proc/self/mem}
 * is not stopped.
 */
final class GraderModule {

    /** The name of the module the grader's classes are defined in. */
    static final String MODULE = "netlab.grader";
    private static final String SERVICES = "META-INF/services/" + HiddenCaseSet.class.getName();

    /** A hidden case as the agent keeps it: what to call it and how to probe; no expected value. */
    record Trial<A>(String name, Probe<A> probe) {
    }

    /** Exercise id to trials; null until {@link #load} ran. */
    private static volatile Map<String, List<Trial<?>>> trials;

    private GraderModule() {
    }

    /** Whether the grader's jar has been loaded in this JVM. */
    static boolean loaded() {
        return trials != null;
    }

    /** The hidden trials of {@code exercise}; empty unless {@link #load} ran. */
    @SuppressWarnings("unchecked") // the answer type was compared with the exercise's when loaded
    static <A> List<Trial<A>> trials(Exercise<A> exercise) {
        Map<String, List<Trial<?>>> t = trials;
        return t == null ? List.of() : (List<Trial<A>>) (List<?>) t.getOrDefault(exercise.id(), List.of());
    }

    /**
     * Defines the jar's classes in module {@value #MODULE}, makes its hidden-case sets, keeps their trials and
     * returns how many exercises have hidden cases. Once per JVM: the grader loads it before any student code.
     */
    static synchronized int load(byte[] jar) throws IOException {
        if (trials != null) {
            throw new IllegalStateException("the grader's hidden cases are already loaded in this JVM");
        }
        Map<String, byte[]> classes = new HashMap<>();
        List<String> providers = List.of();
        try (JarInputStream in = new JarInputStream(new ByteArrayInputStream(jar))) {
            for (JarEntry e; (e = in.getNextJarEntry()) != null; ) {
                String name = e.getName();
                if (name.endsWith(".class") && !name.endsWith("module-info.class")) {
                    classes.put(name.substring(0, name.length() - 6).replace('/', '.'), in.readAllBytes());
                } else if (name.equals(SERVICES)) {
                    providers = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                            .map(l -> l.replaceAll("#.*", "").strip()).filter(l -> !l.isEmpty()).toList();
                }
            }
        } finally {
            Arrays.fill(jar, (byte) 0);
        }
        if (classes.isEmpty() || providers.isEmpty()) {
            throw new IOException("the grader's jar holds no hidden cases (no classes or no " + SERVICES + ")");
        }
        Set<String> packages = new TreeSet<>();
        classes.keySet().forEach(c -> packages.add(c.substring(0, Math.max(0, c.lastIndexOf('.')))));
        if (packages.contains("")) {
            throw new IOException("the grader's jar has a class outside any package");
        }
        Loader loader = new Loader(classes, GraderModule.class.getClassLoader());
        ModuleDescriptor descriptor = ModuleDescriptor.newModule(MODULE).packages(packages).build();
        Configuration cf = ModuleLayer.boot().configuration()
                .resolve(new OneModule(descriptor), ModuleFinder.of(), Set.of(MODULE));
        ModuleLayer.Controller controller = ModuleLayer.defineModules(cf, List.of(ModuleLayer.boot()), m -> loader);
        Module grader = controller.layer().findModule(MODULE).orElseThrow();
        Module lessons = GraderModule.class.getModule();
        controller.addReads(grader, lessons);
        packages.forEach(p -> controller.addExports(grader, p, lessons));

        Map<String, List<Trial<?>>> found = new LinkedHashMap<>();
        for (String provider : providers) {
            HiddenCaseSet set;
            try {
                set = (HiddenCaseSet) Class.forName(provider, true, loader).getConstructor().newInstance();
            } catch (ReflectiveOperationException | ClassCastException e) {
                throw new IOException("cannot make " + provider + " of the grader's jar: " + e, e);
            }
            for (HiddenCases<?> h : set.hiddenCases()) {
                Exercise<?> e = Exercises.find(h.exerciseId());
                if (e.answerType() != h.answerType()) {
                    throw new IOException(provider + " has hidden cases for '" + h.exerciseId() + "' taking "
                            + h.answerType().getName() + ", but the exercise takes " + e.answerType().getName());
                }
                found.put(h.exerciseId(), h.cases().stream().<Trial<?>>map(c -> new Trial<>(c.name(), c.probe()))
                        .toList());
            }
        }
        trials = Collections.unmodifiableMap(found);
        return found.size();
    }

    /** Finds just the grader's module; its reader serves nothing, the loader below has the classes. */
    private record OneModule(ModuleDescriptor descriptor) implements ModuleFinder {
        @Override
        public Optional<ModuleReference> find(String name) {
            return name.equals(descriptor.name()) ? Optional.of(reference()) : Optional.empty();
        }

        @Override
        public Set<ModuleReference> findAll() {
            return Set.of(reference());
        }

        private ModuleReference reference() {
            return new ModuleReference(descriptor, URI.create("netlab-grader:" + MODULE)) {
                @Override
                public ModuleReader open() {
                    return new ModuleReader() {
                        @Override public Optional<URI> find(String name) { return Optional.empty(); }
                        @Override public Stream<String> list() { return Stream.empty(); }
                        @Override public void close() { }
                    };
                }
            };
        }
    }

    /**
     * Defines the grader's classes from memory, each once, and zeroes its bytes; everything else comes from
     * the lessons' loader. It finds no resources of its own, so no one can read a class file back.
     */
    private static final class Loader extends ClassLoader {
        private final Map<String, byte[]> classes;

        Loader(Map<String, byte[]> classes, ClassLoader parent) {
            super("netlab-grader", parent);
            this.classes = classes;
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    byte[] b = classes.remove(name);
                    if (b == null) {
                        return super.loadClass(name, resolve);
                    }
                    c = defineClass(name, b, 0, b.length);
                    Arrays.fill(b, (byte) 0);
                }
                return c;
            }
        }

        @Override
        protected Class<?> findClass(String moduleName, String name) {
            try {
                return MODULE.equals(moduleName) ? loadClass(name, false) : null;
            } catch (ClassNotFoundException e) {
                return null;
            }
        }

        @Override protected URL findResource(String name) { return null; }
        @Override protected URL findResource(String moduleName, String name) { return null; }
        @Override protected Enumeration<URL> findResources(String name) { return Collections.emptyEnumeration(); }
        @Override public InputStream getResourceAsStream(String name) {
            return name.endsWith(".class") ? null : super.getResourceAsStream(name);
        }
    }
}
