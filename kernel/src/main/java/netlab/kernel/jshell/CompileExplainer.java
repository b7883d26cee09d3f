package netlab.kernel.jshell;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import netlab.text.FullWidth;
import netlab.text.Lang;
import netlab.text.Message;
import netlab.text.Text;

/**
 * One sentence in the student's language for the compile errors beginners make most, chosen by javac's
 * diagnostic code (never by its English): it goes above javac's own text, which stays. A name the cell uses
 * but nobody declared is named, with the import it needs when a common JDK package declares it
 * ({@link CommonPackages}: {@code import java.util.ArrayList;}), else the closest name the session knows at that
 * place ("Did you mean "count"?").
 *
 * <pre>{@code
 * // System.out.println(cuont);   with int count declared
 * // zh: 这里不认识名为 “cuont” 的东西。你是想写 “count” 吗？
 * }</pre>
 */
final class CompileExplainer {

    /** The code {@link JShellEngine} gives a cell that ends in the middle of a statement. */
    static final String INCOMPLETE = "netlab.incomplete";
    /** The code {@link JShellEngine} gives a cell that ends with a {@code try} block and no catch or finally. */
    static final String TRY_ALONE = "netlab.try.alone";
    /** The code {@link JShellEngine} gives a cell with a block comment that never ends. */
    static final String UNCLOSED_COMMENT = "netlab.unclosed.comment";
    /** The code {@link JShellEngine} gives a cell whose brackets nest past {@link CompilerLimits#MAX_DEPTH}. */
    static final String TOO_DEEP = "netlab.too.deep";
    /** The code {@link JShellEngine} gives a piece JShell rejects without a diagnostic. */
    static final String INVALID = "netlab.invalid";
    /** javac's code for a name it cannot find; {@link UnresolvedNotes} asks for its sentence too. */
    static final String CANT_RESOLVE = "compiler.err.cant.resolve";

    private static final Pattern QUOTED = Pattern.compile("'([^']+)' expected");
    /** javac's name for the token it wanted when that was a name, unquoted in its text: {@code <identifier> expected}. */
    private static final String IDENTIFIER_EXPECTED = "<identifier>";
    /** The name JShell gives an expression cell's value ({@code $1}, {@code $2} ...). */
    private static final Pattern EXPRESSION_VALUE = Pattern.compile("\\$\\d+");
    private static final Pattern EXCEPTION = Pattern.compile("([\\w$]+\\.)*([\\w$]+(Exception|Error|Throwable))");
    /** Java's primitive types, and the class each is boxed in, in the same order. */
    private static final List<String> PRIMITIVES = List.of("int", "long", "double", "float", "boolean", "char", "byte",
            "short");
    private static final List<String> BOXED = List.of("Integer", "Long", "Double", "Float", "Boolean", "Character",
            "Byte", "Short");
    /**
     * A line written as Python writes a block: a keyword, and a colon at its end ({@code for i in range(3):}), with
     * no brace or semicolon, which a Java line ending in a colon ({@code switch (x) { case 1:}) has.
     */
    private static final Pattern PYTHON_BLOCK = Pattern.compile(
            "\\s*(if|elif|else|for|while|try|except|with)\\b[^{;]*:\\s*(#.*)?");
    /** The keywords a statement starts with, whose typos javac reads as names. */
    private static final List<String> STATEMENT_KEYWORDS = List.of("return", "break", "continue", "throw", "while",
            "switch", "import", "else", "final", "static", "yield");
    /**
     * The course this one comes from is Python's: the names a student carries over from it, which Java does not have
     * (javac reads each as an unknown name), with what Java writes instead.
     */
    private static final Map<String, String> PYTHON = Map.ofEntries(
            Map.entry("print", "System.out.println(…)"), Map.entry("True", "true"), Map.entry("False", "false"),
            Map.entry("None", "null"), Map.entry("self", "this"), Map.entry("elif", "else if"),
            Map.entry("len", "s.length() / array.length / list.size()"), Map.entry("str", "String.valueOf(x)"),
            Map.entry("input", "new Scanner(System.in).nextLine()"),
            Map.entry("range", "for (int i = 0; i < n; i++)"), Map.entry("append", "list.add(x)"),
            Map.entry("recv", "receive(…)"), Map.entry("recvfrom", "receive(…)"), Map.entry("sendto", "send(…)"),
            Map.entry("sendall", "send(…)"));

