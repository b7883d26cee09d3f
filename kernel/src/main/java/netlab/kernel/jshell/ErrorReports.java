package netlab.kernel.jshell;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Pattern;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShellException;
import jdk.jshell.UnresolvedReferenceException;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.text.ExceptionExplanation;
import netlab.text.Lang;
import netlab.text.TerminalWidth;
import netlab.text.Text;

/**
 * Turns JShell's diagnostics and exceptions into {@link ExecuteOutcome.Failure}s that point at the cell's
 * own lines and columns — never at JShell's wrapper classes — worded in the student's language; javac's and the
 * JDK's own text stays, below a sentence that explains the mistakes beginners make most ({@link CompileExplainer},
 * {@link ExceptionExplanation}).
 */
final class ErrorReports {

    /**
     * A compile diagnostic already mapped to a cell offset.
     *
     * @param code    javac's diagnostic code ({@code compiler.err.cant.resolve.location}), or
     *                {@link CompileExplainer#INCOMPLETE}
     * @param message javac's message in English, which {@link CompileExplainer} reads names and tokens from
     * @param shown   javac's message in the student's language, which the student reads (javac words its own
     *                diagnostics in Chinese: {@code 找不到符号}), below our sentence or alone where none is written
     */
    record CellDiagnostic(int offset, String code, String message, String shown) {

        /** A diagnostic whose text reads the same in every language (one made here, not by javac). */
        CellDiagnostic(int offset, String code, String message) {
            this(offset, code, message, message);
        }

        /** JShell's diagnostic {@code d} at cell {@code offset}, worded for a student reading {@code lang}. */
        static CellDiagnostic of(Diag d, int offset, Lang lang) {
            String english = d.getMessage(Locale.ENGLISH);
            return new CellDiagnostic(offset, d.getCode(), english,
                    lang == Lang.EN ? english : d.getMessage(lang.locale()));
        }
    }

    /** javac's codes for one character it does not read, which it reports once for each character of a run. */
    private static final Set<String> PER_CHARACTER = Set.of("compiler.err.illegal.char",
            "compiler.err.illegal.nonascii.digit");

    /** The name a cell's compile error goes by. */
    static final String COMPILATION_ERROR = "CompilationError";

    /**
     * JShell's wrapper around a name in the JDK's text: {@code REPL.$JShell$8.s} is the variable {@code s},
     * {@code REPL.$JShell$12$Point} the class {@code Point} ({@code $JShell$netlabValue7}: {@link DirectRun}'s).
     */
    private static final Pattern WRAPPER = Pattern.compile("(REPL\\.)?\\$JShell\\$\\w+[.$]");

    private ErrorReports() {
    }

    /**
     * A compile error: each diagnostic with its line and column in {@code source}, a sentence that explains it
     * (when {@code explainer} has one), javac's text, the source line and a caret.
     */
    static ExecuteOutcome.Failure compileError(String cell, List<CellDiagnostic> diagnostics,
                                               CompileExplainer explainer, CodeSource source) {
        List<String> traceback = new ArrayList<>();
        String first = null;
        int runStart = -1; // the run of full-width characters said last: javac reports each of them
        int runEnd = -1;
        for (CellDiagnostic d : diagnostics) {
            boolean perCharacter = PER_CHARACTER.contains(d.code()) && d.offset() >= 0 && d.offset() < cell.length();
            if (perCharacter && d.offset() > runStart && d.offset() < runEnd) {
                continue;
            }
            if (perCharacter) {
                runStart = d.offset();
                runEnd = runStart + CompileExplainer.fullWidthRun(cell, runStart);
            }
            List<String> messageLines = cleanMessage(d.shown());
            String headline = messageLines.isEmpty() ? "error" : messageLines.getFirst();
            Optional<String> explained = explainer.explain(cell, d);
            if (first == null) {
                first = explained.map(e -> messageLines.isEmpty() ? e : e + " (" + headline + ")").orElse(headline);
            }
            Location at = Location.of(cell, d.offset());
            traceback.add(at.headline(explained.orElse(headline), explainer.lang(), source));
            if (explained.isPresent() && !messageLines.isEmpty()) {
                traceback.add("  " + headline);
            }
            for (String more : messageLines.subList(Math.min(1, messageLines.size()), messageLines.size())) {
                traceback.add("  " + more.strip());
            }
            traceback.addAll(at.sourceAndCaret("    "));
        }
        return new ExecuteOutcome.Failure(COMPILATION_ERROR, first == null ? "compilation failed" : first,
                traceback);
    }

