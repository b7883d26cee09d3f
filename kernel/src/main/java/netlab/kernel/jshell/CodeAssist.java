package netlab.kernel.jshell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import jdk.jshell.JShell;
import jdk.jshell.SourceCodeAnalysis;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import netlab.kernel.engine.Completion;
import netlab.kernel.engine.IsComplete;
import netlab.kernel.engine.MimeBundle;

/**
 * Completion, documentation and completeness for the front end, from JShell's {@link SourceCodeAnalysis}.
 * Offsets at this interface are code points (Jupyter's); JShell counts chars.
 */
final class CodeAssist {

    private static final Set<String> KEYWORDS = Set.of("abstract", "assert", "boolean", "break", "byte", "case",
            "catch", "char", "class", "const", "continue", "default", "do", "double", "else", "enum", "extends",
            "final", "finally", "float", "for", "goto", "if", "implements", "import", "instanceof", "int",
            "interface", "long", "native", "new", "package", "private", "protected", "public", "return", "short",
            "static", "strictfp", "super", "switch", "synchronized", "this", "throw", "throws", "transient", "try",
            "void", "volatile", "while", "var", "record", "yield", "true", "false", "null", "sealed", "permits");

    /**
     * Method completions get signatures from {@link SourceCodeAnalysis#documentation}, one call per method
     * name, which for a JDK method parses its class's source for the parameter names (Math.java: ~15 ms).
     * So signatures are computed for the first few names only, not once the budget is spent, and kept until
     * the next cell runs: measured through jupyter_client, {@code Math.ma} completion p50 went from 14.5 ms
     * (no signatures) to 31.5 ms computing its signature every time, and is back to the former with the cache.
     */
    private static final int SIGNED_NAMES = 12;
    private static final long SIGNATURE_BUDGET_NANOS = 10_000_000;
    private static final int SIGNATURES_KEPT = 2_000;

    private final JShell shell;
    private final SourceCodeAnalysis analysis;
    private final LessonsJavadoc lessons;
    private final java.util.function.Supplier<netlab.text.Lang> language;
    private final StatementClassifier syntax = new StatementClassifier();
    /**
     * Signatures by the language, qualifier and name they complete ({@code "zh|Math.|max"}), until
     * {@link #forgetSignatures}.
     */
    private final Map<String, String> signatures = new ConcurrentHashMap<>();

    /**
     * Completion and inspection in {@code shell}, with the course library's javadoc from {@code lessons}, in the
     * student's {@code language} (its Chinese text above the English one in a Chinese session).
     */
    CodeAssist(JShell shell, LessonsJavadoc lessons, java.util.function.Supplier<netlab.text.Lang> language) {
        this.shell = shell;
        this.analysis = shell.sourceCodeAnalysis();
        this.lessons = lessons;
        this.language = language;
    }

