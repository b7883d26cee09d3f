package netlab.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What one of JShell's documentation signatures names: a class, or a member of a class. JShell prints
 * {@code int Udp.send(String text, String host, int port)}, {@code netlab.net.Udp},
 * {@code Ipv4 Ipv4(int bits).parse(String text)} (a record's header carries its components),
 * {@code Table(String... columns)} (a constructor), {@code Udp.PORT:int} (a field) or {@code Mode.OCTET}.
 *
 * @param type   the class as JShell printed it: simple ({@code Udp}), nested ({@code Udp.Reply}) or qualified
 * @param member the member's name, {@code <init>} for a constructor, or null when the class itself is meant
 * @param params the parameters' types without generics or packages ({@code String}, {@code byte[]}), or null
 *               for a field, an enum constant or a class
 */
record DocTarget(String type, String member, List<String> params) {

    static final String CONSTRUCTOR = "<init>";

    /**
     * The key of this target in a {@link LessonsJavadoc} index of the class whose nested path (top-level
     * simple name first) is {@code classPath}.
     */
    String key(String classPath) {
        if (member == null) {
            return classPath;
        }
        return classPath + "#" + member + (params == null ? "" : "(" + String.join(",", params) + ")");
    }

    /** The target of a JShell signature, or empty when it is not a class or member (a local variable). */
    static Optional<DocTarget> parse(String signature) {
        String s = signature.strip();
        if (s.endsWith(")")) {
            int open = matchingOpen(s, s.length() - 1);
            if (open <= 0) {
                return Optional.empty();
            }
            List<String> params = paramTypes(s.substring(open + 1, s.length() - 1));
            String head = s.substring(0, open);
            if (!containsTopLevelSpace(head)) {
                // a constructor ("Table", "<T> Box", a record's "Ipv4(int bits)") or a record class's own header
                return typeBefore(head, head.length()).map(type -> new DocTarget(type, CONSTRUCTOR, params));
            }
            int nameStart = head.length();
            while (nameStart > 0 && Character.isJavaIdentifierPart(head.charAt(nameStart - 1))) {
                nameStart--;
            }
            String name = head.substring(nameStart);
            int end = nameStart;
            if (end > 0 && head.charAt(end - 1) == '>') { // generic method: Cls.<T>name
                end = matchingOpen(head, end - 1);
            }
            if (name.isEmpty() || end <= 0 || head.charAt(end - 1) != '.') {
                return Optional.empty();
            }
            return typeBefore(head, end - 1).map(type -> new DocTarget(type, name, params));
        }
        int colon = s.lastIndexOf(':');
        String named = colon < 0 ? s : s.substring(0, colon);
        int dot = named.lastIndexOf('.');
        if (colon >= 0) { // a field, "Cls.name:type"
            return dot < 0 ? Optional.empty() : typeBefore(named, dot).map(t -> new DocTarget(t, named.substring(dot + 1), null));
        }
        String plain = stripTypeParameters(named);
        return isQualifiedName(plain) ? Optional.of(new DocTarget(plain, null, null)) : Optional.empty();
    }

    /**
     * The enum constant or static member this target could also be: JShell prints {@code Mode.OCTET} for an
     * enum constant, which reads like a class {@code OCTET} in {@code Mode}.
     */
    Optional<DocTarget> asMember() {
        int dot = type.lastIndexOf('.');
        if (member != null || dot < 0) {
            return Optional.empty();
        }
        return Optional.of(new DocTarget(type.substring(0, dot), type.substring(dot + 1), null));
    }

    /** The class name that ends just before {@code end} in {@code head}, skipping a record header or type parameters. */
    private static Optional<String> typeBefore(String head, int end) {
        int i = end;
        while (i > 0 && (head.charAt(i - 1) == ')' || head.charAt(i - 1) == '>')) {
            i = matchingOpen(head, i - 1);
            if (i < 0) {
                return Optional.empty();
            }
        }
        int start = i;
        while (start > 0 && (Character.isJavaIdentifierPart(head.charAt(start - 1)) || head.charAt(start - 1) == '.')) {
            start--;
        }
        String type = head.substring(start, i);
        return isQualifiedName(type) ? Optional.of(type) : Optional.empty();
    }

    /** The parameters' types of {@code String text, java.util.List<String> lines, byte... data}, normalized. */
    private static List<String> paramTypes(String list) {
        List<String> types = new ArrayList<>();
        int depth = 0;
        int start = 0;
        for (int i = 0; i <= list.length(); i++) {
            char c = i < list.length() ? list.charAt(i) : ',';
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == ',' && depth == 0) {
                String param = list.substring(start, i).strip();
                if (!param.isEmpty()) {
                    String type = withoutName(param);
                    types.add(normalizeType(type));
                }
                start = i + 1;
            }
        }
        return types;
    }

    /** {@code String text} → {@code String}; {@code Map<K, V> m} → {@code Map<K, V>}; a bare type stays. */
    private static String withoutName(String param) {
        String s = stripTypeParameters(param).strip();
        int space = s.lastIndexOf(' ');
        if (space < 0) {
            return param;
        }
        return param.substring(0, param.length() - (s.length() - space)).strip();
    }

    /**
     * A type as an index key: no generics, no package or outer-class qualifier, varargs as an array, no
     * spaces: {@code java.util.List<String>} → {@code List}, {@code byte...} → {@code byte[]}.
     */
    static String normalizeType(String type) {
        String s = stripTypeParameters(type).replace("...", "[]").replaceAll("\\s+", "");
        int dims = s.indexOf('[');
        String base = dims < 0 ? s : s.substring(0, dims);
        String arrays = dims < 0 ? "" : s.substring(dims);
        return base.substring(base.lastIndexOf('.') + 1) + arrays;
    }

    private static String stripTypeParameters(String s) {
        StringBuilder out = new StringBuilder();
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '<') {
                depth++;
            } else if (c == '>') {
                depth--;
            } else if (depth == 0) {
                out.append(c);
            }
        }
        return out.toString();
    }

    /** Whether {@code s} has a space outside brackets: a method's return type before its class. */
    private static boolean containsTopLevelSpace(String s) {
        int depth = 0;
        String t = s.strip();
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c == '<' || c == '(') {
                depth++;
            } else if (c == '>' || c == ')') {
                depth--;
            } else if (c == ' ' && depth == 0 && !(i > 0 && t.charAt(i - 1) == '>' && t.charAt(0) == '<')) {
                return true;
            }
        }
        return false;
    }

    private static boolean isQualifiedName(String s) {
        if (s.isEmpty() || s.startsWith(".") || s.endsWith(".") || s.contains("..")) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '.' && !Character.isJavaIdentifierPart(c)) {
                return false;
            }
        }
        return Character.isJavaIdentifierStart(s.charAt(0));
    }

    /** The index of the bracket opening the one that closes at {@code close}, or -1. */
    private static int matchingOpen(String s, int close) {
        char closing = s.charAt(close);
        char opening = closing == ')' ? '(' : '<';
        int depth = 0;
        for (int i = close; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == closing) {
                depth++;
            } else if (c == opening && --depth == 0) {
                return i;
            }
        }
        return -1;
    }
}
