package netlab.kernel.jshell;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.GenericArrayType;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.lang.reflect.TypeVariable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The lessons classes and members the teacher chapters' code cells name, read from the notebooks (every language,
 * every chapter) as a student's Shift-Tab meets them: a class ({@code Lab}, {@code (Host) x}), a static call or
 * constant ({@code Check.routeNextHop(}, {@code TcpState.CLOSE}, {@code TcpTalk.Side.CLIENT}), an instance call on a
 * variable whose type the notebook declares ({@code Host pc0 = ...; pc0.ping(}, {@code for (TcpState s : ...)}), and
 * each call of a chain whose return type reflection knows ({@code TcpTalk.create(7).connect().ladder()},
 * {@code var lab = Topologies.twoPcs(); lab.trace()}). A simple name resolves as Java would, through the notebook's
 * imports and the kernel's start imports; an inherited method is its declaring class's
 * ({@code pc0.routes()} is {@code IpNode.routes}).
 *
 * <pre>{@code
 * ChapterNames.of(Path.of("../notebooks/teacher"))   // [netlab.course.Check#routeNextHop, netlab.sim.Lab#host, ...]
 * }</pre>
 */
final class ChapterNames {

    /** What every notebook can use without an import: {@code KernelCommand.PRELOAD}, which this copies. */
    private static final List<String> START_IMPORTS = List.of("netlab.display.*", "netlab.ip.*", "netlab.net.*",
            "netlab.tftp.*", "netlab.course.Check");
    private static final Set<String> OBJECT_METHODS = Set.of("toString", "equals", "hashCode", "getClass", "wait",
            "notify", "notifyAll");
    private static final Pattern IMPORT = Pattern.compile("(?m)^\\s*import\\s+(?!static)([\\w.]+(?:\\.\\*)?)\\s*;");
    private static final Pattern DECLARED_TYPE = Pattern.compile("\\b(?:class|record|interface|enum)\\s+([A-Z]\\w*)");
    /** {@code Host pc0 =}, {@code TcpState s :}, {@code (Lab lab)}, {@code List<Host> hosts} (not a lessons type). */
    private static final Pattern DECLARATION = Pattern.compile(
            "(?<![\\w.$])([A-Z]\\w*(?:\\.[A-Z]\\w*)*)(<[^;()=]*>)?((?:\\[\\])*)\\s+([a-z_]\\w*)\\s*(?=[=:;,)])");
    private static final Pattern VAR = Pattern.compile("\\bvar\\s+([a-z_]\\w*)\\s*=\\s*");
    private static final Pattern STRIPPED = Pattern.compile(
            "\"\"\"[\\s\\S]*?\"\"\"|\"(?:\\\\.|[^\"\\\\\\n])*\"|'(?:\\\\.|[^'\\\\\\n])+'|//[^\\n]*|/\\*[\\s\\S]*?\\*/");

    enum Kind { CLASS, METHOD, FIELD }

    /** A lessons class, or a method (every overload) or field of the class that declares it. */
    record Named(Class<?> owner, String member, Kind kind) {

        /** The key of {@value LessonsJavadoc#CHINESE}: {@code netlab.sim.HomeRouter.Lease#ip}. */
        String chineseKey() {
            return owner.getName().replace('$', '.') + (member == null ? "" : "#" + member);
        }

        /** The top-level class, whose source holds the comment. */
        String sourceClass() {
            Class<?> top = owner;
            while (top.getEnclosingClass() != null) {
                top = top.getEnclosingClass();
            }
            return top.getName();
        }

        /** The class as JShell prints it before a member: {@code Check}, {@code HomeRouter.Lease}. */
        String path() {
            return owner.getName().substring(owner.getPackageName().length() + 1).replace('$', '.');
        }

        /** The parameter types of each overload of the method, as {@link DocTarget} keys them. */
        List<List<String>> overloads() {
            return Arrays.stream(owner.getDeclaredMethods())
                    .filter(m -> m.getName().equals(member) && Modifier.isPublic(m.getModifiers()))
                    .filter(m -> !m.isSynthetic() && !m.isBridge())
                    .sorted(Comparator.comparing(Method::toGenericString))
                    .map(m -> Arrays.stream(m.getGenericParameterTypes()).map(ChapterNames::keyOf).toList())
                    .toList();
        }

        /** Whether the lessons' source has a comment for it (for a method, for every public overload). */
        boolean documentedIn(LessonsJavadoc docs) {
            Set<String> keys = docs.comments(sourceClass()).keySet();
            return switch (kind) {
                case CLASS -> keys.contains(path());
                case FIELD -> keys.contains(path() + "#" + member);
                case METHOD -> overloads().stream()
                        .allMatch(params -> keys.contains(new DocTarget(path(), member, params).key(path())));
            };
        }

        /** The documentation targets of JShell's signatures for it: one per overload of a method. */
        List<DocTarget> targets() {
            return switch (kind) {
                case CLASS -> List.of(new DocTarget(owner.getName().replace('$', '.'), null, null));
                case FIELD -> owner.isEnum() ? DocTarget.parse(path() + "." + member).stream().toList()
                        : List.of(new DocTarget(path(), member, null));
                case METHOD -> overloads().stream().map(params -> new DocTarget(path(), member, params)).toList();
            };
        }

        @Override
        public String toString() {
            return chineseKey();
        }
    }

    private final Set<Named> found = new LinkedHashSet<>();
    private final List<String> imports = new ArrayList<>(START_IMPORTS);
    private final Set<String> declaredTypes = new HashSet<>();
    private final Map<String, Class<?>> variables = new HashMap<>();

    private ChapterNames() {
    }

    /** What the code cells of every notebook under {@code chapters} (and its language folders) name. */
    static Set<Named> of(Path chapters) throws IOException {
        Set<Named> all = new java.util.TreeSet<>(Comparator.comparing(Named::chineseKey));
        try (Stream<Path> files = Files.walk(chapters)) {
            for (Path nb : files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList()) {
                ChapterNames notebook = new ChapterNames();
                for (String cell : codeCells(nb)) {
                    notebook.read(STRIPPED.matcher(cell).replaceAll(m -> m.group().startsWith("/") ? " " : "\"\""));
                }
                all.addAll(notebook.found);
            }
        }
        return all;
    }

    private static List<String> codeCells(Path notebook) throws IOException {
        List<String> code = new ArrayList<>();
        JsonObject root = JsonParser.parseString(Files.readString(notebook)).getAsJsonObject();
        for (JsonElement cell : root.getAsJsonArray("cells")) {
            JsonObject c = cell.getAsJsonObject();
            if (c.get("cell_type").getAsString().equals("code")) {
                StringBuilder s = new StringBuilder();
                c.getAsJsonArray("source").forEach(line -> s.append(line.getAsString()));
                code.add(s.toString());
            }
        }
        return code;
    }

    /** One cell: its imports, types and variables first (they serve the cells below too), then its names. */
    private void read(String code) {
        Matcher imported = IMPORT.matcher(code);
        while (imported.find()) {
            imports.add(imported.group(1));
        }
        Matcher type = DECLARED_TYPE.matcher(code);
        while (type.find()) {
            declaredTypes.add(type.group(1));
        }
        Matcher declared = DECLARATION.matcher(code);
        while (declared.find()) {
            Class<?> t = declared.group(3).isEmpty() ? typeNamed(declared.group(1)) : null;
            if (t != null) {
                variables.put(declared.group(4), t);
            }
        }
        Matcher var = VAR.matcher(code);
        while (var.find()) {
            Class<?> t = chain(code, var.end(), false);
            if (t != null) {
                variables.put(var.group(1), t);
            }
        }
        for (int i = 0; i < code.length(); i++) {
            if (Character.isJavaIdentifierStart(code.charAt(i))
                    && (i == 0 || !(Character.isJavaIdentifierPart(code.charAt(i - 1)) || code.charAt(i - 1) == '.'
                            || code.charAt(i - 1) == '@'))) {
                chain(code, i, true);
                while (i < code.length() && Character.isJavaIdentifierPart(code.charAt(i))) {
                    i++;
                }
            }
        }
    }

    /**
     * The lessons type of the expression starting at {@code at} (a class, a variable, then {@code .member} and
     * {@code .call(...)} as long as the type is known), or null; records what it names when {@code record}.
     */
    private Class<?> chain(String code, int at, boolean record) {
        String first = identifierAt(code, at);
        if (first.isEmpty()) {
            return null;
        }
        int j = at + first.length();
        Class<?> t;
        if (variables.containsKey(first) && code.startsWith(".", skip(code, j))) {
            t = variables.get(first);
        } else if (Character.isUpperCase(first.charAt(0)) && (t = classNamed(first)) != null) {
            add(new Named(t, null, Kind.CLASS), record);
        } else {
            return null;
        }
        while (t != null && lessons(t)) {
            int k = skip(code, j);
            boolean reference = code.startsWith("::", k);
            if (!reference && !code.startsWith(".", k)) {
                break;
            }
            k = skip(code, k + (reference ? 2 : 1));
            String name = identifierAt(code, k);
            if (name.isEmpty()) {
                break;
            }
            int after = k + name.length();
            int open = skip(code, after);
            boolean call = open < code.length() && code.charAt(open) == '(';
            if (call || reference) {
                t = methods(t, name, record);
                if (reference) {
                    break;
                }
                j = closing(code, open) + 1;
                if (j == 0) {
                    break;
                }
                continue;
            }
            Class<?> outer = t;
            Optional<Class<?>> nested = Arrays.stream(t.getClasses()).filter(c -> c.getSimpleName().equals(name)).findFirst();
            if (nested.isPresent()) {
                t = nested.get();
                add(new Named(t, null, Kind.CLASS), record);
            } else {
                try {
                    Field f = outer.getField(name);
                    if (lessons(f.getDeclaringClass())) {
                        add(new Named(f.getDeclaringClass(), name, Kind.FIELD), record);
                    }
                    t = f.getType();
                } catch (NoSuchFieldException e) {
                    break;
                }
            }
            j = after;
        }
        return t != null && lessons(t) ? t : null;
    }

    /** Records the lessons methods named {@code name} of {@code t}; their return type if every overload's is one. */
    private Class<?> methods(Class<?> t, String name, boolean record) {
        List<Method> methods = Arrays.stream(t.getMethods()).filter(m -> m.getName().equals(name)).toList();
        if (!OBJECT_METHODS.contains(name)) {
            for (Method m : methods) {
                Class<?> d = m.getDeclaringClass();
                boolean implicitEnum = d.isEnum() && (name.equals("values") || name.equals("valueOf"));
                if (lessons(d) && !implicitEnum) {
                    add(new Named(d, name, Kind.METHOD), record);
                }
            }
        }
        Set<Type> returns = new HashSet<>();
        methods.forEach(m -> returns.add(m.getGenericReturnType()));
        return returns.size() == 1 && returns.iterator().next() instanceof Class<?> c && !c.isArray() ? c : null;
    }

    private void add(Named named, boolean record) {
        if (record && publicClass(named.owner())) {
            found.add(named);
        }
    }

    /** The lessons class a simple name in a cell means, through the imports, unless a cell declared its own. */
    private Class<?> classNamed(String simple) {
        if (declaredTypes.contains(simple)) {
            return null;
        }
        for (String i : imports) {
            if (i.endsWith("." + simple)) {
                return load(i);
            }
        }
        List<Class<?>> onDemand = imports.stream().filter(i -> i.endsWith(".*"))
                .<Class<?>>map(i -> load(i.substring(0, i.length() - 1) + simple)).filter(c -> c != null).distinct().toList();
        return onDemand.size() == 1 ? onDemand.getFirst() : null;
    }

    /** {@code Host} or {@code HomeRouter.Lease} as a lessons class, or null. */
    private Class<?> typeNamed(String dotted) {
        String[] parts = dotted.split("\\.");
        Class<?> t = classNamed(parts[0]);
        for (int i = 1; i < parts.length && t != null; i++) {
            String name = parts[i];
            t = Arrays.stream(t.getClasses()).filter(c -> c.getSimpleName().equals(name)).findFirst().orElse(null);
        }
        return t;
    }

    private static Class<?> load(String name) {
        if (!name.startsWith("netlab.")) {
            return null;
        }
        try {
            Class<?> c = Class.forName(name, false, ChapterNames.class.getClassLoader());
            return publicClass(c) ? c : null;
        } catch (ClassNotFoundException | LinkageError e) {
            return null;
        }
    }

    private static boolean lessons(Class<?> c) {
        return c.getName().startsWith("netlab.") && !c.isArray();
    }

    private static boolean publicClass(Class<?> c) {
        for (Class<?> k = c; k != null; k = k.getEnclosingClass()) {
            if (!Modifier.isPublic(k.getModifiers())) {
                return false;
            }
        }
        return true;
    }

    /** A parameter type as {@link DocTarget#normalizeType} keys it: no generics, no outer class, varargs as array. */
    static String keyOf(Type type) {
        return switch (type) {
            case Class<?> c when c.isArray() -> keyOf(c.getComponentType()) + "[]";
            case Class<?> c -> c.getSimpleName();
            case ParameterizedType p -> keyOf(p.getRawType());
            case GenericArrayType a -> keyOf(a.getGenericComponentType()) + "[]";
            case TypeVariable<?> v -> v.getName();
            default -> type.getTypeName();
        };
    }

    private static String identifierAt(String code, int at) {
        int end = at;
        if (end < code.length() && Character.isJavaIdentifierStart(code.charAt(end))) {
            end++;
            while (end < code.length() && Character.isJavaIdentifierPart(code.charAt(end))) {
                end++;
            }
        }
        return code.substring(at, end);
    }

    private static int skip(String code, int at) {
        while (at < code.length() && Character.isWhitespace(code.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The index of the parenthesis closing the one at {@code open}, or -1. */
    private static int closing(String code, int open) {
        int depth = 0;
        for (int i = open; i < code.length(); i++) {
            char c = code.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
