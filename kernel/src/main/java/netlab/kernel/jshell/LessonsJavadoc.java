package netlab.kernel.jshell;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.MethodTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.DocTrees;
import com.sun.source.util.JavacTask;
import com.sun.source.util.TreePath;
import com.sun.source.util.TreePathScanner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * The course library's javadoc, which JShell cannot show: JShell reads javadoc only from the JDK's
 * {@code lib/src.zip}. The lessons jar carries its own sources under {@value #SOURCES} (see
 * {@code lessons/pom.xml}); a class's source is parsed (not compiled) the first time one of its members is
 * inspected, and its rendered comments are kept.
 *
 * <pre>{@code
 * LessonsJavadoc docs = LessonsJavadoc.on(List.of(Path.of("netlab-lessons.jar")));
 * docs.find("int Udp.send(String text, String host, int port)");   // Optional[JavadocText[plain=Sends one ...]]
 * }</pre>
 */
final class LessonsJavadoc {

    static final String SOURCES = "META-INF/netlab-sources/";
    /**
     * The Chinese javadoc of the lessons' public API, kept beside the sources rather than inside their comments:
     * one file a translator edits without touching code (or the English javadoc tool output), keyed by element,
     * and checked against the sources by a test so a renamed element cannot leave its translation behind.
     */
    static final String CHINESE = "netlab/javadoc/javadoc_zh.properties";

    private final List<Path> classpath;
    private volatile Map<String, SourceFile> byQualifiedName;
    /** Simple name → the qualified names of the classes of that name (two for {@code Check}, {@code Host}). */
    private volatile Map<String, List<String>> bySimpleName;
    private volatile Map<String, String> chinese;
    /** Rendered comments of each parsed class, by key ({@link DocTarget#key}); keyed by qualified class name. */
    private final Map<String, Map<String, JavadocText>> parsed = new ConcurrentHashMap<>();

    private LessonsJavadoc(List<Path> classpath) {
        this.classpath = List.copyOf(classpath);
    }

    /** The javadoc of the lessons on {@code classpath} (jars or class directories); nothing is read yet. */
    static LessonsJavadoc on(List<Path> classpath) {
        return new LessonsJavadoc(classpath);
    }

    /** A source file in a jar or a directory, named by its path under {@value #SOURCES}. */
    private record SourceFile(Path container, String path) {
        String read() throws IOException {
            if (Files.isDirectory(container)) {
                return Files.readString(container.resolve(SOURCES + path), StandardCharsets.UTF_8);
            }
            try (ZipFile zip = new ZipFile(container.toFile(), StandardCharsets.UTF_8)) {
                ZipEntry entry = zip.getEntry(SOURCES + path);
                if (entry == null) {
                    throw new IOException(SOURCES + path + " vanished from " + container);
                }
                return new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
            }
        }
    }

    /**
     * The javadoc of what a JShell documentation signature names, when it is a lessons class or member
     * with a comment. A record's canonical constructor without its own comment shows the record's.
     */
    Optional<JavadocText> find(String signature) {
        return DocTarget.parse(signature).flatMap(this::find);
    }

    /**
     * Like {@link #find(DocTarget)}, in {@code lang}: for Chinese, the element's Chinese text ({@value #CHINESE})
     * comes first, as one paragraph (what the inspector's short form shows), and the English javadoc below it.
     */
    Optional<JavadocText> find(DocTarget target, netlab.text.Lang lang) {
        Optional<Found> found = locate(target);
        if (lang != netlab.text.Lang.ZH || found.isEmpty()) {
            return found.map(Found::text);
        }
        JavadocText english = found.get().text();
        return chineseOf(found.get())
                .map(zh -> new JavadocText(zh.replace("\n\n", "\n") + "\n\n" + english.plain(),
                        zh.replace("\n\n", "  \n") + "\n\n---\n\n" + english.markdown()))
                .or(() -> Optional.of(english));
    }

    /** The Chinese javadoc of what {@code target} names, from {@value #CHINESE}, by {@link #chineseKey}. */
    Optional<String> chinese(DocTarget target) {
        return locate(target).flatMap(this::chineseOf);
    }

    /**
     * The Chinese text of one overload ({@code netlab.net.Udp#bind(String,int)}) where one is written, else the
     * one its name's overloads share: {@code Udp.bind(0)} and {@code Udp.bind("127.0.0.1", 0)} bind different
     * addresses, and the chapters' cells use the second while the shared text described the first.
     */
    private Optional<String> chineseOf(Found found) {
        List<String> params = found.target().params();
        String key = found.chineseKey();
        return Optional.ofNullable(params == null ? null : chineseTexts().get(key + "(" + String.join(",", params) + ")"))
                .or(() -> Optional.ofNullable(chineseTexts().get(key)));
    }

    /**
     * {@code netlab.net.Udp} for the class, {@code netlab.net.Udp#send} for its members of that name; a nested
     * class is dotted: {@code netlab.sim.HomeRouter.Lease#ip}.
     */
    static String chineseKey(String qualified, DocTarget target) {
        boolean member = target.member() != null && !DocTarget.CONSTRUCTOR.equals(target.member());
        return qualified + (member ? "#" + target.member() : "");
    }

