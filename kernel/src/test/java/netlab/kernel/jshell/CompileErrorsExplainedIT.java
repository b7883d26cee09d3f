package netlab.kernel.jshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import netlab.kernel.engine.ExecuteOutcome;
import netlab.text.Lang;
import netlab.text.Text;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The mistakes beginners make most, compiled by a real engine whose student reads Chinese: each gets its sentence
 * in Chinese above javac's own text, which stays; {@code %lang en} switches the next one to English.
 */
class CompileErrorsExplainedIT {

    private static JShellEngine engine;

    /** A cell with one mistake, and the key of the sentence that must explain it. */
    static final Map<String, String> MISTAKES = new LinkedHashMap<>();

    static {
        MISTAKES.put("int a = 1\nint b = 2;", "compile.semicolon");
        MISTAKES.put("int c = 1 +", "compile.incomplete");
        MISTAKES.put("/* a comment never closed\nint shut = 1;", "compile.unclosed.comment");
        MISTAKES.put("try {\n    int alone = 1;\n}", "compile.try.alone");
        MISTAKES.put("try {\n    int open = 1;\n", "compile.incomplete");
        MISTAKES.put("String t = \"abc;", "compile.unclosed.string");
        MISTAKES.put("int y = \"a\";", "compile.incompatible");
        MISTAKES.put("int z = 3.5;", "compile.lossy");
        MISTAKES.put("void f() { Thread.sleep(10); }", "compile.unreported");
        MISTAKES.put("int g() { }", "compile.missing.return");
        MISTAKES.put("int h() { return 1; System.out.println(); }", "compile.unreachable");
        MISTAKES.put("void k() { int q; System.out.println(q); }", "compile.uninitialized");
        MISTAKES.put("Math.max(1);", "compile.arguments");
        MISTAKES.put("1 + ;", "compile.illegal.start");
        MISTAKES.put("void m() { count + 1; }", "compile.not.statement");
        MISTAKES.put("count.toString();", "compile.primitive.method");
        MISTAKES.put("void p() { return 1; }", "compile.void.return");
        MISTAKES.put("boolean b = greeting == 3;", "compile.operator");
        MISTAKES.put("class A implements Runnable { }", "compile.abstract.missing");
        MISTAKES.put("Runnable r = new Runnable();", "compile.abstract.new");
        MISTAKES.put("void u() { break; }", "compile.break.outside");
        MISTAKES.put("long big = 3000000000;", "compile.number.too.large");
        MISTAKES.put("char ch = 'ab';", "compile.char.literal");
        MISTAKES.put("new Object().clone();", "compile.access");
        MISTAKES.put("void d() { int n = 1; int n = 2; }", "compile.already.defined");
        MISTAKES.put("Strin w = null;", "compile.cant.resolve.suggest");
        MISTAKES.put("System.out.println(cuont);", "compile.cant.resolve.suggest");
        MISTAKES.put("System.out.println(nothingLikeThis);", "compile.cant.resolve");
        MISTAKES.put("int parsed = int(\"5\");", "compile.type.as.value");
        MISTAKES.put("int month = 08;", "compile.octal");
        MISTAKES.put("public public int twice = 1;", "compile.repeated.modifier");
        MISTAKES.put("int[] sizes = new int[];", "compile.array.length.missing");
        MISTAKES.put("class Handler { void handle(); }", "compile.method.body.missing");
        MISTAKES.put("try {\n    new java.io.FileReader(\"x\");\n} catch (Exception e) {\n}"
                + " catch (java.io.IOException e) {\n}", "compile.already.caught");
        MISTAKES.put("var reply;", "compile.var.no.type");
        MISTAKES.put("var nothing = null;", "compile.var.no.type");
        MISTAKES.put("int listed = 2;\n/vars", "compile.magic.not.first");
        MISTAKES.put("int timed = 3;\n%%time", "compile.magic.not.first");
        MISTAKES.put("var task = () -> System.out.println(count);", "compile.var.no.type");
        MISTAKES.put("record Hop(int ttl) { Hop { if (ttl < 0) throw new IllegalArgumentException(); } }",
                "compile.record.constructor.public");
        MISTAKES.put("var names = new ArrayList<String>();", "compile.cant.resolve.import");
        MISTAKES.put("var echo = Servers.iterative(0);", "compile.cant.resolve.import");
        MISTAKES.put("for (int i = 0; i < 3; i++) {\n    new Thread(() -> System.out.println(i)).start();\n}",
                "compile.lambda.final");
        MISTAKES.put("void e() { final int limit = 3; limit = 4; }", "compile.final.assign");
        MISTAKES.put("System.out.println(new java.util.ArrayList<String>().clear());", "compile.void.value");
        MISTAKES.put("try {\n    int inside = 1;\n} catch (java.io.IOException e) {\n}", "compile.never.thrown");
        MISTAKES.put("int[] pair = new int[2];\nint cell = pair[0][1];", "compile.array.required");
        MISTAKES.put("Check.ipClassOf(classOf(\"10.1.2.3\"));", "compile.check.wants.lambda");
        MISTAKES.put("Check.ipClassOf(classOf);", "compile.cant.resolve.method");
        // the answer's types changed from the exercise's: a return type, a parameter type
        MISTAKES.put("char classLetter(String ip) { return 'A'; }\nCheck.ipClassOf(ip -> classLetter(ip));",
                "compile.check.keep.types");
        MISTAKES.put("boolean sameNet(String a, String b, String prefix) { return true; }\n"
                + "Check.ipSameSubnet((a, b, prefix) -> sameNet(a, b, prefix));", "compile.check.keep.types");
        MISTAKES.put("Check.ipClassOf(ip -> {\n    String c = classOf(ip);\n    return c.charAt(0);\n});",
                "compile.check.keep.types");
        MISTAKES.put("Check.ipClassOf(this::classOf);", "compile.no.this");
        MISTAKES.put("Check.ipclassOf(ip -> classOf(ip));", "compile.cant.resolve.member.suggest");
        MISTAKES.put("long n = netlab.ip.Ipv4.parse(\"10.0.0.1\").toInt();", "compile.cant.resolve.member.alike");
        // a size asked another type's way
        MISTAKES.put("int letters = greeting.size();", "compile.cant.resolve.member.size");
        MISTAKES.put("int[] ports = {53, 69};\nint n = ports.length();", "compile.cant.resolve.member.size");
        MISTAKES.put("var names = new java.util.ArrayList<String>();\nint n = names.length();",
                "compile.cant.resolve.member.size");
    }

