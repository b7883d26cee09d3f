package netlab.kernel.jshell;

import static java.lang.constant.ConstantDescs.CD_Object;
import static java.lang.constant.ConstantDescs.CD_void;
import static java.lang.constant.ConstantDescs.INIT_NAME;
import static netlab.kernel.jshell.JShellInternals.open;

import java.lang.classfile.ClassFile;
import java.lang.constant.ClassDesc;
import java.lang.constant.MethodTypeDesc;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.AccessFlag;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.WeakHashMap;
import java.util.function.UnaryOperator;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.ImportSnippet;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;

/**
 * Makes a JShell wrap each snippet importing only the session's declarations its code names, where JShell
 * imports every one of them into every snippet's class.
 *
 * <p>Why: JShell compiles a snippet as {@code class $JShell$N} in package {@code REPL} whose header holds
 * {@code import static REPL.$JShell$K.name;} for every active declaration K of the session (and, for a run of
 * declarations compiled together, every other one of the run), and javac, which starts each task with the
 * {@code REPL} package purged, enters each of those imports by reading K's class file again. So every compile
 * costs in proportion to the session's declarations, and a cell of N declarations in proportion to N²: JFR of
 * the 200-declaration cell in runs of 8 showed 31 % of the kernel thread entering imports, 19 % parsing them
 * and 14 % building their text, and the units of one task, importing each other, made javac's completion
 * recurse once per unit (200 in one task overflowed a 1 MB stack). An import the code does not name cannot
 * change what the code means, so a declaration is imported only when the wrapped code (the student's text and
 * what JShell generated around it, e.g. the type it wrote for a {@code var}) holds its name as a token. The
 * same holds for the session's imports (the preloaded {@code import netlab.ip.*;} and what students wrote): one
 * stays when the code holds a name it brings in ({@link PackageTypes} for an on-demand import of a package),
 * so {@code int v7 = 7 * 2;} is wrapped with none; javac resolved each import of each wrapper again (12 % of
 * the 200-declaration cell's kernel thread, JFR). A text with a unicode escape (a backslash and u, e.g.
 * {@code &#92;u0061} for {@code a}) may spell a name no token shows: it imports everything, as JShell does.
 *
 * <p>How: {@code OuterWrapMap.wrapInClass(except, plus, snippets, wraps)} builds that header from every active
 * snippet not in {@code except}, then {@code plus}. This defines, in JShell's package (the kernel JVM opens
 * {@code jdk.jshell/jdk.jshell}, netlab.jar's manifest {@code Add-Opens}), a subclass whose
 * {@code wrapInClass} first excepts every declaration and puts in {@code plus} those the wraps name, and puts
 * one in place of the shell's map before its first snippet ({@link #header} writes the same for code the engine
 * compiles itself). So the header JShell writes
 * is short, and every offset JShell keeps into it is its own. Without that access, or on a JDK whose internals
 * differ, {@link #install} returns false and JShell imports everything. {@code JShell.outerMap} is a final
 * field: a JDK that enforces final fields against reflection (JEP 500) needs {@code --enable-final-field-mutation}
 * or makes this return false.
 *
 * <p>Not narrowed: JShell's trial wraps ({@code wrapInTrialClass}), which type an expression before it is
 * wrapped for good, and which completion analyses to list the names in scope, the imported ones included
 * (DeclarationBatchIT checks that completion still offers a session's declarations).
 *
 * <p>Tried first: letting JShell write the whole header and overwriting the unnamed imports with spaces (same
 * length, so every offset held): the 200-declaration cell in one run went from ~1.0 to ~0.35 CPU s in one JVM,
 * but 15 % of what was left was the blanking itself, scanning a header as long as the session.
 */
final class ImportPruning {

    private static final Optional<Internals> INTERNALS = Internals.lookUp();

    private ImportPruning() {
    }

    /**
     * Makes {@code shell} import into each snippet it wraps from now on only the declarations the snippet names;
     * call it before the first snippet (JShell's map of wrapped classes, which translates stack traces, starts
     * empty again).
     *
     * @param packageTypes the types of the student class path's packages, which decide which on-demand imports a
     *                     snippet needs
     * @return false, with {@code shell} unchanged, when JShell's internals cannot be reached
     */
    static boolean install(JShell shell, PackageTypes packageTypes) {
        return INTERNALS.map(i -> i.install(shell, packageTypes)).orElse(false);
    }