    /** Names a beginner asks a value's size by, and the members that tell it, as completion writes them. */
    private static final Set<String> SIZE_NAMES = Set.of("size", "length", "len", "count", "getLength", "getSize");
    private static final List<String> SIZE_MEMBERS = List.of("length()", "size()", "length");

    /** How many first letters a member's name shares with a misspelt one to be listed beside it. */
    private static final int ALIKE_PREFIX = 2;
    private static final int MOST_ALIKE = 8;

    private final Lang lang;
    /** The names valid at a cell offset that start with a prefix: the session's completion. */
    private final BiFunction<Integer, String, List<String>> namesAt;
    private final CommonPackages packages;
    /**
     * What a declaration of the session with this name waits for, in the student's words (JShell keeps a class or
     * variable that names something undeclared, and javac then finds no such name); empty for any other name.
     */
    private final Function<String, List<String>> waitsFor;

    CompileExplainer(Lang lang, BiFunction<Integer, String, List<String>> namesAt, CommonPackages packages,
                     Function<String, List<String>> waitsFor) {
        this.lang = lang;
        this.namesAt = namesAt;
        this.packages = packages;
        this.waitsFor = waitsFor;
    }

    /** Explains in English only and suggests nothing: for tests and for callers without a session. */
    static CompileExplainer plain(Lang lang) {
        return new CompileExplainer(lang, (offset, prefix) -> List.of(), CommonPackages.JDK, name -> List.of());
    }

    Lang lang() {
        return lang;
    }