    @BeforeAll
    static void start() throws Exception {
        engine = JShellEngine.start(EngineOptions.defaults().toBuilder().language(Lang.ZH).warmStart(false)
                .build());
        JShellEngineIT.success(engine.execute("int count = 3; String greeting = \"hi\";", new RecordingIO()));
        JShellEngineIT.success(engine.execute("import netlab.course.Check;\nString classOf(String ip) { return \"A\"; }",
                new RecordingIO()));
    }

    @AfterAll
    static void stop() {
        engine.close();
    }

    @Test
    void eachMistakeIsExplainedInChineseAboveJavacsText() {
        StringBuilder wrong = new StringBuilder();
        MISTAKES.forEach((cell, key) -> {
            ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                    engine.execute(cell, new RecordingIO()), cell);
            if (!sentenceOf(key).matcher(f.traceback().getFirst()).matches()) {
                wrong.append(cell).append(" -> ").append(key).append(": ").append(f.traceback()).append('\n');
            }
        });
        assertEquals("", wrong.toString());
    }

    /**
     * The first traceback line {@code key}'s Chinese sentence makes, whatever its arguments: the cell's place, then
     * the sentence's own words whole, each argument any text. Keys whose sentences begin alike (the members': “{0}”
     * 不是…) are told apart by the words after their first argument too.
     */
    private static Pattern sentenceOf(String key) {
        Object[] marks = new Object[8];
        for (int i = 0; i < marks.length; i++) {
            marks[i] = "\u0001" + i + "\u0001";
        }
        String filled = Text.in(Lang.ZH, key, marks);
        assertTrue(!filled.startsWith(key), "no Chinese sentence for " + key);
        StringBuilder regex = new StringBuilder("单元格第 \\d+ 行第 \\d+ 列：");
        for (String words : filled.split("\u0001\\d\u0001", -1)) {
            regex.append(words.isEmpty() ? "" : Pattern.quote(words)).append("(?s:.*?)");
        }
        regex.setLength(regex.length() - "(?s:.*?)".length());
        return Pattern.compile(regex.toString());
    }

    /**
     * Punctuation or a digit a Chinese input method typed is named with the character to type instead, and a
     * character that may not show (a no-break space from a web page) by its code point; javac's own text stays below.
     */
    @Test
    void aChineseInputMethodsPunctuationIsNamedWithWhatToTypeInstead() {
        Map<String, String> said = new LinkedHashMap<>();
        said.put("int 端口 = 8080；", "单元格第 1 行第 14 列：“；” 是中文（全角）标点，Java 不认识：请把输入法切换到英文，改成 “;”。");
        said.put("String hello = “你好”;", "单元格第 1 行第 16 列：““” 是中文（全角）标点，Java 不认识：请把输入法切换到英文，改成 “\"”。");
        said.put("int 端口 = ８０８０;", "单元格第 1 行第 10 列：“８０８０” 是中文输入法打出的全角数字，Java 不认识：请把输入法切换到英文，改成 “8080”。");
        said.put("System.out.println（1）;", "单元格第 1 行第 19 列：“（” 是中文（全角）标点，Java 不认识：请把输入法切换到英文，改成 “(”。");
        said.put("int spaced\u00a0= 1;", "单元格第 1 行第 11 列：这里有一个 Java 不接受的字符（U+00A0），可能看不见，"
                + "比如从网页或文档复制代码时带进来的空格：删掉它，再重新输入这一段。");
        for (ExecuteOutcome.Failure f : firstLinesAre(said)) {
            assertTrue(f.traceback().get(1).matches("  (非法字符: .*|非法的非 ASCII 数字)"), // javac's Chinese
                    f.traceback().toString());
        }
        // javac reports each of the four digits; the student reads the number once, and the ； after it on its own
        ExecuteOutcome.Failure run = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("int 端口 = ８０８０；", new RecordingIO()));
        assertEquals(List.of("单元格第 1 行第 10 列：“８０８０” 是中文输入法打出的全角数字，Java 不认识：请把输入法切换到英文，改成 “8080”。",
                "单元格第 1 行第 14 列：“；” 是中文（全角）标点，Java 不认识：请把输入法切换到英文，改成 “;”。"),
                run.traceback().stream().filter(l -> l.startsWith("单元格第")).toList());
    }

    /**
     * A name that is not there: a member the value's type lacks is not something to declare in a cell; a name the
     * seed course's Python taught (print, True, recvfrom, a variable made by assigning it) gets what Java writes
     * instead.
     */
    @Test
    void aMissingMemberAndAPythonHabitAreNamedAsSuch() {
        Map<String, String> said = new LinkedHashMap<>();
        said.put("Object text = \"x\";\ntext.length()", "单元格第 2 行第 5 列：“length” 不是这个值的类型里的方法或字段（下面的原文写出了"
                + "类型）：检查拼写和大小写；如果这个值其实是别的类型，先把它声明成那个类型，或者做类型转换。");
        said.put("int one = 1;\nhits = one + 1;", "单元格第 2 行第 1 列：“hits” 还没有声明就被赋值了：Java 的变量要先声明（写出类型），"
                + "比如 var hits = …; 或 int hits = …;（Python 直接赋值就行，Java 不行）。如果它在别的单元格里声明，先运行那个单元格。");
        said.put("def area(r):\n    return r * r", "单元格第 1 行第 11 列：Java 在这里需要一个名字（类型、变量或方法的名字），看到的却是别的："
                + "检查这里是不是少了类型或名字；Python 的 def f(x): 在 Java 里写成 int f(int x) { … }。");
        String ranAnother = "如果 “%s” 是你在别的单元格里声明的，先运行那个单元格。";
        String block = "：这一行是 Python 的写法（冒号和缩进）：Java 把条件放在括号里，把代码块放在 { } 里，比如 if (x == 1) { … }、"
                + "for (int i = 0; i < 3; i++) { … }、while (running) { … }。";
        said.put("for i in range(3):\n    System.out.println(i);", "单元格第 1 行第 4 列" + block);
        said.put("int x = 1;\nif x == 1:\n    x = 2;", "单元格第 2 行第 3 列" + block);
        said.put("print(\"hi\")", "单元格第 1 行第 1 列：“print” 是 Python 的写法，Java 里没有它：Java 写作 System.out.println(…)。"
                + ranAnother.formatted("print"));
        said.put("boolean ready = True;", "单元格第 1 行第 17 列：“True” 是 Python 的写法，Java 里没有它：Java 写作 true。"
                + ranAnother.formatted("True"));
        said.put("var socket = new java.net.DatagramSocket();\nsocket.recvfrom(1024)",
                "单元格第 2 行第 7 列：“recvfrom” 是 Python 的写法，Java 里没有它：Java 写作 receive(…)。"
                        + ranAnother.formatted("recvfrom"));
        firstLinesAre(said);
    }

    /** Runs each cell, asserts its error's first line is the one given, and returns the errors in order. */
    private static List<ExecuteOutcome.Failure> firstLinesAre(Map<String, String> said) {
        List<ExecuteOutcome.Failure> failures = new java.util.ArrayList<>();
        said.forEach((cell, first) -> {
            ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                    engine.execute(cell, new RecordingIO()), cell);
            assertEquals(first, f.traceback().getFirst(), cell);
            failures.add(f);
        });
        return failures;
    }

    /**
     * Mistakes whose sentence names what the cell wrote: a primitive type argument with its class, a misspelt
     * keyword with the keyword; and a comparison written with =, an import of no package, an array with both its
     * length and its elements.
     */
    @Test
    void mistakesWhoseSentenceNamesWhatTheCellWrote() {
        Map<String, String> said = new LinkedHashMap<>();
        said.put("java.util.List<int> xs = null;", "单元格第 1 行第 16 列：像 int 这样的基本类型不能写在 < 和 > 之间：请写它的包装类 "
                + "Integer（List<Integer>），Java 会自动在两者之间转换。");
        said.put("int m() {\n  retrun 0;\n}", "单元格第 2 行第 3 列：“retrun” 不是 Java 的关键字，Java 把它当成了名字：你是想写 "
                + "“return” 吗？");
        said.put("int five = 5;\nif (five = 5) { }", "单元格第 2 行第 10 列：一个 = 是赋值；要比较两个值（比如在条件里），请写 =="
                + "（字符串用 a.equals(b)）。");
        said.put("import java.utl.*;", "单元格第 1 行第 12 列：没有这个包：检查 import 里包名的拼写（java.util、java.net、java.io、"
                + "java.nio.channels……）。");
        said.put("int[] a = new int[3] {1, 2, 3};", "单元格第 1 行第 22 列：创建数组时，要么写长度（new int[3]），要么写元素"
                + "（new int[] {1, 2, 3}），不能两个都写。");
        firstLinesAre(said);
    }

    /**
     * A method that calls a misspelt one is still created (JShell waits for the missing one to be declared), and
     * its note says where the name is used and what it may be, as the compile error of a cell would.
     */
    @Test
    void aDeclarationWaitingForAMisspeltNameSaysWhereAndWhatItMayBe() {
        JShellEngineIT.success(engine.execute("int ipToInt(String ip) { return ip.length(); }", new RecordingIO()));
        RecordingIO io = new RecordingIO();
        JShellEngineIT.success(engine.execute("String nextHop(String ip) {\n    return \"h\" + ipToint(ip);\n}", io));
        assertEquals("注意：方法 nextHop 已经创建，但要等这些声明之后才能使用：方法 ipToint(String)\n"
                + "  单元格第 2 行第 18 列：这里不认识名为 “ipToint” 的东西。你是想写 “ipToInt” 吗？"
                + "如果 “ipToint” 是在别的单元格里声明的，先运行那个单元格。\n"
                + "          return \"h\" + ipToint(ip);\n"
                + "      " + " ".repeat(17) + "^\n", io.err.toString());
        ExecuteOutcome.Failure called = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("nextHop(\"10.0.0.1\")", new RecordingIO()));
        assertEquals("  它在等这些声明：方法 ipToint(String)", called.traceback().get(1), called.traceback().toString());
    }

    /**
     * A class JShell keeps without compiling it (it names a class not declared yet) is not "unknown" where a later
     * cell uses it: the sentence says it is declared and what it waits for, and once that is declared it works.
     */
    @Test
    void aClassWaitingForAnotherIsNamedAsWaitingWhereItIsUsed() {
        JShellEngineIT.success(engine.execute("class Router { Link uplink; }", new RecordingIO()));
        ExecuteOutcome.Failure used = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("Router r = new Router();", new RecordingIO()));
        assertEquals("单元格第 1 行第 1 列：“Router” 已经声明了，但它用到的东西还没有声明：类型 Link。先声明它们（并运行那个"
                + "单元格），之后 Router 就能用了，不必重新运行它自己的单元格。", used.traceback().getFirst());
        JShellEngineIT.success(engine.execute("class Link { }", new RecordingIO()));
        JShellEngineIT.success(engine.execute("Router r = new Router();", new RecordingIO()));
    }

    /** A declaration the same cell goes on to complete gets no note: it waits for nothing once the cell has run. */
    @Test
    void aDeclarationTheSameCellCompletesGetsNoNote() {
        RecordingIO io = new RecordingIO();
        JShellEngineIT.success(engine.execute("sealed interface Frame permits Ack, Data { }\n"
                + "record Ack(int block) implements Frame { }\nrecord Data(int block) implements Frame { }", io));
        assertEquals("", io.err.toString());
        RecordingIO waiting = new RecordingIO();
        JShellEngineIT.success(engine.execute("class Switch { Port port; }\nint ports = 4;", waiting));
        assertTrue(waiting.err.toString().startsWith("注意：类型 Switch 已经记下，但要等这些声明之后才能使用：类型 Port\n"),
                waiting.err.toString());
    }

    /**
     * A change that reaches declarations of earlier cells says so once the cell has ended, as JShell's own tool does:
     * a variable of a redefined class is made again with its value gone, and a method that calls a redefined one no
     * longer compiling is named with javac's words, also when it is called. A cell that redefines both says nothing.
     */
    @Test
    void aChangeThatReachesEarlierDeclarationsSaysWhatItDidToThem() {
        JShellEngineIT.success(engine.execute("class Segment { int ttl = 64; }\nSegment segment = new Segment();",
                new RecordingIO()));
        RecordingIO redefined = new RecordingIO();
        JShellEngineIT.success(engine.execute("class Segment { int ttl = 32; int hops; }", redefined));
        assertTrue(redefined.err.toString().startsWith("注意：因为类型 Segment 改了，变量 segment（")
                && redefined.err.toString().contains("被重新创建，现在的值是 null："), redefined.err.toString());
        RecordingIO again = new RecordingIO();
        JShellEngineIT.success(engine.execute("class Segment { int ttl = 16; }\nSegment segment = new Segment();",
                again));
        assertEquals("", again.err.toString());

        JShellEngineIT.success(engine.execute("int twice(int x) { return 2 * x; }\n"
                + "int quad(int x) { return twice(twice(x)); }", new RecordingIO()));
        RecordingIO widened = new RecordingIO();
        JShellEngineIT.success(engine.execute("long twice(int x) { return 3L * x; }", widened));
        assertTrue(widened.err.toString().startsWith("注意：方法 twice 改了之后，方法 quad（")
                && widened.err.toString().contains("）编译不过了：不兼容的类型: 从long转换到int可能会有损失。"),
                widened.err.toString());
        ExecuteOutcome.Failure called = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("quad(3)", new RecordingIO()));
        assertEquals("int quad(int x) { return twice(twice(x)); } 不能运行：它现在编译不过（不兼容的类型: 从long转换到int可能"
                + "会有损失）。后来的单元格改了它用到的东西：改一改它或那个单元格，让它们重新对得上", called.evalue());
    }

    /** 9,000 plain statements run, in blocks each under the 64 KB a method's bytecode may hold. */
    @Test
    void aCellOfNineThousandStatementsRunsThemAll() {
        JShellEngineIT.success(engine.execute("int n = 0;", new RecordingIO()));
        ExecuteOutcome.Success s = JShellEngineIT.success(engine.execute("n += 1;\n".repeat(9000) + "n", new RecordingIO()));
        assertEquals("9000", s.result().orElseThrow().plainText());
    }

    /**
     * What breaks a limit of the class file is a compile error of its own, and is gone: JShell kept it as waiting
     * for a declaration, said nothing, and every later snippet failed to compile with it.
     */
    @Test
    void whatBreaksAClassFileLimitIsACompileErrorAndLaterCellsRun() {
        ExecuteOutcome.Failure tooLong = assertInstanceOf(ExecuteOutcome.Failure.class, engine.execute(
                "String huge = \"" + "z".repeat(70_000) + "\";\nhuge.length()", new RecordingIO()));
        assertTrue(tooLong.traceback().getFirst().contains(Text.in(Lang.ZH, "compile.string.too.long")),
                tooLong.traceback().getFirst());
        ExecuteOutcome.Failure tooLarge = assertInstanceOf(ExecuteOutcome.Failure.class, engine.execute(
                "void big() {\n" + "count += 1;\n".repeat(9000) + "}", new RecordingIO()));
        assertTrue(tooLarge.traceback().getFirst().contains(Text.in(Lang.ZH, "compile.code.too.large")),
                tooLarge.traceback().getFirst());
        ExecuteOutcome.Success after = JShellEngineIT.success(engine.execute("int k = 3;\nk", new RecordingIO()));
        assertEquals("3", after.result().orElseThrow().plainText());
    }

    /** JShell runs a cell snippet by snippet: a compile error in line 3 comes after lines 1-2 ran, and says so. */
    @Test
    void aCompileErrorAfterLinesThatRanSaysTheyRan() {
        RecordingIO io = new RecordingIO();
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class, engine.execute(
                "System.out.println(\"ran\");\nint opened = 1;\nSystem.out.printn(opened);", io));
        assertEquals("ran\n", io.out.toString());
        assertEquals(Text.in(Lang.ZH, "kernel.compile.ran.before.many", 2), f.traceback().getLast());
        ExecuteOutcome.Failure first = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("System.out.printn(1);\nint later = 2;", new RecordingIO()));
        assertTrue(first.traceback().stream().noneMatch(l -> l.startsWith("注意：这个单元格")), first.traceback().toString());
    }

    @Test
    void aMistypedNameIsNamedWithTheClosestOne() {
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("System.out.println(cuont);", new RecordingIO()));
        assertEquals("单元格第 1 行第 20 列：这里不认识名为 “cuont” 的东西。你是想写 “count” 吗？"
                + "如果 “cuont” 是在别的单元格里声明的，先运行那个单元格。", f.traceback().getFirst());
        assertEquals("  找不到符号", f.traceback().get(1)); // javac's own words, in the notebook's language
    }

    /** A mistake no sentence is written for reads as javac words it in Chinese, with no English left in it. */
    @Test
    void aMistakeWithNoSentenceReadsInJavacsChinese() {
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("switch (1) {\n    case 1: break;\n    case 1: break;\n}", new RecordingIO()));
        assertEquals("单元格第 3 行第 5 列：case 标签重复", f.traceback().getFirst());
        assertEquals("case 标签重复", f.evalue());
    }

    /** A notebook imports java.util & co. in its first cell; after a restart that cell has not run yet. */
    @Test
    void aJdkTypeWithoutItsImportNamesTheImport() {
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("var queue = new ConcurrentLinkedQueue<String>();", new RecordingIO()));
        assertEquals("单元格第 1 行第 17 列：这里不认识名为 “ConcurrentLinkedQueue” 的东西：它在 java.util.concurrent 包里，"
                + "要先导入：import java.util.concurrent.ConcurrentLinkedQueue;（或者运行笔记本开头写有 import 的那个单元格）。",
                f.traceback().getFirst());
        ExecuteOutcome.Failure selector = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("Selector s = null;", new RecordingIO()));
        assertTrue(selector.traceback().getFirst().contains("import java.nio.channels.Selector;"),
                selector.traceback().toString());
        JShellEngineIT.success(engine.execute("import java.util.concurrent.*;", new RecordingIO()));
        JShellEngineIT.success(engine.execute("var queue = new ConcurrentLinkedQueue<String>();", new RecordingIO()));
    }

    @Test
    void anOldExpressionValueSaysOnlyTheLatestAreKept() {
        for (int i = 0; i <= TempVariables.KEPT; i++) { // $1 is dropped before the next cell
            JShellEngineIT.success(engine.execute("40 + " + i, new RecordingIO()));
        }
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("int again = $1;", new RecordingIO()));
        assertEquals("单元格第 1 行第 13 列：这里不认识名为 “$1” 的东西：netlab 只把最近 " + TempVariables.KEPT
                + " 个表达式单元格的值留作 $1、$2 ……；以后还要用的值，请先存进变量（var x = …）。", f.traceback().getFirst());
    }

    @Test
    void stringsComparedWithEqualsEqualsGetANote() {
        RecordingIO io = new RecordingIO();
        JShellEngineIT.success(engine.execute("boolean same = greeting == \"hi\";", io));
        assertTrue(String.join("", io.events).contains("注意：单元格第 1 行用 == 或 != 比较了字符串"), io.events.toString());
        RecordingIO none = new RecordingIO();
        JShellEngineIT.success(engine.execute("boolean missing = greeting == null;", none));
        assertTrue(none.events.stream().noneMatch(e -> e.contains("==")), none.events.toString());
    }

    /**
     * A member no typo is close to: each type's size asked another type's way gets that type's way, any other name
     * the members that begin as it does; both read from the members at the dot.
     */
    @Test
    void aMemberNoTypoIsCloseToGetsTheMembersThatMayBeMeant() {
        Map<String, String> said = new LinkedHashMap<>();
        said.put("int letters = greeting.size();", "“size()” 不是这个值的类型里的方法或字段：这个值的长度（或元素个数）要用 length() 得到。");
        said.put("int[] ports = {53, 69};\nint n = ports.length();", "“length()” 不是这个值的类型里的方法或字段：这个值的长度"
                + "（或元素个数）要用 length 得到。");
        said.put("var names = new java.util.ArrayList<String>();\nint n = names.length;", "“length” 不是这个值的类型里的方法"
                + "或字段：这个值的长度（或元素个数）要用 size() 得到。");
        // no typo close, no size: the members that begin alike
        said.put("long n = netlab.ip.Ipv4.parse(\"10.0.0.1\").toInt();", "“toInt” 不是这个值的类型里的方法或字段。这个类型里以"
                + " “to” 开头的有：toInetAddress(), toLong(), toString()");
        said.forEach((cell, start) -> {
            ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                    engine.execute(cell, new RecordingIO()), cell);
            assertTrue(f.traceback().getFirst().contains("列：" + start), f.traceback().getFirst());
        });
    }

    /** The course splits IP addresses from chapter 1; split(".") gives an empty array and fails a line later. */
    @Test
    void aSplitOnALoneRegexCharacterGetsANoteBeforeItsFailure() {
        RecordingIO io = new RecordingIO();
        ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                engine.execute("String dotted = \"192.168.1.1\";\nString[] parts = dotted.split(\".\");\nparts[0]",
                        io));
        assertTrue(String.join("", io.events).contains("注意：单元格第 2 行的 split(\".\") 把 “.” 当作正则表达式，"
                + "而它在正则表达式里是特殊字符（“.” 匹配任意一个字符，所以 \"192.168.1.1\".split(\".\") 得到的是一个空数组）：要按"
                + " “.” 这个字符本身分割，请写 split(\"\\\\.\")。"), io.events.toString());
        assertTrue(f.traceback().getFirst().startsWith("java.lang.ArrayIndexOutOfBoundsException"),
                f.traceback().toString());
        RecordingIO escaped = new RecordingIO();
        JShellEngineIT.success(engine.execute("\"192.168.1.1\".split(\"\\\\.\").length", escaped));
        assertTrue(escaped.events.stream().noneMatch(e -> e.contains("split")), escaped.events.toString());
    }

    @Test
    void langMagicSwitchesTheKernelAndTheAgent() {
        try {
            RecordingIO io = new RecordingIO();
            JShellEngineIT.success(engine.execute("%lang en", io));
            assertEquals(List.of("out:Messages are in English from now on.\n"), io.events);
            ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                    engine.execute("int g() { }", new RecordingIO()));
            assertTrue(f.traceback().getFirst().startsWith("cell line 1, column 11: The method promises"),
                    f.traceback().getFirst());
            String agentLang = JShellEngineIT.success(engine.execute("netlab.text.Lang.current().name()",
                    new RecordingIO())).result().orElseThrow().plainText();
            assertEquals("\"EN\"", agentLang);
        } finally {
            JShellEngineIT.success(engine.execute("%lang zh", new RecordingIO()));
        }
    }

    /**
     * Magics answer in the session's language, switched by {@code %lang}, whatever this JVM's own is (one JVM may
     * serve several students, as the grader's does, so the switch must not change it).
     */
    @Test
    void magicsSpeakTheSessionsLanguageAndLangLeavesTheJvmsAlone() {
        Lang jvm = Lang.current();
        try {
            for (Lang lang : List.of(Lang.ZH, Lang.EN, Lang.ZH)) {
                JShellEngineIT.success(engine.execute("%lang " + lang.tag(), new RecordingIO()));
                ExecuteOutcome.Failure f = assertInstanceOf(ExecuteOutcome.Failure.class,
                        engine.execute("%timeout banana", new RecordingIO()));
                assertEquals(Text.in(lang, "magic.timeout.bad", "banana"), f.evalue());
                assertEquals(jvm, Lang.current());
            }
        } finally {
            JShellEngineIT.success(engine.execute("%lang zh", new RecordingIO()));
        }
    }

    /**
     * A check's title and hints are worded when the check runs, not when its course class loaded: the first
     * check in English loads the exercises, and after {@code %lang zh} the same check reads Chinese.
     */
    @Test
    void theSameCheckAfterALangSwitchIsWordedInTheNewLanguage() {
        String check = "System.out.print(netlab.exercise.Check.evaluate(\"ip.class-of\", "
                + "(netlab.course.IpExercises.ClassOf) ip -> \"Z\"));";
        try {
            JShellEngineIT.success(engine.execute("%lang en", new RecordingIO()));
            RecordingIO en = new RecordingIO();
            JShellEngineIT.success(engine.execute(check, en));
            String english = String.join("", en.events);
            assertTrue(english.contains("Class of an IPv4 address") && english.contains("Only the first octet decides"),
                    english);
            JShellEngineIT.success(engine.execute("%lang zh", new RecordingIO()));
            RecordingIO zh = new RecordingIO();
            JShellEngineIT.success(engine.execute(check, zh));
            String chinese = String.join("", zh.events);
            assertTrue(chinese.contains("IPv4 地址的类别") && chinese.contains("只看第一个字节"), chinese);
            assertTrue(!chinese.contains("Only the first octet"), chinese);
        } finally {
            JShellEngineIT.success(engine.execute("%lang zh", new RecordingIO()));
        }
    }
}