    Completion complete(String code, int cursor) {
        int charCursor = toChars(code, cursor);
        int[] anchor = new int[1];
        List<SourceCodeAnalysis.Suggestion> suggestions = analysis.completionSuggestions(code, charCursor, anchor);
        Set<String> seen = new LinkedHashSet<>();
        List<Completion.Match> matches = new ArrayList<>();
        List<Completion.Match> others = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s : suggestions) {
            String text = s.continuation();
            if (!seen.add(text)) {
                continue;
            }
            Completion.Match m = new Completion.Match(text, typeOf(code, anchor[0], text), "");
            (s.matchesType() ? matches : others).add(m);
        }
        matches.addAll(others);
        return new Completion(toCodePoints(code, anchor[0]), cursor, withSignatures(code, anchor[0], matches));
    }

    /**
     * The names that complete {@code prefix} at {@code offset} of {@code code} (variables, methods, classes,
     * members after a dot), as JShell's completion sees them: for "did you mean" after a compile error.
     */
    List<String> namesAt(String code, int offset, String prefix) {
        String text = code.substring(0, Math.min(Math.max(offset, 0), code.length())) + prefix;
        List<String> names = new ArrayList<>();
        for (SourceCodeAnalysis.Suggestion s : analysis.completionSuggestions(text, text.length(), new int[1])) {
            names.add(s.continuation());
        }
        return names;
    }

    /**
     * Gives method matches their signature, {@code send(String text, String host, int port)}, with
     * {@code (+2 overloads)} when there are more.
     */
    private List<Completion.Match> withSignatures(String code, int anchor, List<Completion.Match> matches) {
        long deadline = System.nanoTime() + SIGNATURE_BUDGET_NANOS;
        int signed = 0;
        String qualifier = qualifierBefore(code, anchor);
        List<Completion.Match> result = new ArrayList<>(matches.size());
        for (Completion.Match m : matches) {
            if (m.type().equals("method")) {
                String name = m.text().substring(0, m.text().indexOf('('));
                String key = language.get().tag() + "|" + qualifier + "|" + name; // %lang changes the overload note
                String signature = signatures.get(key);
                if (signature == null && signed < SIGNED_NAMES && System.nanoTime() < deadline) {
                    signed++;
                    signature = signatureOf(code.substring(0, anchor) + name + "(", name);
                    if (signatures.size() >= SIGNATURES_KEPT) {
                        signatures.clear();
                    }
                    signatures.put(key, signature);
                }
                if (signature != null && !signature.isEmpty()) {
                    m = new Completion.Match(m.text(), m.type(), signature);
                }
            }
            result.add(m);
        }
        return result;
    }

    /** Forgets the signatures completions showed: a cell may redeclare a variable or method. */
    void forgetSignatures() {
        signatures.clear();
    }

    /** {@code name(params)} with {@code (+n overloads)}, or "" when JShell has none for {@code call}. */
    private String signatureOf(String call, String name) {
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(call, call.length(), false);
        if (docs.isEmpty()) {
            return "";
        }
        return memberSignature(docs.getFirst().signature(), name)
                + (docs.size() > 1 ? " " + netlab.text.Text.in(language.get(), "assist.overloads", docs.size() - 1) : "");
    }

    /** The expression a completion continues, {@code Math.} in {@code int m = Math.ma}; "" when unqualified. */
    static String qualifierBefore(String code, int anchor) {
        int i = anchor;
        while (i > 0) {
            char c = code.charAt(i - 1);
            if (Identifiers.partBefore(code, i) || c == '.') {
                i = Identifiers.start(code, i, true);
            } else if (c == ')' || c == ']') {
                int depth = 0;
                do {
                    char d = code.charAt(--i);
                    depth += d == ')' || d == ']' ? 1 : d == '(' || d == '[' ? -1 : 0;
                } while (i > 0 && depth > 0);
            } else {
                break;
            }
        }
        return code.substring(i, anchor);
    }

    /**
     * A signature as Java spells it: JShell writes a record's components after its name wherever the record
     * appears, {@code Ipv4 Ipv4(int bits).parse(String text)} for {@code Ipv4 Ipv4.parse(String text)} and
     * {@code Ipv4(int bits)(int bits)} for the record's constructor {@code Ipv4(int bits)}.
     */
    static String readable(String signature) {
        return RECORD_HEADER.matcher(signature).replaceAll("$1");
    }

    /** A name, then a parenthesised list, then '.' or '(': a record's header inside a signature. */
    private static final java.util.regex.Pattern RECORD_HEADER =
            java.util.regex.Pattern.compile("([\\p{javaJavaIdentifierPart}>])\\([^()]*\\)(?=[.(])");

    /** {@code int Udp.send(String text, String host, int port)} → {@code send(String text, String host, int port)}. */
    static String memberSignature(String signature, String name) {
        int open = signature.lastIndexOf(name + "(");
        return open < 0 ? signature : signature.substring(open);
    }

    private static String typeOf(String code, int anchor, String text) {
        if (text.endsWith("(") || text.endsWith("()")) {
            return "method";
        }
        if (text.endsWith(".")) {
            return "package"; // JShell completes packages as "util."
        }
        if (KEYWORDS.contains(text)) {
            return "keyword";
        }
        boolean qualified = anchor > 0 && code.charAt(anchor - 1) == '.';
        boolean constant = text.length() > 1
                && text.chars().allMatch(c -> Character.isUpperCase(c) || c == '_' || Character.isDigit(c));
        if (!text.isEmpty() && Character.isUpperCase(text.charAt(0)) && !(constant && qualified)) {
            return constant ? "variable" : "class";
        }
        if (qualified) {
            return isPackagePrefix(code, anchor) ? "package" : "field";
        }
        return "variable";
    }

    /** Whether the qualifier before the dot looks like a package name: {@code java.}, {@code java.util.}. */
    private static boolean isPackagePrefix(String code, int dot) {
        int i = dot - 1;
        while (i >= 0 && (Character.isJavaIdentifierPart(code.charAt(i)) || code.charAt(i) == '.')) {
            if (Character.isUpperCase(code.charAt(i))) {
                return false;
            }
            i--;
        }
        return i < dot - 1;
    }

    /**
     * Signatures and javadoc of the name at or just before {@code cursor}, as text/plain and text/markdown.
     * JShell reads javadoc from the JDK's {@code lib/src.zip} only; the lessons' javadoc comes from
     * {@link LessonsJavadoc}. Detail level 0 shows a JDK comment's first paragraph and a lessons comment
     * whole (they are short, and their example is what a student needs); level 1 shows everything.
     */
    Optional<MimeBundle> inspect(String code, int cursor, int detailLevel) {
        int at = toChars(code, cursor);
        // JShell documents the name the cursor is in or after; move to the end of the identifier.
        at = Identifiers.end(code, at);
        List<SourceCodeAnalysis.Documentation> docs = analysis.documentation(code, at, true);
        if (docs.isEmpty() && Identifiers.partBefore(code, at)) {
            String call = code.substring(0, at) + "(";
            docs = analysis.documentation(call, call.length(), true);
        }
        if (docs.isEmpty()) {
            return Optional.empty();
        }
        StringBuilder plain = new StringBuilder();
        StringBuilder markdown = new StringBuilder();
        for (SourceCodeAnalysis.Documentation d : docs) {
            if (!plain.isEmpty()) {
                plain.append("\n\n");
                markdown.append("\n\n---\n\n");
            }
            String signature = readable(d.signature());
            plain.append(signature);
            markdown.append("```java\n").append(signature).append("\n```");
            Optional<JavadocText> text = javadocOf(d);
            if (text.isPresent()) {
                boolean whole = detailLevel > 0 || d.javadoc() == null || d.javadoc().isBlank();
                plain.append("\n").append(whole ? text.get().plain() : firstParagraph(text.get().plain()));
                markdown.append("\n\n").append(whole ? text.get().markdown() : firstParagraph(text.get().markdown()));
            }
        }
        return Optional.of(new MimeBundle(Map.of("text/plain", plain.toString(), "text/markdown", markdown.toString()),
                Map.of()));
    }

    /**
     * The JDK's comment as JShell found it, else the lessons' own, unless the student declared that class in the
     * session: JShell prints the same signature for a student's {@code Server.start()} as for the library's.
     */
    private Optional<JavadocText> javadocOf(SourceCodeAnalysis.Documentation d) {
        String javadoc = d.javadoc();
        if (javadoc != null && !javadoc.isBlank()) {
            return JavadocText.ofComment(javadoc);
        }
        return DocTarget.parse(d.signature())
                .filter(t -> !declaredInSession(t.type().split("\\.", 2)[0]))
                .map(this::qualified)
                .flatMap(t -> lessons.find(t, language.get()));
    }

    /**
     * {@code target} with its simple class name qualified when two lessons classes share it: JShell prints
     * {@code void Check.routeNextHop(...)} for {@code netlab.course.Check}'s method, and names the class the
     * session means ({@code netlab.course.Check}, which every notebook imports) when asked about the name alone.
     */
    private DocTarget qualified(DocTarget target) {
        String[] parts = target.type().split("\\.", 2);
        if (!lessons.ambiguous(parts[0])) {
            return target;
        }
        return analysis.documentation(parts[0], parts[0].length(), false).stream()
                .flatMap(d -> DocTarget.parse(d.signature()).stream())
                .map(DocTarget::type)
                .filter(type -> type.endsWith("." + parts[0]))
                .findFirst()
                .map(type -> new DocTarget(type + (parts.length > 1 ? "." + parts[1] : ""), target.member(), target.params()))
                .orElse(target);
    }

    /** Whether the student declared a class, interface, record or enum named {@code simpleName} in the session. */
    private boolean declaredInSession(String simpleName) {
        return shell.types().anyMatch(t -> t.name().equals(simpleName) && shell.status(t).isActive());
    }

    private static String firstParagraph(String text) {
        int blank = text.indexOf("\n\n");
        return blank < 0 ? text : text.substring(0, blank);
    }

    IsComplete isComplete(String code) {
        if (code.isBlank()) {
            return IsComplete.of(IsComplete.Status.COMPLETE);
        }
        String rest = code;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            Completeness c = info.completeness();
            switch (c) {
                case EMPTY -> {
                    return IsComplete.of(IsComplete.Status.COMPLETE);
                }
                case DEFINITELY_INCOMPLETE, CONSIDERED_INCOMPLETE -> {
                    return new IsComplete(IsComplete.Status.INCOMPLETE, indentFor(code));
                }
                case UNKNOWN -> {
                    return IsComplete.of(IsComplete.Status.INVALID);
                }
                case COMPLETE, COMPLETE_WITH_SEMI -> {
                    if (!parses(info.source())) {
                        return IsComplete.of(IsComplete.Status.INVALID);
                    }
                    if (rest.equals(info.remaining())) {
                        return IsComplete.of(IsComplete.Status.UNKNOWN);
                    }
                    rest = info.remaining();
                }
            }
        }
        return IsComplete.of(IsComplete.Status.COMPLETE);
    }

    /**
     * Whether {@code source} parses (without running or resolving names): analyzeCompletion alone calls
     * some invalid code complete, and JShell's sourceToSnippets also rejects code that merely uses names
     * not declared yet.
     */
    private boolean parses(String source) {
        return syntax.parses(source);
    }

    /** Four spaces per unclosed brace, paren or bracket (ignoring strings and comments). */
    static String indentFor(String code) {
        int depth = 0;
        boolean inString = false;
        boolean inChar = false;
        boolean lineComment = false;
        boolean blockComment = false;
        for (int i = 0; i < code.length(); i++) {
            char c = code.charAt(i);
            char next = i + 1 < code.length() ? code.charAt(i + 1) : 0;
            if (lineComment) {
                lineComment = c != '\n';
            } else if (blockComment) {
                if (c == '*' && next == '/') {
                    blockComment = false;
                    i++;
                }
            } else if (inString || inChar) {
                if (c == '\\') {
                    i++;
                } else if ((inString && c == '"') || (inChar && c == '\'')) {
                    inString = false;
                    inChar = false;
                }
            } else if (c == '/' && next == '/') {
                lineComment = true;
            } else if (c == '/' && next == '*') {
                blockComment = true;
            } else if (c == '"') {
                inString = true;
            } else if (c == '\'') {
                inChar = true;
            } else if (c == '{' || c == '(' || c == '[') {
                depth++;
            } else if (c == '}' || c == ')' || c == ']') {
                depth = Math.max(0, depth - 1);
            }
        }
        return " ".repeat(4 * depth);
    }

    static int toChars(String code, int codePoints) {
        try {
            return code.offsetByCodePoints(0, Math.max(0, codePoints));
        } catch (IndexOutOfBoundsException e) {
            return code.length();
        }
    }

    static int toCodePoints(String code, int chars) {
        return code.codePointCount(0, Math.min(Math.max(0, chars), code.length()));
    }
}