    /** The sentence for {@code d} in {@code cell}, or empty for a diagnostic no sentence is written for. */
    Optional<String> explain(String cell, ErrorReports.CellDiagnostic d) {
        String code = d.code() == null ? "" : d.code();
        String message = d.message();
        String name = identifierAt(cell, d.offset());
        Matcher quoted = QUOTED.matcher(message);
        String token = quoted.find() ? quoted.group(1) : "";
        String line = d.offset() >= 0 && d.offset() <= cell.length()
                ? ErrorReports.Location.of(cell, d.offset()).source() : "";
        if (!code.isEmpty() && Magics.isMagicLine(line)) { // only the cell's first lines are read as magics
            return Optional.of(Message.of("compile.magic.not.first", line.strip()).in(lang));
        }
        Message sentence = switch (code.replaceFirst("^compiler\\.err\\.", "")) {
            case INCOMPLETE -> Message.of("compile.incomplete");
            case INVALID -> Message.of("compile.invalid");
            case TRY_ALONE -> Message.of("compile.try.alone");
            case UNCLOSED_COMMENT -> Message.of("compile.unclosed.comment");
            case TOO_DEEP -> Message.of("compile.too.deep", CompilerLimits.MAX_DEPTH);
            case "premature.eof" -> Message.of("compile.premature.eof");
            case "expected", "expected2", "expected3", "expected4" -> pythonBlock(cell, d.offset())
                    ? Message.of("compile.python.block")
                    : token.equals(";") ? Message.of("compile.semicolon")
                    : !token.isEmpty() ? Message.of("compile.expected", token)
                    : message.startsWith(IDENTIFIER_EXPECTED) ? Message.of("compile.identifier.expected") : null;
            case "cant.resolve", "cant.resolve.location", "cant.resolve.location.args",
                 "cant.resolve.args", "cant.resolve.location.args.params" -> {
                if (name.isEmpty()) {
                    yield null;
                }
                if (EXPRESSION_VALUE.matcher(name).matches()) { // dropped by TempVariables, or never made
                    yield Message.of("compile.cant.resolve.value", name, TempVariables.KEPT);
                }
                if (!code.endsWith(".args") && !code.endsWith(".params") && isMethod(name, d.offset())) {
                    yield Message.of("compile.cant.resolve.method", name); // Check.ipClassOf(classOf)
                }
                if (PYTHON.containsKey(name)) {
                    yield Message.of("compile.python", name, PYTHON.get(name));
                }
                List<String> missing = waitsFor.apply(name);
                if (!missing.isEmpty()) { // class A { B b; } ran, B never declared: A is kept, not compiled
                    yield Message.of("compile.cant.resolve.waiting", name,
                            String.join(Text.in(lang, "kernel.list.separator"), missing));
                }
                boolean member = afterDot(cell, d.offset());
                int at = member ? memberOffset(cell, d.offset()) : d.offset();
                String suggest = member ? "compile.cant.resolve.member.suggest" : "compile.cant.resolve.suggest";
                yield packages.declaring(name).map(p -> Message.of("compile.cant.resolve.import", name, p))
                        .or(() -> member ? sizeOf(name, cell, at) : Optional.empty())
                        .or(() -> closest(name, at).map(c -> Message.of(suggest, name, c)))
                        .or(() -> member ? membersAlike(name, at) : Optional.empty())
                        .orElse(Message.of(member ? "compile.cant.resolve.member"
                                : assignedAt(cell, d.offset(), name) ? "compile.cant.resolve.assign"
                                : "compile.cant.resolve", name));
            }
            case "invalid.canonical.constructor.in.record" -> constructorWithoutPublic(cell, d.offset())
                    .map(record -> Message.of("compile.record.constructor.public", record)).orElse(null);
            case "prob.found.req" -> isAssignment(cell, d.offset()) ? Message.of("compile.assign.not.compare")
                    : checkCallAround(cell, d.offset())
                    .map(call -> call.inLambda() ? Message.of("compile.check.keep.types")
                            : Message.of("compile.check.wants.lambda", call.name()))
                    .orElseGet(() -> Message.of(message.contains("lossy") ? "compile.lossy"
                            : message.contains("unexpected return value") ? "compile.void.return"
                            : "compile.incompatible"));
            case "unreported.exception.need.to.catch.or.throw", "unreported.exception.default.constructor",
                 "unreported.exception.implicit.close" -> {
                Matcher m = EXCEPTION.matcher(message);
                yield m.find() ? Message.of("compile.unreported", m.group(2)) : Message.of("compile.unreported.any");
            }
            case "missing.ret.stmt" -> Message.of("compile.missing.return");
            case "unreachable.stmt" -> Message.of("compile.unreachable");
            case "var.might.not.have.been.initialized", "var.not.initialized.in.default.constructor" ->
                    name.isEmpty() ? null : Message.of("compile.uninitialized", name);
            case "cant.apply.symbol", "cant.apply.symbols", "cant.apply.diamond.1" ->
                    name.isEmpty() ? null : Message.of("compile.arguments", name);
            case "not.stmt" -> misspeltKeyword(name).map(k -> Message.of("compile.misspelt.keyword", name, k))
                    .orElseGet(() -> Message.of("compile.not.statement"));
            case "doesnt.exist" -> Message.of("compile.no.package");
            case "type.found.req" -> PRIMITIVES.contains(name) ? Message.of("compile.primitive.type.argument", name,
                    BOXED.get(PRIMITIVES.indexOf(name))) : null;
            case "illegal.array.creation.both.dimension.and.initialization" -> Message.of("compile.array.both");
            case "illegal.start.of.expr", "illegal.start.of.type", "illegal.start.of.stmt" ->
                    Message.of("compile.illegal.start");
            case "unclosed.str.lit", "unclosed.text.block" -> Message.of("compile.unclosed.string");
            case "unclosed.char.lit", "empty.char.lit" -> Message.of("compile.char.literal");
            case "operator.cant.be.applied", "operator.cant.be.applied.1" -> Message.of("compile.operator");
            case "incomparable.types" -> Message.of("compile.incomparable");
            case "cant.deref" -> Message.of("compile.primitive.method", message.strip().split("\\s+", 2)[0]);
            case "report.access", "not.def.public.cant.access" -> Message.of("compile.access");
            case "abstract.cant.be.instantiated" -> Message.of("compile.abstract.new");
            case "does.not.override.abstract" -> Message.of("compile.abstract.missing");
            case "break.outside.switch.loop", "cont.outside.loop", "break.outside.switch.expression" ->
                    Message.of("compile.break.outside");
            case "int.number.too.large" -> Message.of("compile.number.too.large");
            case "dot.class.expected" -> Message.of("compile.type.as.value");
            case "illegal.digit.in.octal.literal" -> Message.of("compile.octal");
            case "repeated.modifier" -> Message.of("compile.repeated.modifier");
            case "array.dimension.missing" -> Message.of("compile.array.length.missing");
            case "missing.meth.body.or.decl.abstract" -> Message.of("compile.method.body.missing");
            case "already.defined" -> name.isEmpty() ? null : Message.of("compile.already.defined", name);
            case "invalid.meth.decl.ret.type.req" -> Message.of("compile.return.type");
            case "else.without.if" -> Message.of("compile.else.without.if");
            case "non-static.cant.be.ref" -> Message.of(name.equals("this") ? "compile.no.this" : "compile.non.static");
            case "cant.ref.non.effectively.final.var" -> Message.of("compile.lambda.final");
            case "cant.assign.val.to.var" -> Message.of("compile.final.assign");
            case "void.not.allowed.here" -> Message.of("compile.void.value");
            case "except.never.thrown.in.try" -> Message.of("compile.never.thrown");
            case "except.already.caught" -> Message.of("compile.already.caught");
            case "cant.infer.local.var.type" -> Message.of("compile.var.no.type");
            case "array.req.but.found" -> Message.of("compile.array.required");
            case "limit.code", "limit.code.too.large.for.try.stmt" -> Message.of("compile.code.too.large");
            case "limit.string", "limit.string.overflow" -> Message.of("compile.string.too.long");
            case "illegal.char", "illegal.nonascii.digit" -> illegalCharacters(cell, d.offset());
            default -> null;
        };
        return Optional.ofNullable(sentence).map(m -> m.in(lang));
    }

