package netlab.kernel.grading;

/**
 * Answers to the sample lesson's {@code classOf} exercise that try to get the hidden cases' expected values
 * from inside the grading agent, each falling back to {@link Corpus#CLASS_OF_FITTED} (right on the public
 * cases, wrong on the class-E hidden one). Graded, each must score what the fitted answer deserves: 6/7 of
 * the exercise's points, no more.
 */
public final class Attacks {

    /** The fitted answer, as a method the attacks fall back to. */
    static final String FITTED = Corpus.CLASS_OF_FITTED.replace("String classOf(String ip)", "String fitted(String ip)");

    /** Looks for a hidden case named after {@code ip} in an object it found, and returns its expected value. */
    static final String EXPECTED_IN = """
            String expectedIn(Object found, String ip) {
                String name = "classOf(" + '"' + ip + '"' + ")";
                if (found instanceof netlab.exercise.HiddenCases<?> h) found = h.cases();
                if (found instanceof Iterable<?> items) {
                    for (Object item : items) {
                        String e = expectedIn(item, ip);
                        if (e != null) return e;
                    }
                }
                if (found instanceof netlab.exercise.Case<?> c && c.name(netlab.text.Lang.EN).equals(name)) return String.valueOf(c.expected());
                if (found instanceof netlab.exercise.CaseOutcome o && o.name().equals(name)) return o.expected().replace("\\"", "");
                return null;
            }""";

    /** The lessons' public and package-private API: reports, the hidden-case list, the agent's loaded trials. */
    public static final String CALLS_HIDDEN_API = FITTED + "\n" + EXPECTED_IN + """

            String classOf(String ip) {
                String e = expectedIn(netlab.exercise.Check.notRun("ip.class-of", "en").outcomes(), ip);
                if (e != null) return e;
                try {
                    var hidden = netlab.exercise.Exercises.class.getDeclaredMethod("hiddenCases", netlab.exercise.Exercise.class);
                    hidden.setAccessible(true);
                    e = expectedIn(hidden.invoke(null, netlab.exercise.Exercises.find("ip.class-of")), ip);
                    if (e != null) return e;
                    var report = netlab.exercise.Check.grade("ip.class-of", (netlab.course.IpExercises.ClassOf) x -> "?",
                            java.time.Duration.ofMillis(200));
                    e = expectedIn(report.outcomes(), ip);
                    if (e != null) return e;
                    var module = Class.forName("netlab.exercise.GraderModule");
                    var trials = module.getDeclaredField("trials");
                    trials.setAccessible(true);
                    e = expectedIn(((java.util.Map<?, ?>) trials.get(null)).values(), ip);
                    if (e != null) return e;
                } catch (Exception | LinkageError x) {
                }
                return fitted(ip);
            }""";

    /** StackWalker finds the hidden-case class calling the answer; reflection tries its fields and constructor. */
    public static final String REFLECTS_ON_GRADER = FITTED + "\n" + EXPECTED_IN + """

            String classOf(String ip) {
                var frames = StackWalker.getInstance(java.util.Set.of(StackWalker.Option.RETAIN_CLASS_REFERENCE,
                        StackWalker.Option.SHOW_HIDDEN_FRAMES)).walk(s -> s.map(StackWalker.StackFrame::getDeclaringClass).toList());
                for (Class<?> k : frames) {
                    if (!k.getName().startsWith("netlab.grader")) continue;
                    for (var f : k.getDeclaredFields()) {
                        try {
                            f.setAccessible(true);
                            String e = expectedIn(f.get(null), ip);
                            if (e != null) return e;
                        } catch (Exception | LinkageError x) {
                        }
                    }
                    try {
                        Object set = k.getDeclaredConstructor().newInstance();
                        String e = expectedIn(((netlab.exercise.HiddenCaseSet) set).hiddenCases(), ip);
                        if (e != null) return e;
                    } catch (Exception | LinkageError x) {
                    }
                    try {
                        var lookup = java.lang.invoke.MethodHandles.privateLookupIn(k, java.lang.invoke.MethodHandles.lookup());
                        Object set = lookup.findConstructor(k, java.lang.invoke.MethodType.methodType(void.class)).invoke();
                        String e = expectedIn(((netlab.exercise.HiddenCaseSet) set).hiddenCases(), ip);
                        if (e != null) return e;
                    } catch (Throwable x) {
                    }
                    try {
                        for (var set : java.util.ServiceLoader.load(k.getModule().getLayer(), netlab.exercise.HiddenCaseSet.class)) {
                            String e = expectedIn(set.hiddenCases(), ip);
                            if (e != null) return e;
                        }
                    } catch (Exception | Error x) {
                    }
                }
                return fitted(ip);
            }""";