    /**
     * Whether two lessons classes share the simple name {@code simpleName} ({@code Check}, {@code Host}): a
     * signature naming it means the one the session imports, which only the session knows.
     */
    boolean ambiguous(String simpleName) {
        index();
        return bySimpleName.getOrDefault(simpleName, List.of()).size() > 1;
    }

    /**
     * A comment found for a target: the class it was found in (qualified, a nested class dotted:
     * {@code netlab.sim.HomeRouter.Lease}), the target as it matched (an enum constant's, not the class's
     * JShell's signature seemed to name) and the text.
     */
    private record Found(String qualifiedClass, DocTarget target, JavadocText text) {
        String chineseKey() {
            return LessonsJavadoc.chineseKey(qualifiedClass, target);
        }
    }

    /** Every Chinese text of {@value #CHINESE}, by key; read once from the lessons on the class path. */
    Map<String, String> chineseTexts() {
        Map<String, String> texts = chinese;
        if (texts == null) {
            java.util.Properties p = new java.util.Properties();
            for (Path entry : classpath) {
                try {
                    String text = Files.isDirectory(entry) ? readIfExists(entry.resolve(CHINESE)) : readEntry(entry);
                    if (text != null) {
                        p.load(new java.io.StringReader(text));
                        break;
                    }
                } catch (IOException e) {
                    EngineLog.ENGINE.log(System.Logger.Level.WARNING,
                            "cannot read " + CHINESE + " in " + entry + ": " + e);
                }
            }
            Map<String, String> read = new HashMap<>();
            p.forEach((k, v) -> read.put((String) k, (String) v));
            chinese = texts = Map.copyOf(read);
        }
        return texts;
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.isRegularFile(file) ? Files.readString(file, StandardCharsets.UTF_8) : null;
    }