    /**
     * Whether the name at {@code offset} follows a dot ({@code o.length()}; javac places the error at the dot itself):
     * a member the value's type does not have, which no declaration in a cell would provide.
     */
    static boolean afterDot(String cell, int offset) {
        if (offset >= 0 && offset < cell.length() && cell.charAt(offset) == '.') {
            return true;
        }
        int before = lastNonBlank(cell, Math.min(offset, cell.length()) - 1);
        return before >= 0 && cell.charAt(before) == '.';
    }

    /** Where a member's name starts after the dot javac points at ({@code Check.ipclassOf}: past the dot). */
    static int memberOffset(String cell, int offset) {
        int at = Math.min(Math.max(offset, 0), cell.length());
        if (at < cell.length() && cell.charAt(at) == '.') {
            at++;
        }
        return nextNonBlank(cell, at);
    }

    /** The first offset from {@code from} on that is no blank, or the cell's length. */
    private static int nextNonBlank(String cell, int from) {
        int at = from;
        while (at < cell.length() && Character.isWhitespace(cell.charAt(at))) {
            at++;
        }
        return at;
    }

    /** The last offset at or before {@code from} that is no blank, or -1. */
    private static int lastNonBlank(String cell, int from) {
        int at = from;
        while (at >= 0 && Character.isWhitespace(cell.charAt(at))) {
            at--;
        }
        return at;
    }

    /** Whether the line holding {@code offset} opens a block the way Python does: a keyword, a colon at the end. */
    static boolean pythonBlock(String cell, int offset) {
        return offset >= 0 && offset <= cell.length()
                && PYTHON_BLOCK.matcher(ErrorReports.Location.of(cell, offset).source()).matches();
    }

    /**
     * Whether the unknown {@code name} at {@code offset} is given a value there ({@code count = 1}): Python's way to
     * make a variable, which Java does with a declaration.
     */
    static boolean assignedAt(String cell, int offset, String name) {
        int after = offset + name.length();
        if (offset < 0 || after > cell.length() || !cell.startsWith(name, offset)) {
            return false;
        }
        while (after < cell.length() && cell.charAt(after) == ' ') {
            after++;
        }
        return isAssignment(cell, after);
    }

    /**
     * Whether {@code offset} is at a single {@code =} (not {@code ==}, {@code <=}, {@code +=} …): an assignment where
     * a value of another type was needed, most often a condition ({@code if (x = 5)}) meant as a comparison.
     */
    static boolean isAssignment(String cell, int offset) {
        return offset > 0 && offset < cell.length() && cell.charAt(offset) == '='
                && (offset + 1 == cell.length() || cell.charAt(offset + 1) != '=')
                && "=!<>+-*/%&|^".indexOf(cell.charAt(offset - 1)) < 0;
    }

    /**
     * The keyword {@code name} is a typo of ({@code retrun}: {@code return}), one or two edits apart; javac reads
     * such a word as a name, and the line as a value nobody uses.
     */
    static Optional<String> misspeltKeyword(String name) {
        if (name.length() < 3 || STATEMENT_KEYWORDS.contains(name)) {
            return Optional.empty();
        }
        return STATEMENT_KEYWORDS.stream().filter(k -> distance(name, k) <= (k.length() <= 4 ? 1 : 2))
                .min(Comparator.comparingInt((String k) -> distance(name, k)).thenComparing(k -> k));
    }