    /**
     * {@code failure}, a compile error of a cell whose lines 1 to {@code lastRan} already ran (JShell runs a cell
     * snippet by snippet), with a line saying so: a student who knows javac takes a compile error for "nothing ran",
     * and the socket line 2 opened was still open when the fixed cell bound again.
     */
    static ExecuteOutcome.Failure afterLinesRan(ExecuteOutcome.Failure failure, int lastRan, Lang lang,
                                                CodeSource source) {
        List<String> traceback = new ArrayList<>(failure.traceback());
        traceback.add(source.ranBefore(lang, lastRan));
        return new ExecuteOutcome.Failure(failure.ename(), failure.evalue(), traceback);
    }

    /**
     * {@code sentence} at cell {@code offset}, as a compile error reads: "cell line 3, column 12: ...", the line
     * and a caret under the column, indented for a note.
     */
    static List<String> located(String cell, int offset, String sentence, Lang lang, CodeSource source) {
        Location at = Location.of(cell, offset);
        List<String> lines = new ArrayList<>();
        lines.add("  " + at.headline(sentence, lang, source));
        lines.addAll(at.sourceAndCaret("      "));
        return lines;
    }

    /** A cell offset as the student sees it: its line (from 1), its column (from 0) and the line's text. */
    record Location(int line, int column, String source) {

        /** Characters shown each side of the column in a long line. */
        static final int AROUND = 60;

        static Location of(String cell, int offset) {
            int lineStart = offset == 0 ? 0 : cell.lastIndexOf('\n', Math.max(0, offset - 1)) + 1;
            int lineEnd = cell.indexOf('\n', lineStart);
            return new Location(SnippetOrigins.lineOf(cell, offset), Math.max(0, offset - lineStart),
                    cell.substring(lineStart, lineEnd < 0 ? cell.length() : lineEnd));
        }

        String headline(String text, Lang lang, CodeSource source) {
            return source.at(lang, line, column + 1, text);
        }

        /**
         * The line and a caret under the column; of a long line (a pasted constant: one of 300,000 characters was
         * printed whole, under every error on it) the {@link #AROUND} characters each side of the column, the cut
         * ends marked {@code …}.
         */
        List<String> sourceAndCaret(String indent) {
            if (source.length() <= 2 * AROUND + 2) {
                return List.of(indent + source, indent + caretPad(source, column) + "^");
            }
            int from = Math.max(0, Math.min(column, source.length()) - AROUND);
            int to = Math.min(source.length(), from + 2 * AROUND);
            from = Character.isLowSurrogate(source.charAt(from)) ? from - 1 : from; // never half a character
            to = to < source.length() && Character.isLowSurrogate(source.charAt(to)) ? to + 1 : to;
            String before = from > 0 ? "…" : "";
            String shown = before + source.substring(from, to) + (to < source.length() ? "…" : "");
            return List.of(indent + shown, indent + caretPad(shown, column - from + before.length()) + "^");
        }
    }

    /**
     * How javac's English and Chinese texts say where a name was looked for, and the wrapper's kind when JShell's
     * top level leaves its name blank: {@code location: class}, {@code 位置: 类}.
     */
    private static final Set<String> LOCATION = Set.of("location:", "位置:");
    private static final Set<String> BLANK_WRAPPER = Set.of("location: class", "位置: 类");
    /**
     * How javac's English and Chinese texts name the method JShell wraps a cell's statements in, and what a student
     * calls it: "variable i is already defined in method do_it$()" reads "… in this cell".
     */
    private static final Map<String, String> WRAPPER_METHOD = Map.of("in method do_it$()", "in this cell",
            "在方法 do_it$()中", "在这个单元格中");

    /** The message lines worth showing: JShell's wrapper class names are noise to a student. */
    private static List<String> cleanMessage(String message) {
        List<String> lines = new ArrayList<>();
        for (String l : message.split("\n")) {
            String s = l.strip();
            // JShell's wrapper class, named or (in a cell's top level) left blank
            if (s.isEmpty() || (LOCATION.stream().anyMatch(s::startsWith)
                    && (s.contains("$JShell$") || BLANK_WRAPPER.contains(s)))) {
                continue;
            }
            String line = l.stripTrailing();
            for (Map.Entry<String, String> wrapper : WRAPPER_METHOD.entrySet()) {
                line = line.replace(wrapper.getKey(), wrapper.getValue());
            }
            lines.add(line);
        }
        return lines;
    }