    /**
     * The header JShell would write for a class wrapping {@code code} (its package, the session's imports and
     * the declarations {@code code} names), for code the engine compiles itself ({@link DirectRun}); empty when
     * JShell's internals cannot be reached.
     */
    static Optional<String> header(JShell shell, String code) {
        try {
            return INTERNALS.isEmpty() ? Optional.empty() : Optional.of(INTERNALS.get().header(shell, code));
        } catch (ReflectiveOperationException | RuntimeException e) {
            EngineLog.ENGINE.log(System.Logger.Level.INFO, "no header for a piece: " + e);
            return Optional.empty();
        }
    }

    /**
     * The names {@code code} may use: every identifier-shaped token, a superset of the names javac sees; empty
     * when a unicode escape could spell a name no token shows.
     */
    static Optional<Set<String>> namesIn(String code) {
        if (code.contains("\\u")) {
            return Optional.empty();
        }
        Set<String> tokens = new HashSet<>();
        int i = 0;
        while (i < code.length()) {
            int c = code.codePointAt(i); // by code point: a name may hold letters beyond the BMP (𝑥, two chars)
            int start = i;
            if (Character.isJavaIdentifierStart(c) || Character.isDigit(c)) {
                do {
                    i += Character.charCount(code.codePointAt(i));
                } while (i < code.length() && Character.isJavaIdentifierPart(code.codePointAt(i)));
                if (!Character.isDigit(c)) { // a number's letters (0x1F, 7L) name nothing
                    tokens.add(code.substring(start, i));
                }
            } else {
                i += Character.charCount(c);
            }
        }
        return Optional.of(tokens);
    }

    /** The generated subclass and the JShell members it needs, made once per JVM. */
    private static final class Internals {

        final MethodHandle newMap;
        final Field outerMap;
        final Field maps;
        final Field keyIndexToSnippet;
        final Method key;
        final Method status;
        final Method wrapped;
        final Method packageAndImportsExcept;
        /** Each session's declarations, kept while its JShell lives. */
        private final Map<JShell, Declarations> sessions = Collections.synchronizedMap(new WeakHashMap<>());

        private Internals() throws ReflectiveOperationException {
            Class<?> mapClass = Class.forName("jdk.jshell.OuterWrapMap");
            MethodHandles.Lookup inJShell = MethodHandles.privateLookupIn(mapClass, MethodHandles.lookup());
            Class<?> narrowing = inJShell.defineClass(subclassOf(mapClass));
            newMap = inJShell.findConstructor(narrowing, MethodType.methodType(void.class, JShell.class,
                    UnaryOperator.class));
            JShellInternals.Members members = JShellInternals.Members.get();
            outerMap = members.outerMap();
            maps = members.maps();
            keyIndexToSnippet = open(Class.forName("jdk.jshell.SnippetMaps").getDeclaredField("keyIndexToSnippet"));
            key = open(Snippet.class.getDeclaredMethod("key"));
            // the snippet's own: JShell's public status() refuses a snippet it is still installing
            status = open(Snippet.class.getDeclaredMethod("status"));
            wrapped = open(Class.forName("jdk.jshell.GeneralWrap").getDeclaredMethod("wrapped"));
            packageAndImportsExcept = open(Class.forName("jdk.jshell.SnippetMaps")
                    .getDeclaredMethod("packageAndImportsExcept", Set.class, Collection.class));
        }

        static Optional<Internals> lookUp() {
            try {
                return Optional.of(new Internals());
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                EngineLog.ENGINE.log(System.Logger.Level.INFO, "snippets import every declaration: " + e);
                return Optional.empty();
            }
        }