    /**
     * The sentence for characters Java does not accept from {@code offset}: a Chinese input method's punctuation
     * ({@code ；（），“”}) or digits ({@code ８０８０}), the whole run of one kind with what to type instead, or any
     * other character (a no-break space copied from a web page) by its code point, since it may not show.
     */
    private static Message illegalCharacters(String cell, int offset) {
        if (offset < 0 || offset >= cell.length()) {
            return null;
        }
        int c = cell.codePointAt(offset);
        if (FullWidth.typedInstead(c) == 0) {
            return Message.of("compile.illegal.char", "U+%04X".formatted(c));
        }
        String run = cell.substring(offset, offset + fullWidthRun(cell, offset));
        StringBuilder typed = new StringBuilder();
        run.codePoints().forEach(w -> typed.appendCodePoint(FullWidth.typedInstead(w)));
        return Message.of(Character.isDigit(c) ? "compile.full.width.digit" : "compile.full.width", run, typed);
    }

    /**
     * How many chars from {@code offset} are full-width characters of one kind, digits or not: javac reports each
     * digit of {@code ８０８０} on its own, and the sentence and the report say the run once. 0 when the character
     * at {@code offset} is not one.
     */
    static int fullWidthRun(String cell, int offset) {
        int end = offset;
        while (end < cell.length() && FullWidth.typedInstead(cell.charAt(end)) != 0
                && Character.isDigit(cell.charAt(end)) == Character.isDigit(cell.charAt(offset))) {
            end++;
        }
        return end - offset;
    }

    /**
     * The name the session knows at {@code offset} closest to {@code name}: a typo (one or two letters apart, a
     * letter's case) of a variable, method or class. Empty when none is close.
     */
    Optional<String> closest(String name, int offset) {
        int limit = name.length() <= 3 ? 1 : 2;
        String first = name.substring(0, 1);
        Set<String> names = new TreeSet<>();
        for (String prefix : List.of(first.toLowerCase(Locale.ROOT), first.toUpperCase(Locale.ROOT))) {
            namesAt.apply(offset, prefix).forEach(n -> names.add(bare(n)));
        }
        names.remove(name);
        return names.stream().filter(n -> !n.isEmpty() && distance(name, n) <= limit)
                .min(Comparator.comparingInt((String n) -> distance(name, n)).thenComparing(n -> n));
    }

    /**
     * How this value's type tells its size, when {@code name} asked it another type's way: a String's
     * {@code length()}, an array's {@code length}, a collection's {@code size()} — {@code s.size()},
     * {@code array.length()}, {@code list.length()} are the mixes every beginner types, and none is a typo of the
     * other. Read from the members JShell completes at the dot, not from javac's text.
     */
    private Optional<Message> sizeOf(String name, String cell, int memberAt) {
        if (!SIZE_NAMES.contains(name)) {
            return Optional.empty();
        }
        int after = nextNonBlank(cell, memberAt + name.length());
        String asked = after < cell.length() && cell.charAt(after) == '(' ? name + "()" : name; // array.length()
        List<String> members = namesAt.apply(memberAt, "");
        return SIZE_MEMBERS.stream().filter(members::contains).filter(m -> !m.equals(asked)).findFirst()
                .map(m -> Message.of("compile.cant.resolve.member.size", asked, m));
    }

    /**
     * The members of the value's type at {@code offset} that begin as {@code name} does, when no one is close enough
     * to be its typo: {@code Ipv4.parse(a).toInt()} lists toLong(), toInetAddress(), toString(), where the student
     * read only that toInt is none of its members. Empty when none begins so, or too many do to be a list.
     */
    private Optional<Message> membersAlike(String name, int offset) {
        if (name.length() < ALIKE_PREFIX) {
            return Optional.empty();
        }
        String start = name.substring(0, ALIKE_PREFIX);
        Set<String> alike = new TreeSet<>();
        for (String n : namesAt.apply(offset, start)) {
            alike.add(!n.contains("(") ? bare(n) : n.endsWith("()") ? bare(n) + "()" : bare(n) + "(…)");
        }
        alike.remove(name);
        return alike.isEmpty() || alike.size() > MOST_ALIKE ? Optional.empty()
                : Optional.of(Message.of("compile.cant.resolve.member.alike", name, start, String.join(", ", alike)));
    }