    /**
     * Blanks as wide as the source up to {@code column}, so the caret lines up: the source's own tabs, an
     * ideographic space (U+3000) under each Chinese character or full-width mark (they take two columns in a
     * terminal and a CJK font's width in a notebook, as U+3000 does), nothing under a combining mark, a space
     * under anything else. A column is javac's, in chars: a character outside the BMP counts two.
     */
    static String caretPad(String source, int column) {
        StringBuilder pad = new StringBuilder();
        int end = Math.min(column, source.length());
        for (int i = 0; i < end; ) {
            int cp = source.codePointAt(i);
            int width = TerminalWidth.columns(cp);
            pad.append(cp == '\t' ? "\t" : width == 2 ? "\u3000" : width == 1 ? " " : "");
            i += Character.charCount(cp);
        }
        pad.append(" ".repeat(Math.max(0, column - source.length())));
        return pad.toString();
    }

    /**
     * A runtime exception with its causes, showing only the student's frames, as cell lines; the exception itself
     * with a sentence that explains it when {@link ExceptionExplanation} has one, in {@code lang}: its own, or,
     * for a wrapper made of its cause alone ({@code new RuntimeException(e)}), its cause's; not the cause's of one
     * with words of its own (a library that wraps one has said what it means).
     */
    static ExecuteOutcome.Failure runtimeError(JShellException exception, SnippetOrigins origins, long cell,
                                               Lang lang) {
        String ename = exceptionName(exception);
        String message = exceptionMessage(exception, lang);
        Optional<String> explained = explanation(exception, lang);
        String evalue = explained.map(e -> message == null ? e : e + " (" + message + ")")
                .orElse(message == null ? "" : message);
        // a wrapper made of its cause has the cause's words as its message: the traceback says them once, on the
        // cause's line; the one-line evalue keeps them
        String shown = madeOfItsCause(exception, lang) ? null : message;
        List<String> traceback = new ArrayList<>();
        traceback.add(ename + explained.or(() -> Optional.ofNullable(shown)).map(h -> ": " + h).orElse(""));
        if (explained.isPresent() && shown != null) {
            traceback.add("  " + shown);
        }
        addFrames(traceback, exception, origins, cell, lang);
        for (Throwable t = exception.getCause(); t != null; t = t.getCause()) {
            traceback.add(Text.in(lang, "kernel.caused.by") + ": " + headline(t, lang));
            addFrames(traceback, t, origins, cell, lang);
        }
        return new ExecuteOutcome.Failure(ename, evalue, traceback);
    }

    /** The sentence for {@code t}, or for what a wrapper made of its cause alone wraps; see {@link #runtimeError}. */
    private static Optional<String> explanation(Throwable t, Lang lang) {
        for (Throwable x = t; x != null; x = madeOfItsCause(x, lang) ? x.getCause() : null) {
            Optional<String> meaning = ExceptionExplanation.of(exceptionName(x), exceptionMessage(x, lang),
                    x.getStackTrace()).map(m -> m.in(lang));
            if (meaning.isPresent()) {
                return meaning;
            }
        }
        return Optional.empty();
    }

    /**
     * Whether {@code t}'s message is its cause's headline, as {@code Throwable(Throwable)} makes it
     * ({@code new ExecutionException(cause)}, {@code new RuntimeException(e)}). Compared as data, never read.
     */
    private static boolean madeOfItsCause(Throwable t, Lang lang) {
        return t.getCause() != null && t.getCause() != t
                && headline(t.getCause(), lang).equals(exceptionMessage(t, lang));
    }

    /** {@code t} as its {@code toString()} reads, with the student's names: its class, then its message if any. */
    private static String headline(Throwable t, Lang lang) {
        String message = exceptionMessage(t, lang);
        return exceptionName(t) + (message == null ? "" : ": " + message);
    }

    private static void addFrames(List<String> traceback, Throwable t, SnippetOrigins origins, long cell, Lang lang) {
        int hidden = 0;
        String previous = null;
        int repeats = 0;
        StackTraceElement below = null;
        for (StackTraceElement frame : t.getStackTrace()) {
            // JShell's do_it$ calling the do_it$Aux it wrote for a var's initializer: one place, shown once
            boolean wrapperCall = below != null && isTopLevel(below) && isTopLevel(frame);
            below = frame;
            String where = describe(frame, origins, cell, lang);
            if (wrapperCall) {
                continue;
            } else if (where == null) {
                hidden++;
            } else if (where.equals(previous)) {
                repeats++; // deep recursion: one line, not a thousand
            } else {
                addRepeats(traceback, repeats, lang);
                repeats = 0;
                previous = where;
                traceback.add("    at " + where);
            }
        }
        addRepeats(traceback, repeats, lang);
        if (hidden > 0 && traceback.getLast().startsWith("    at ")) {
            traceback.add("    " + Text.in(lang, "kernel.frames.hidden", hidden));
        }
    }

