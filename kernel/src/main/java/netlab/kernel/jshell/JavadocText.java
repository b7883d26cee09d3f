package netlab.kernel.jshell;

import com.sun.source.doctree.DocCommentTree;
import com.sun.source.doctree.DocTree;
import com.sun.source.doctree.EndElementTree;
import com.sun.source.doctree.EntityTree;
import com.sun.source.doctree.LinkTree;
import com.sun.source.doctree.LiteralTree;
import com.sun.source.doctree.ParamTree;
import com.sun.source.doctree.ReturnTree;
import com.sun.source.doctree.SeeTree;
import com.sun.source.doctree.StartElementTree;
import com.sun.source.doctree.TextTree;
import com.sun.source.doctree.SummaryTree;
import com.sun.source.doctree.ThrowsTree;
import com.sun.source.doctree.ValueTree;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A javadoc comment as a student reads it in the inspector: plain text (examples indented, {@code {@code x}}
 * as {@code x}) and Markdown (examples in fenced {@code java} blocks). Knows the tags the course library
 * uses: paragraphs, {@code <pre>{@code ...}</pre>} examples, lists, {@code {@code}}, {@code {@link}},
 * {@code @param}, {@code @return}, {@code @throws} and {@code @see}.
 */
record JavadocText(String plain, String markdown) {

    private static final Map<String, String> ENTITIES = Map.of("lt", "<", "gt", ">", "amp", "&", "quot", "\"",
            "nbsp", " ", "apos", "'");

    static JavadocText of(DocCommentTree comment) {
        Writer plain = new Writer(false);
        Writer markdown = new Writer(true);
        for (Writer w : List.of(plain, markdown)) {
            w.body(comment.getFullBody());
            w.blockTags(comment.getBlockTags());
        }
        return new JavadocText(plain.result(), markdown.result());
    }

    /**
     * Renders a comment's text as JShell returns it for JDK members (the text between the comment's
     * delimiters), by parsing it as the comment of an empty class.
     */
    static Optional<JavadocText> ofComment(String javadoc) {
        synchronized (RENDERED) {
            JavadocText known = RENDERED.get(javadoc);
            if (known != null) {
                return Optional.of(known);
            }
        }
        String source = "/**\n" + javadoc.replace("*/", "*&#47;") + "\n*/\nclass JavadocText {}\n";
        Optional<JavadocText> text = Optional.ofNullable(LessonsJavadoc.parse(source, "JavadocText").get("JavadocText"));
        text.ifPresent(t -> {
            synchronized (RENDERED) {
                RENDERED.put(javadoc, t);
            }
        });
        return text;
    }