    /** A completion's name without its call: {@code toLong()}, {@code plus(} → toLong, plus. */
    private static String bare(String completion) {
        return completion.replaceAll("[(),\\s].*$", "");
    }

    /** Whether {@code name}, used where a value goes, is a method the session has ({@code classOf(}). */
    private boolean isMethod(String name, int offset) {
        return namesAt.apply(offset, name).stream().anyMatch(n -> n.startsWith(name + "("));
    }

    /**
     * A course check's call ({@code Check.ipClassOf}) around a place in a cell, and whether that place is in the
     * body of the lambda passed to it ({@code ip -> classOf(ip)}): a type wrong there is the answer's, whose
     * types differ from the exercise's; outside one, a value was given where the check wants the answer itself.
     */
    record CheckCall(String name, boolean inLambda) {
    }

    /**
     * The check call around {@code offset}, if any: its argument (the unclosed parenthesis before {@code offset},
     * within the statement), or, past a lambda's arrow, anything in that lambda's body, an expression
     * ({@code Check.ipSameSubnet((a, b, p) -> sameSubnet(a, b, p))}) or a block of statements.
     */
    static Optional<CheckCall> checkCallAround(String cell, int offset) {
        int depth = 0;
        int blocks = 0; // blocks closed between here and offset
        boolean arrow = false;
        boolean nested = false; // inside another call's parentheses
        boolean statementEnded = false; // a ';' or block of the statement holding offset's block lies between
        for (int i = Math.min(offset, cell.length()) - 1; i >= 0; i--) {
            char c = cell.charAt(i);
            if (c == ')') {
                depth++;
            } else if (c == '(' && depth > 0) {
                depth--;
            } else if (c == '(') {
                String callee = cell.substring(Identifiers.start(cell, i, true), i);
                if (callee.startsWith("Check.")) {
                    return arrow || !nested && !statementEnded ? Optional.of(new CheckCall(callee, arrow))
                            : Optional.empty();
                }
                nested = true;
            } else if (c == '}') {
                blocks++;
            } else if (c == '{' && blocks > 0) {
                blocks--;
            } else if (c == '{') {
                if (!arrowBefore(cell, i)) {
                    return Optional.empty(); // a method's or a loop's block, not a lambda's
                }
                arrow = true;
            } else if (c == ';' && blocks == 0 && depth == 0) {
                statementEnded = true; // the statement before, in a lambda's block or the cell
            } else if (c == '>' && depth == 0 && blocks == 0 && i > 0 && cell.charAt(i - 1) == '-') {
                arrow = true;
            }
        }
        return Optional.empty();
    }

    /** Whether the text before {@code brace} ends with a lambda's arrow ({@code x -> {}). */
    private static boolean arrowBefore(String cell, int brace) {
        int i = lastNonBlank(cell, brace - 1);
        return i >= 1 && cell.charAt(i) == '>' && cell.charAt(i - 1) == '-';
    }

    /**
     * The record's name, where a canonical constructor javac refuses at {@code offset} has no {@code public}: JShell
     * makes every record public, and its canonical constructor may not be less visible, so that is javac's refusal
     * (a constructor that is public and still refused has another fault, which javac's own text names).
     */
    static Optional<String> constructorWithoutPublic(String cell, int offset) {
        int at = Math.min(Math.max(offset, 0), cell.length());
        for (String word = identifierAt(cell, at); !word.isEmpty(); word = identifierAt(cell, at)) {
            if (!word.equals("private") && !word.equals("protected")) {
                return word.equals("public") ? Optional.empty() : Optional.of(word);
            }
            at = nextNonBlank(cell, at + word.length());
        }
        return Optional.empty();
    }

    /** The Java identifier starting at {@code offset} (javac points at the dot of {@code a.b}), or "". */
    static String identifierAt(String cell, int offset) {
        int i = Math.min(Math.max(offset, 0), cell.length());
        if (i < cell.length() && cell.charAt(i) == '.') {
            i++;
        }
        return Identifiers.startsAt(cell, i) ? cell.substring(i, Identifiers.end(cell, i)) : "";
    }

    /** Edits from {@code a} to {@code b}: optimal string alignment (two swapped letters are one edit); names that
     * differ in case only are one edit apart. */
    static int distance(String a, String b) {
        if (a.equalsIgnoreCase(b)) {
            return 1;
        }
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