    /**
     * A frame of a cell's own top level: JShell's {@code do_it$} (whose name JShell's report leaves empty) or the
     * {@code do_it$Aux} it calls.
     */
    private static boolean isTopLevel(StackTraceElement frame) {
        return frame.getFileName() != null && frame.getFileName().startsWith("#")
                && (frame.getMethodName().isEmpty() || frame.getMethodName().startsWith(DirectRun.DO_IT));
    }

    private static void addRepeats(List<String> traceback, int repeats, Lang lang) {
        if (repeats > 0) {
            traceback.add("    " + Text.in(lang, "kernel.repeats", repeats));
        }
    }

    private static String exceptionName(Throwable t) {
        if (t instanceof EvalException e) {
            return withStudentNames(e.getExceptionClassName()); // a cell's class: its own name
        }
        if (t instanceof UnresolvedReferenceException) {
            return "UnresolvedReference";
        }
        return t.getClass().getName();
    }

    private static String exceptionMessage(Throwable t, Lang lang) {
        if (t instanceof UnresolvedReferenceException u) {
            return Text.in(lang, "kernel.unresolved.run", u.getSnippet().source().strip().lines().findFirst().orElse(""));
        }
        return withStudentNames(t.getMessage());
    }

    /** The JDK's {@code text} with the student's names where it names JShell's wrapper classes; null stays null. */
    static String withStudentNames(String text) {
        return text == null ? null : WRAPPER.matcher(text).replaceAll("");
    }

    /** "greet (cell line 4)", "cell line 6", or null for frames that are not the student's. */
    static String describe(StackTraceElement frame, SnippetOrigins origins, long cell, Lang lang) {
        String file = frame.getFileName();
        if (file == null || !file.startsWith("#")) {
            return null;
        }
        SnippetOrigins.Origin origin = origins.of(file.substring(1));
        String place;
        if (origin == null || frame.getLineNumber() < 1) {
            place = Text.in(lang, "kernel.place.earlier");
        } else {
            int line = origin.firstLine() + frame.getLineNumber() - 1;
            if (origin.source() instanceof CodeSource.Loaded || origin.cell() == cell) {
                place = origin.source().line(lang, line); // a loaded file's line reads the same from any cell
            } else {
                place = numberedLine(origins, origin, line, lang)
                        .orElseGet(() -> Text.in(lang, "kernel.place.earlier.line", line));
            }
        }
        String method = methodName(frame, lang);
        return method == null ? place : method + " (" + place + ")";
    }

    /** "line 2 of cell [4]": {@code line} of {@code origin}'s cell, if the notebook showed a number beside it. */
    static Optional<String> numberedLine(SnippetOrigins origins, SnippetOrigins.Origin origin, int line, Lang lang) {
        OptionalInt number = origins.numberOf(origin.cell());
        return number.isEmpty() ? Optional.empty()
                : Optional.of(Text.in(lang, "kernel.place.numbered.line", number.getAsInt(), line));
    }

    private static String methodName(StackTraceElement frame, Lang lang) {
        String m = frame.getMethodName();
        if (m.isEmpty() || m.startsWith(DirectRun.DO_IT)) {
            return null; // the cell's own top level
        }
        // JShell has already cut its wrapper class names down to the student's ("" at top level).
        String cls = frame.getClassName();
        int marker = cls.indexOf("$JShell$");
        String owner = cls.isEmpty() ? null : cls.replace('$', '.');
        if (marker >= 0) {
            int nested = cls.indexOf('$', marker + "$JShell$".length());
            owner = nested >= 0 ? cls.substring(nested + 1).replace('$', '.') : null;
        }
        if (owner != null) { // an anonymous class is numbered ("1", "Greeter.1"): its method reads as its owner's
            owner = owner.replaceAll("(^|\\.)\\d+(?=\\.|$)", "").replaceFirst("^\\.", "");
            owner = owner.isEmpty() ? null : owner;
        }
        if (m.startsWith("lambda$")) {
            String[] parts = m.split("\\$");
            // a lambda of a cell's top level: its place (this cell's line, an earlier cell's) says where
            m = parts.length > 1 && !parts[1].equals("do_it") ? Text.in(lang, "kernel.lambda.in", parts[1]) : "lambda";
        } else if (m.equals("<init>")) {
            m = "new " + (owner == null ? "" : owner);
            owner = null;
        }
        return owner == null ? m : owner + "." + m;
    }
}