        /**
         * {@code final class jdk.jshell.NarrowingOuterWrapMap extends OuterWrapMap}, whose
         * {@code wrapInClass(except, plus, snippets, wraps)} calls its superclass's with the {@code except} and
         * {@code plus} a function the kernel gives makes of {@code {except, plus, wraps}}.
         */
        private static byte[] subclassOf(Class<?> mapClass) {
            ClassDesc map = ClassDesc.of(mapClass.getName());
            ClassDesc self = ClassDesc.of("jdk.jshell.NarrowingOuterWrapMap");
            ClassDesc operator = ClassDesc.of(UnaryOperator.class.getName());
            ClassDesc shell = ClassDesc.of(JShell.class.getName());
            ClassDesc set = ClassDesc.of("java.util.Set");
            ClassDesc collection = ClassDesc.of("java.util.Collection");
            ClassDesc list = ClassDesc.of("java.util.List");
            ClassDesc objects = CD_Object.arrayType();
            MethodTypeDesc wrapInClass = MethodTypeDesc.of(ClassDesc.of("jdk.jshell.OuterWrap"), set, collection,
                    list, list);
            return ClassFile.of().build(self, c -> c
                    .withSuperclass(map)
                    .withFlags(AccessFlag.FINAL, AccessFlag.SYNTHETIC)
                    .withField("narrower", operator, ClassFile.ACC_PRIVATE | ClassFile.ACC_FINAL)
                    .withMethodBody(INIT_NAME, MethodTypeDesc.of(CD_void, shell, operator), 0, code -> code
                            .aload(0).aload(1)
                            .invokespecial(map, INIT_NAME, MethodTypeDesc.of(CD_void, shell))
                            .aload(0).aload(2).putfield(self, "narrower", operator)
                            .return_())
                    // package-private, as the method it overrides
                    .withMethodBody("wrapInClass", wrapInClass, 0, code -> code
                            .aload(0).getfield(self, "narrower", operator)
                            .iconst_3().anewarray(CD_Object)
                            .dup().iconst_0().aload(1).aastore()
                            .dup().iconst_1().aload(2).aastore()
                            .dup().iconst_2().aload(4).aastore()
                            .invokeinterface(operator, "apply", MethodTypeDesc.of(CD_Object, CD_Object))
                            .checkcast(objects).astore(5)
                            .aload(0)
                            .aload(5).iconst_0().aaload().checkcast(set)
                            .aload(5).iconst_1().aaload().checkcast(collection)
                            .aload(3).aload(4)
                            .invokespecial(map, "wrapInClass", wrapInClass)
                            .areturn()));
        }

        boolean install(JShell shell, PackageTypes packageTypes) {
            try {
                UnaryOperator<Object> narrower = arguments -> narrow(shell, (Object[]) arguments);
                outerMap.set(shell, newMap.invoke(shell, narrower));
                sessions.put(shell, new Declarations(Optional.of(packageTypes)));
                return true;
            } catch (Throwable e) { // invoke's signature; nothing is in place unless set succeeded
                EngineLog.ENGINE.log(System.Logger.Level.INFO, "snippets import every declaration: " + e);
                return false;
            }
        }

        /** {@code {except, plus, wraps}} to what {@link #narrow(JShell, Set, Collection, String)} makes of them. */
        private Object[] narrow(JShell shell, Object[] arguments) {
            try {
                StringBuilder code = new StringBuilder();
                for (Object wrap : (List<?>) arguments[2]) {
                    code.append((String) wrapped.invoke(wrap)).append('\n');
                }
                return narrow(shell, (Set<?>) arguments[0], (Collection<?>) arguments[1], code.toString());
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("JShell's wrapping changed: " + e, e);
            }
        }

        String header(JShell shell, String code) throws ReflectiveOperationException {
            Object[] narrowed = narrow(shell, null, null, code);
            return (String) packageAndImportsExcept.invoke(maps.get(shell), narrowed[0], narrowed[1]);
        }

        /**
         * {@code {except, plus}} for a class wrapping {@code code} to {@code {every declaration, plus the named}}:
         * a declaration {@code code} names, defined and not in {@code except} (which JShell's header would have
         * imported), moves to {@code plus}, whose imports JShell writes after the header's; every other one is
         * excepted. Each declaration of a batch of N is wrapped so: looking the N names up instead of testing
         * every one of the session's declarations against them took the 200-declaration cell's share of the
         * kernel thread's samples here from 11 % to 2 %.
         */
        private Object[] narrow(JShell shell, Set<?> except, Collection<?> plus, String code)
                throws ReflectiveOperationException {
            Optional<Set<String>> names = namesIn(code);
            if (names.isEmpty()) {
                return new Object[] {except, plus};
            }
            Declarations declarations = sessions.computeIfAbsent(shell, s -> new Declarations(Optional.empty()));
            List<?> snippets = (List<?>) keyIndexToSnippet.get(maps.get(shell));
            Set<Object> every = declarations.keys(snippets);
            List<Object> unnamedImports = declarations.importsNoneOf(names.get());
            Set<Object> wider = every;
            if (except != null && !every.containsAll(except) || !unnamedImports.isEmpty()) {
                wider = new HashSet<>(every);
                wider.addAll(unnamedImports);
                if (except != null) {
                    wider.addAll(except);
                }
            }
            List<Object> named = new ArrayList<>();
            for (Object snippet : plus == null ? List.of() : plus) {
                if (!(snippet instanceof DeclarationSnippet d) || names.get().contains(d.name())) {
                    named.add(snippet);
                }
            }
            for (String name : names.get()) {
                for (int index : declarations.indexesOf(name)) {
                    if (snippets.get(index) instanceof DeclarationSnippet d && d.name().equals(name)
                            && ((Snippet.Status) status.invoke(d)).isDefined()
                            && (except == null || !except.contains(key.invoke(d)))) {
                        named.add(d);
                    }
                }
            }
            return new Object[] {wider, named};
        }