    /** JDK comments rendered lately: a parse costs a few ms, and a student inspects the same names again. */
    private static final Map<String, JavadocText> RENDERED = new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, JavadocText> eldest) {
            return size() > 64;
        }
    };

    /** Renders one comment in one of the two formats. */
    private static final class Writer {
        private final boolean markdown;
        private final StringBuilder out = new StringBuilder();
        private boolean inPre;

        Writer(boolean markdown) {
            this.markdown = markdown;
        }

        void body(List<? extends DocTree> trees) {
            for (DocTree t : trees) {
                inline(t);
            }
        }

        private void inline(DocTree t) {
            switch (t) {
                case TextTree text -> prose(text.getBody());
                case EntityTree entity -> out.append(entity(entity.getName().toString()));
                case LiteralTree literal when t.getKind() == DocTree.Kind.CODE && !inPre && markdown ->
                        out.append('`').append(literal.getBody().getBody()).append('`');
                case LiteralTree literal -> out.append(literal.getBody().getBody());
                case LinkTree link -> out.append(link.getLabel().isEmpty()
                        ? code(reference(link.getReference().getSignature())) : render(link.getLabel()));
                case ValueTree value when value.getReference() != null ->
                        out.append(code(reference(value.getReference().getSignature())));
                case SummaryTree summary -> body(summary.getSummary());
                case StartElementTree start -> startElement(start.getName().toString().toLowerCase());
                case EndElementTree end -> endElement(end.getName().toString().toLowerCase());
                default -> out.append(t.toString());
            }
        }

        /** Prose joins its lines with spaces; at the start of a line it starts without one. */
        private void prose(String text) {
            if (inPre) {
                out.append(text);
                return;
            }
            String joined = text.replaceAll("\\s*\\n\\s*", " ");
            out.append(out.isEmpty() || endsWithNewline() ? joined.stripLeading() : joined);
        }

        private static String entity(String name) {
            if (name.startsWith("#")) {
                try {
                    int code = name.startsWith("#x") || name.startsWith("#X")
                            ? Integer.parseInt(name.substring(2), 16) : Integer.parseInt(name.substring(1));
                    return Character.toString(code);
                } catch (IllegalArgumentException e) {
                    return "&" + name + ";";
                }
            }
            return ENTITIES.getOrDefault(name, "&" + name + ";");
        }

        private void startElement(String name) {
            switch (name) {
                case "p" -> paragraph();
                case "pre" -> {
                    paragraph();
                    out.append(markdown ? "```java\n" : "");
                    inPre = true;
                }
                case "li" -> {
                    trimTrailingSpaces();
                    out.append(out.isEmpty() || endsWithNewline() ? "" : "\n").append(markdown ? "- " : "  - ");
                }
                case "ul", "ol" -> {
                    trimTrailingSpaces();
                    out.append(out.isEmpty() || endsWithNewline() ? "" : "\n");
                }
                case "br" -> {
                    trimTrailingSpaces();
                    out.append("\n");
                }
                default -> out.append(emphasis(name));
            }
        }

        private void endElement(String name) {
            switch (name) {
                case "pre" -> {
                    inPre = false;
                    trimTrailingSpaces();
                    if (markdown) {
                        out.append(endsWithNewline() ? "" : "\n").append("```");
                    } else {
                        indentLastBlock();
                    }
                    paragraph();
                }
                case "ul", "ol" -> paragraph();
                default -> out.append(emphasis(name));
            }
        }

        /** The Markdown mark that opens and closes {@code <b>}, {@code <i>} or {@code <code>}; "" for plain text or other tags. */
        private String emphasis(String tag) {
            if (!markdown) {
                return "";
            }
            return switch (tag) {
                case "b", "strong" -> "**";
                case "i", "em" -> "*";
                case "code", "tt" -> "`";
                default -> "";
            };
        }

        /** A {@code {@link}} or {@code {@value}} target as a reader writes it: {@code Udp.send}, not {@code Udp#send}. */
        private static String reference(String signature) {
            return signature.replace('#', '.').replaceFirst("^\\.", "");
        }

        private int preStart = -1;

        /** Indents the example just closed by four spaces, so plain text sets it apart from prose. */
        private void indentLastBlock() {
            int start = preStart < 0 ? 0 : preStart;
            String block = out.substring(start).replaceFirst("^\\n+", "");
            out.setLength(start);
            for (String line : block.split("\n", -1)) {
                out.append(line.isBlank() ? "" : "    " + line).append('\n');
            }
            trimTrailingSpaces();
        }

        void blockTags(List<? extends DocTree> tags) {
            String section = "";
            for (DocTree tag : tags) {
                String heading;
                String line;
                switch (tag) {
                    case ParamTree p -> {
                        heading = "Parameters";
                        line = code(p.getName().toString()) + " - " + render(p.getDescription());
                    }
                    case ReturnTree r -> {
                        heading = "Returns";
                        line = render(r.getDescription());
                    }
                    case ThrowsTree t -> {
                        heading = "Throws";
                        line = code(t.getExceptionName().getSignature()) + " - " + render(t.getDescription());
                    }
                    case SeeTree s -> {
                        heading = "See also";
                        line = render(s.getReference());
                    }
                    default -> {
                        continue;
                    }
                }
                if (!heading.equals(section)) {
                    paragraph();
                    out.append(markdown ? "**" + heading + ":**" : heading + ":");
                    section = heading;
                }
                out.append('\n').append(markdown ? "- " : "  ").append(line.strip());
            }
        }

        private String code(String s) {
            return markdown ? "`" + s + "`" : s;
        }

        private String render(List<? extends DocTree> trees) {
            Writer w = new Writer(markdown);
            w.body(trees);
            return w.out.toString().strip();
        }

        private void paragraph() {
            trimTrailingSpaces();
            if (!out.isEmpty()) {
                out.append(endsWithNewline() ? "\n" : "\n\n");
            }
            while (out.length() >= 3 && out.substring(out.length() - 3).equals("\n\n\n")) {
                out.setLength(out.length() - 1);
            }
            preStart = out.length();
        }

        private boolean endsWithNewline() {
            return !out.isEmpty() && out.charAt(out.length() - 1) == '\n';
        }

        private void trimTrailingSpaces() {
            int end = out.length();
            while (end > 0 && out.charAt(end - 1) == ' ') {
                end--;
            }
            out.setLength(end);
        }

        String result() {
            return out.toString().strip();
        }
    }
}