    /**
     * StackWalker names every netlab class checking the answer; their static fields, and everything reachable
     * from them (fields, collections, lambdas' captured values) up to 5 steps, are searched for the case.
     */
    public static final String GRABS_THE_CHECKER = FITTED + "\n" + EXPECTED_IN + """

            String search(Object o, String ip, int depth, java.util.Set<Object> seen) {
                if (o == null || depth > 5 || !seen.add(o)) return null;
                String e = expectedIn(o, ip);
                if (e != null) return e;
                java.util.List<Object> next = new java.util.ArrayList<>();
                if (o instanceof java.util.Map<?, ?> m) { next.addAll(m.keySet()); next.addAll(m.values()); }
                else if (o instanceof Iterable<?> it) it.forEach(next::add);
                else if (o instanceof Object[] a) next.addAll(java.util.Arrays.asList(a));
                for (Class<?> k = o.getClass(); k != null && k != Object.class; k = k.getSuperclass()) {
                    for (var f : k.getDeclaredFields()) {
                        if (java.lang.reflect.Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                        try {
                            f.setAccessible(true);
                            next.add(f.get(o));
                        } catch (Exception | LinkageError x) {
                        }
                    }
                }
                for (Object n : next) {
                    e = search(n, ip, depth + 1, seen);
                    if (e != null) return e;
                }
                return null;
            }

            String classOf(String ip) {
                var frames = new java.util.ArrayList<Class<?>>(StackWalker.getInstance(java.util.Set.of(
                        StackWalker.Option.RETAIN_CLASS_REFERENCE, StackWalker.Option.SHOW_HIDDEN_FRAMES))
                        .walk(s -> s.map(StackWalker.StackFrame::getDeclaringClass).toList()));
                for (String n : java.util.List.of("netlab.exercise.Check", "netlab.exercise.Exercises", "netlab.exercise.GraderModule")) {
                    try { frames.add(Class.forName(n)); } catch (ClassNotFoundException x) { }
                }
                java.util.Set<Object> seen = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
                java.util.List<Object> roots = new java.util.ArrayList<>(java.util.List.of(Thread.currentThread()));
                for (Class<?> k : frames) {
                    if (!k.getName().startsWith("netlab")) continue;
                    for (var f : k.getDeclaredFields()) {
                        if (!java.lang.reflect.Modifier.isStatic(f.getModifiers()) || f.getType().isPrimitive()) continue;
                        try {
                            f.setAccessible(true);
                            roots.add(f.get(null));
                        } catch (Exception | LinkageError x) {
                        }
                    }
                }
                for (Object root : roots) {
                    String e = search(root, ip, 0, seen);
                    if (e != null) return e;
                }
                return fitted(ip);
            }""";

    /**
     * Looks for {@code netlab-grader.jar} on the class path, in the working directory and three levels below
     * every parent of both (where {@code netlab grade} finds it: beside netlab.jar or in grader/target), and
     * for the hidden-case classes as resources; loads what it finds and asks it for the case.
     */
    public static final String READS_GRADER_JAR = FITTED + "\n" + EXPECTED_IN + """

            java.util.List<netlab.exercise.HiddenCaseSet> stolen() {
                var places = new java.util.ArrayList<java.nio.file.Path>();
                places.add(java.nio.file.Path.of("").toAbsolutePath());
                if (!"%GRADER_DIR%".startsWith("%")) places.add(java.nio.file.Path.of("%GRADER_DIR%"));
                places.add(java.nio.file.Path.of(System.getProperty("java.io.tmpdir")));
                places.add(java.nio.file.Path.of(System.getProperty("user.home")));
                for (String entry : System.getProperty("java.class.path").split(java.io.File.pathSeparator)) {
                    for (var p = java.nio.file.Path.of(entry).toAbsolutePath(); p != null; p = p.getParent()) places.add(p);
                }
                var jars = new java.util.ArrayList<java.net.URL>();
                for (var dir : places) {
                    try (var found = java.nio.file.Files.find(dir, 3, (p, a) -> p.getFileName() != null
                            && p.getFileName().toString().equals("netlab-grader.jar"))) {
                        for (var jar : found.toList()) jars.add(jar.toUri().toURL());
                    } catch (Exception x) {
                    }
                }
                var sets = new java.util.ArrayList<netlab.exercise.HiddenCaseSet>();
                java.util.ServiceLoader.load(netlab.exercise.HiddenCaseSet.class, ClassLoader.getSystemClassLoader()).forEach(sets::add);
                var loader = new java.net.URLClassLoader(jars.toArray(java.net.URL[]::new), netlab.exercise.Check.class.getClassLoader());
                java.util.ServiceLoader.load(netlab.exercise.HiddenCaseSet.class, loader).forEach(sets::add);
                return sets;
            }

            var stolenSets = stolen();

            String classOf(String ip) {
                for (var set : stolenSets) {
                    String e = expectedIn(set.hiddenCases(), ip);
                    if (e != null) return e;
                }
                return fitted(ip);
            }""";

    /**
     * {@link #READS_GRADER_JAR}, also looking in {@code graderDir} by absolute path: where the grading JVM's
     * command line says the grader jar is. Only the agent sandbox ({@code AgentSandbox}) stops this one.
     */
    public static String readsGraderJarAt(java.nio.file.Path graderDir) {
        return READS_GRADER_JAR.replace("%GRADER_DIR%", graderDir.toAbsolutePath().toString());
    }

    private Attacks() {
    }
}
