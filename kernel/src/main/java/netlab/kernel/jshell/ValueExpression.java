package netlab.kernel.jshell;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.VarSnippet;

/**
 * The expression that ends a cell, whose value the notebook shows, evaluated as the initializer of a variable,
 * {@code Object $netlabValue7 = (EXPRESSION);}, rather than as JShell's expression
 * snippet. JShell gives an expression four javac passes over the session's wrapper (the expression's type, the
 * type of the {@code $N} variable it makes for the value, then the analysis and the compile), a declaration
 * with a written type two. JShell alone, C1 only, CPU per cell ending in {@code 1 + 1} with three values kept,
 * median of six rounds of 100: 8.7 ms as an expression, 3.6-4.7 ms as such a declaration.
 *
 * <p>{@link DirectRun} compiles such an expression in one pass and makes no variable at all; this is
 * the way when JShell's internals it needs cannot be reached.
 *
 * <p>What does not compile and define that way is dropped unrun and given to JShell as written, so a student's
 * mistake reads as JShell reports it: a method that returns nothing (whose value cannot initialize a variable),
 * a declaration or statement written without its semicolon, a name not declared yet. An expression that
 * compiles runs once, as JShell runs an expression: what it throws is the student's.
 *
 * <p>The value is a boxed {@code Object}, so it shows as JShell shows an expression's ({@code 2}, {@code "text"},
 * {@code 'c'}, {@code int[2] { 1, 2 }}); only a type the target decides would differ, and a lambda or method
 * reference, which needs one, does not compile this way.
 */
final class ValueExpression {

    /**
     * What every value variable's name starts with; no student names one so, and listings leave them out. Each
     * value gets a name of its own, and {@link TempVariables} drops it before the next cell: a variable declared
     * again under its old name keeps JShell's wrapper class of that name, so forgetting the replaced one's class
     * files ({@link StaleClassFiles}) would forget the new one's too.
     */
    static final String PREFIX = "$netlabValue";
    private static final java.util.concurrent.atomic.AtomicLong COUNT = new java.util.concurrent.atomic.AtomicLong();

    /**
     * Sources that are surely not expressions: a statement's or declaration's keyword first, or a type and a
     * name ({@code String s = ...}). Trying them would only cost a failed compile.
     */
    private static final Pattern NOT_AN_EXPRESSION = Pattern.compile(
            "\\s*(?:(?:import|package|class|interface|enum|record|public|protected|private|static|final|abstract"
                    + "|sealed|non-sealed|var|void|if|for|while|do|switch|try|throw|return|break|continue|synchronized"
                    + "|assert|yield|boolean|byte|char|short|int|long|float|double)\\b|[@{]"
                    + "|[\\p{L}_$][\\p{L}\\p{N}_$.]*(?:<[^=;()]*>)?(?:\\[])*\\s+[\\p{L}_$][\\p{L}\\p{N}_$]*\\s*(?:=|$))");

    private ValueExpression() {
    }

    /**
     * The events of {@code source} evaluated as the value variable's initializer, if it compiled and was defined
     * (it has then run, with or without an exception); empty when the caller should evaluate it as written.
     */
    static Optional<List<SnippetEvent>> evaluate(JShell shell, String source) {
        if (!mayBeExpression(source)) {
            return Optional.empty();
        }
        // the newline keeps a trailing // comment from swallowing the closing parenthesis
        List<SnippetEvent> events = shell.eval("Object " + PREFIX + COUNT.incrementAndGet() + " = (" + source + "\n);");
        for (SnippetEvent e : events) {
            if (e.causeSnippet() == null && isValue(e.snippet())) {
                if (e.status() == Snippet.Status.VALID) {
                    return Optional.of(events);
                }
                if (e.status().isDefined() || e.status() == Snippet.Status.RECOVERABLE_NOT_DEFINED) {
                    // JShell 25 rejects an initializer that names what does not exist yet; were it to keep one
                    // waiting instead, it would run it once the name is declared: never let it
                    shell.drop(e.snippet());
                }
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** False for a source that is surely a statement or a declaration, which it would only cost a failed compile. */
    static boolean mayBeExpression(String source) {
        return !NOT_AN_EXPRESSION.matcher(source).lookingAt();
    }

    /** Whether {@code s} is a value variable, which a notebook shows as the cell's value and never lists. */
    static boolean isValue(Snippet s) {
        return s instanceof VarSnippet v && v.name().startsWith(PREFIX);
    }
}