    private static String readEntry(Path jar) throws IOException {
        if (!Files.isRegularFile(jar)) {
            return null;
        }
        try (ZipFile zip = new ZipFile(jar.toFile(), StandardCharsets.UTF_8)) {
            ZipEntry entry = zip.getEntry(CHINESE);
            return entry == null ? null : new String(zip.getInputStream(entry).readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    /** Like {@link #find(String)}, for a signature already parsed. */
    Optional<JavadocText> find(DocTarget target) {
        return locate(target).map(Found::text);
    }

    private Optional<Found> locate(DocTarget target) {
        Optional<Found> found = lookup(target);
        if (found.isEmpty()) {
            found = target.asMember().flatMap(this::lookup);
        }
        if (found.isEmpty() && DocTarget.CONSTRUCTOR.equals(target.member())) {
            found = lookup(new DocTarget(target.type(), null, null));
        }
        return found;
    }

    /**
     * The comment of {@code target} in the class its type names: qualified, or simple with nested classes after
     * it. A simple name two classes share finds the one of them that documents the target, if only one does
     * ({@code Check.routeNextHop} is {@code netlab.course.Check}'s).
     */
    private Optional<Found> lookup(DocTarget target) {
        String[] parts = target.type().split("\\.");
        index();
        for (int n = parts.length; n >= 1; n--) {
            String prefix = String.join(".", List.of(parts).subList(0, n));
            List<String> candidates = byQualifiedName.containsKey(prefix) ? List.of(prefix)
                    : n == 1 ? bySimpleName.getOrDefault(prefix, List.of()) : List.of();
            if (!candidates.isEmpty()) {
                List<String> nested = List.of(parts).subList(n, parts.length);
                List<Found> found = new ArrayList<>();
                for (String qualified : candidates) {
                    String simple = qualified.substring(qualified.lastIndexOf('.') + 1);
                    List<String> path = new ArrayList<>(List.of(simple));
                    path.addAll(nested);
                    List<String> inner = new ArrayList<>(List.of(qualified));
                    inner.addAll(nested);
                    JavadocText text = comments(qualified).get(target.key(String.join(".", path)));
                    if (text != null) {
                        found.add(new Found(String.join(".", inner), target, text));
                    }
                }
                return found.size() == 1 ? Optional.of(found.getFirst()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Lists the source files once: qualified class name → file, simple name → qualified names. */
    private void index() {
        if (byQualifiedName != null) {
            return;
        }
        synchronized (this) {
            if (byQualifiedName != null) {
                return;
            }
            Map<String, SourceFile> files = new HashMap<>();
            for (Path entry : classpath) {
                try {
                    for (String path : sourcePaths(entry)) {
                        String name = path.substring(0, path.length() - ".java".length()).replace('/', '.');
                        if (!name.endsWith("package-info")) {
                            files.putIfAbsent(name, new SourceFile(entry, path));
                        }
                    }
                } catch (IOException | UncheckedIOException e) {
                    EngineLog.ENGINE.log(System.Logger.Level.WARNING,
                            "cannot list lessons sources in " + entry + ": " + e);
                }
            }
            Map<String, List<String>> simple = new HashMap<>();
            for (String name : files.keySet().stream().sorted().toList()) {
                simple.computeIfAbsent(name.substring(name.lastIndexOf('.') + 1), k -> new ArrayList<>()).add(name);
            }
            simple.replaceAll((k, names) -> List.copyOf(names));
            bySimpleName = simple;
            byQualifiedName = files;
        }
    }

    private static List<String> sourcePaths(Path entry) throws IOException {
        if (Files.isDirectory(entry)) {
            Path root = entry.resolve(SOURCES);
            if (!Files.isDirectory(root)) {
                return List.of();
            }
            try (Stream<Path> files = Files.walk(root)) {
                return files.filter(p -> p.toString().endsWith(".java"))
                        .map(p -> root.relativize(p).toString().replace(p.getFileSystem().getSeparator(), "/"))
                        .toList();
            }
        }
        if (!Files.isRegularFile(entry)) {
            return List.of();
        }
        try (ZipFile zip = new ZipFile(entry.toFile(), StandardCharsets.UTF_8)) {
            return zip.stream().map(ZipEntry::getName)
                    .filter(n -> n.startsWith(SOURCES) && n.endsWith(".java"))
                    .map(n -> n.substring(SOURCES.length()))
                    .toList();
        }
    }

    /** The qualified names of the classes whose sources were found. */
    Set<String> classNames() {
        index();
        return byQualifiedName.keySet();
    }

    /** The rendered comments of one class's source file, by {@link DocTarget#key}; parsed on first use. */
    Map<String, JavadocText> comments(String qualifiedName) {
        return parsed.computeIfAbsent(qualifiedName, name -> {
            try {
                return parse(byQualifiedName.get(name).read(), name);
            } catch (IOException | RuntimeException e) {
                EngineLog.ENGINE.log(System.Logger.Level.WARNING, "cannot read the javadoc of " + name + ": " + e);
                return Map.of();
            }
        });
    }

    /** Every commented class, constructor, method and field of one source file, by {@link DocTarget#key}. */
    static Map<String, JavadocText> parse(String source, String qualifiedName) {
        JavaFileObject file = new SimpleJavaFileObject(
                URI.create("string:///" + qualifiedName.replace('.', '/') + ".java"), JavaFileObject.Kind.SOURCE) {
            @Override
            public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                return source;
            }
        };
        JavacTask task = (JavacTask) Javac.COMPILER.getTask(null, Javac.FILES, diagnostic -> { }, List.of("-proc:none"),
                null, List.of(file));
        DocTrees trees = DocTrees.instance(task);
        Map<String, JavadocText> docs = new HashMap<>();
        try {
            for (CompilationUnitTree unit : task.parse()) {
                new Collector(trees, docs).scan(unit, null);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Map.copyOf(docs);
    }

    /**
     * Made on the first parse, not when the kernel starts. Parsing needs no class path; one file manager
     * serves every parse (a fresh one costs more than the parse).
     */
    private static final class Javac {
        static final JavaCompiler COMPILER = ToolProvider.getSystemJavaCompiler();
        static final StandardJavaFileManager FILES = COMPILER.getStandardFileManager(null, null, StandardCharsets.UTF_8);
    }

    /** Walks a parsed file, keying each commented declaration by its class path and signature. */
    private static final class Collector extends TreePathScanner<Void, Void> {
        private final DocTrees trees;
        private final Map<String, JavadocText> docs;
        private final List<String> classes = new ArrayList<>();

        Collector(DocTrees trees, Map<String, JavadocText> docs) {
            this.trees = trees;
            this.docs = docs;
        }

        @Override
        public Void visitClass(ClassTree node, Void unused) {
            classes.add(node.getSimpleName().toString());
            try {
                record(new DocTarget(String.join(".", classes), null, null));
                return super.visitClass(node, unused);
            } finally {
                classes.removeLast();
            }
        }

        @Override
        public Void visitMethod(MethodTree node, Void unused) {
            String name = node.getName().contentEquals("<init>") ? DocTarget.CONSTRUCTOR : node.getName().toString();
            List<String> params = node.getParameters().stream()
                    .map(p -> DocTarget.normalizeType(p.getType().toString()))
                    .toList();
            record(new DocTarget(String.join(".", classes), name, params));
            return null; // nothing inside a method body is documented
        }

        @Override
        public Void visitVariable(VariableTree node, Void unused) {
            Tree parent = getCurrentPath().getParentPath().getLeaf();
            if (parent instanceof ClassTree) {
                record(new DocTarget(String.join(".", classes), node.getName().toString(), null));
            }
            return null;
        }

        private void record(DocTarget target) {
            TreePath path = getCurrentPath();
            DocCommentTree comment = trees.getDocCommentTree(path);
            if (comment != null) {
                docs.putIfAbsent(target.key(target.type()), JavadocText.of(comment));
            }
        }
    }
}