        /**
         * One session's declarations and imports: every declaration's key, the key indexes of each name, and
         * the imports. JShell gives a declaration or import its key index once and keeps it for its
         * redefinitions, so all three change only when an index is added.
         */
        private final class Declarations {

            /** The types an on-demand import may bring in; empty: every import stays. */
            private final Optional<PackageTypes> packageTypes;
            private int indexes = -1;
            private Set<Object> keys = Set.of();
            private Map<String, List<Integer>> byName = Map.of();
            private List<Import> imports = List.of();

            Declarations(Optional<PackageTypes> packageTypes) {
                this.packageTypes = packageTypes;
            }

            synchronized Set<Object> keys(List<?> snippets) throws ReflectiveOperationException {
                if (snippets.size() != indexes) {
                    Set<Object> all = new HashSet<>();
                    Map<String, List<Integer>> names = new HashMap<>();
                    List<Import> importSnippets = new ArrayList<>();
                    for (int i = 0; i < snippets.size(); i++) {
                        if (snippets.get(i) instanceof DeclarationSnippet d) {
                            all.add(key.invoke(d));
                            names.computeIfAbsent(d.name(), n -> new ArrayList<>()).add(i);
                        } else if (snippets.get(i) instanceof ImportSnippet s) {
                            importSnippets.add(Import.of(s, key.invoke(s)));
                        }
                    }
                    keys = Collections.unmodifiableSet(all);
                    byName = names;
                    imports = List.copyOf(importSnippets);
                    indexes = snippets.size();
                }
                return keys;
            }

            synchronized List<Integer> indexesOf(String name) {
                return byName.getOrDefault(name, List.of());
            }

            /**
             * The keys of the imports that can bring in none of {@code names}: a single import its own name, an
             * on-demand import of a package the package's types. An import only ever resolves a simple name it
             * brings in, so one the wrapped code holds no such token for cannot change what the code means.
             * Kept: static on-demand and module imports, and any import of what is not a package found here.
             */
            synchronized List<Object> importsNoneOf(Set<String> names) {
                if (packageTypes.isEmpty()) {
                    return List.of();
                }
                List<Object> unnamed = new ArrayList<>();
                for (Import i : imports) {
                    if (!i.mayBringIn(names, packageTypes.get())) {
                        unnamed.add(i.key());
                    }
                }
                return unnamed;
            }
        }

        /**
         * An import of the session, read once: its key, and the one name it brings in (a single import) or the
         * package whose types it brings in (an on-demand import of a package); neither for the others, which
         * always stay.
         */
        private record Import(Object key, Optional<String> simpleName, Optional<String> onDemandPackage) {

            static Import of(ImportSnippet s, Object key) {
                String full = s.fullname();
                return switch (s.subKind()) {
                    case SINGLE_TYPE_IMPORT_SUBKIND, SINGLE_STATIC_IMPORT_SUBKIND ->
                            new Import(key, Optional.of(s.name()), Optional.empty());
                    case TYPE_IMPORT_ON_DEMAND_SUBKIND -> new Import(key, Optional.empty(),
                            full.endsWith(".*") ? Optional.of(full.substring(0, full.length() - 2)) : Optional.empty());
                    default -> new Import(key, Optional.empty(), Optional.empty());
                };
            }

            /** Whether this import may bring in one of {@code names}: then the code may mean it. */
            boolean mayBringIn(Set<String> names, PackageTypes types) {
                if (simpleName.isPresent()) {
                    return names.contains(simpleName.get());
                }
                return onDemandPackage.isEmpty() || types.of(onDemandPackage.get())
                        .map(inPackage -> !Collections.disjoint(inPackage, names)).orElse(true);
            }
        }
    }
}
