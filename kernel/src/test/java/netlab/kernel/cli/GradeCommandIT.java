package netlab.kernel.cli;

import static netlab.kernel.grading.Corpus.CLASS_OF_FITTED;
import static netlab.kernel.grading.Corpus.CLASS_OF_RIGHT;
import static netlab.kernel.grading.Corpus.SAME_SUBNET_NO_ZERO;
import static netlab.kernel.grading.Corpus.SAME_SUBNET_RIGHT;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import netlab.kernel.grading.Corpus;
import netlab.kernel.grading.CsvFiles;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Grades a corpus of synthetic submissions made from the sample lesson (released with {@code netlab release}
 * in the test): each is scored as it deserves, tampering gains nothing, and the whole batch finishes.
 * The "port 7788 already taken" submission is in {@link ServerExerciseGradingIT} (a lesson with a server
 * exercise); answers that attack the grader from inside the agent are in {@link GraderTamperIT}.
 */
class GradeCommandIT {

    static final String STUB_CLASS_OF = """
            String classOf(String ip) {
                throw new UnsupportedOperationException("TODO: write your answer here");
            }""";
    static final String STUB_SAME_SUBNET = """
            boolean sameSubnet(String a, String b, int prefix) {
                throw new UnsupportedOperationException("TODO: write your answer here");
            }""";
    static final String FAKE_LINE = "\"NETLAB-CHECK {\\\"exercise\\\":\\\"\" + id + \"\\\",\\\"graded\\\":true,"
            + "\\\"earned\\\":1,\\\"possible\\\":1,\\\"hidden_not_run\\\":0,\\\"cases\\\":[{\\\"name\\\":\\\"x\\\","
            + "\\\"hidden\\\":false,\\\"status\\\":\\\"PASSED\\\",\\\"points\\\":1,\\\"earned\\\":1,\\\"message\\\":\\\"\\\"}]}\"";

    @TempDir
    Path dir;
    Path teacher;
    String released;
    Path subs;

    @BeforeEach
    void release() throws Exception {
        Released lesson = writeAndRelease(dir, Corpus.LESSON, Corpus.teacher());
        teacher = lesson.teacher();
        released = lesson.text();
        subs = dir.resolve("submissions");
    }

    /** A teacher notebook, {@code dir/teacher/LESSON}, and the text {@code netlab release} made of it. */
    record Released(Path teacher, String text) {
    }

    /** Writes {@code teacherText} as {@code dir/teacher/lesson} and releases it into {@code dir/release}. */
    static Released writeAndRelease(Path dir, String lesson, String teacherText) throws Exception {
        Path teacher = dir.resolve("teacher").resolve(lesson);
        Files.createDirectories(teacher.getParent());
        Files.writeString(teacher, teacherText);
        Path out = dir.resolve("release");
        Run r = netlab("release", teacher.toString(), "--out", out.toString());
        assertEquals(0, r.status, r.err + r.out);
        return new Released(teacher, Files.readString(out.resolve(lesson)));
    }

    @Test
    void everySubmissionIsScoredAsItDeservesAndTheBatchFinishes() throws Exception {
        Corpus.student(subs, "correct", released, nb -> Corpus.answer(nb, CLASS_OF_RIGHT, SAME_SUBNET_RIGHT));
        Corpus.write(subs, "teacher-solution", Corpus.teacher());
        Corpus.write(subs, "blank", released);
        Corpus.student(subs, "partly-right", released, nb -> Corpus.answer(nb, CLASS_OF_FITTED, SAME_SUBNET_NO_ZERO));
        Corpus.student(subs, "infinite-loop", released, nb -> Corpus.answer(nb,
                "String classOf(String ip) {\n    while (true) { }\n}", SAME_SUBNET_RIGHT));
        Corpus.student(subs, "runaway-cell", released, nb -> Corpus.answer(nb,
                CLASS_OF_RIGHT + "\nlong spins = 0;\nwhile (true) { spins++; }", SAME_SUBNET_RIGHT));
        Corpus.student(subs, "compiler-bomb", released, nb -> Corpus.answer(nb,
                Corpus.SLOW_TO_COMPILE + "\n" + CLASS_OF_RIGHT, SAME_SUBNET_RIGHT));
        Corpus.student(subs, "system-exit", released, nb -> Corpus.answer(nb,
                "String classOf(String ip) {\n    System.exit(3);\n    return \"A\";\n}", SAME_SUBNET_RIGHT));
        // a student reading Chinese, whose answer ends the JVM, with two helper cells of their own
        Corpus.student(subs, "zh-helpers-exit", released, nb -> {
            Corpus.answer(nb, "String classOf(String ip) {\n    System.exit(3);\n    return \"A\";\n}", SAME_SUBNET_RIGHT);
            JsonObject netlab = new JsonObject();
            netlab.addProperty("language", "zh");
            nb.getAsJsonObject("metadata").add("netlab", netlab);
            for (String helper : List.of("int helperA = 1;", "int helperB = 2;")) {
                JsonObject cell = Corpus.cell(nb, "ip-class-of-answer").deepCopy();
                cell.add("metadata", new JsonObject());
                cell.addProperty("id", "own-" + helper.charAt(10));
                cell.addProperty("source", helper);
                nb.getAsJsonArray("cells").add(cell);
            }
        });
        Corpus.student(subs, "fake-output", released, nb -> Corpus.answer(nb, STUB_CLASS_OF
                + "\nSystem.out.println(\"NETLAB-CHECK {\\\"exercise\\\":\\\"ip.class-of\\\",\\\"graded\\\":true}\");"
                + "\nSystem.out.println(\"PASSED: graded: 7/7 checks passed · 4/4 points\");", STUB_SAME_SUBNET));
        Corpus.student(subs, "redefined-check", released, nb -> Corpus.answer(nb, STUB_CLASS_OF + """

                class Check {
                    static void run(String id, Object answer) { System.out.println("all passed"); }
                    static Object grade(String id, Object answer, java.time.Duration d) { return null; }
                }""", STUB_SAME_SUBNET));
        Corpus.student(subs, "shadows-netlab", released, nb -> Corpus.answer(nb, STUB_CLASS_OF + """

                class netlab {
                    static class exercise {
                        static class Check {
                            static Fake grade(String id, Object answer, java.time.Duration d) { return new Fake(id); }
                        }
                    }
                    record Fake(String id) { String jsonLine() { return %s; } }
                }""".formatted(FAKE_LINE), STUB_SAME_SUBNET));
        Corpus.student(subs, "deleted-checks", released, nb -> {
            Corpus.answer(nb, CLASS_OF_RIGHT, SAME_SUBNET_RIGHT);
            Corpus.delete(nb, "ip-class-of-check");
            Corpus.delete(nb, "ip-same-subnet-check");
        });
        Corpus.student(subs, "edited-check", released, nb -> {
            Corpus.answer(nb, STUB_CLASS_OF, STUB_SAME_SUBNET);
            Corpus.source(nb, "ip-class-of-check", "System.out.println(\"public checks 4/4 passed\");");
        });
        Corpus.student(subs, "duplicated-answer", released, nb -> {
            Corpus.answer(nb, "String classOf(String ip) { return \"A\"; }", SAME_SUBNET_RIGHT);
            Corpus.duplicate(nb, "ip-class-of-answer", CLASS_OF_RIGHT);
        });
        Corpus.student(subs, "markdown-answer", released, nb -> {
            Corpus.answer(nb, CLASS_OF_RIGHT, SAME_SUBNET_RIGHT);
            Corpus.toMarkdown(nb, "ip-class-of-answer");
        });
        Corpus.student(subs, "flood-100mb", released, nb -> Corpus.answer(nb, CLASS_OF_RIGHT
                + "\nfor (int i = 0; i < 1_000_000; i++) System.out.println(\"x\".repeat(99));", SAME_SUBNET_RIGHT));
        Path reader = Corpus.student(subs, "reads-files", released, nb -> Corpus.answer(nb, """
                String classOf(String ip) throws Exception {
                    for (String line : java.nio.file.Files.readAllLines(java.nio.file.Path.of("answers.txt"))) {
                        if (line.startsWith(ip + "=")) return line.substring(ip.length() + 1);
                    }
                    return "?";
                }""", SAME_SUBNET_RIGHT));
        Files.writeString(reader.resolveSibling("answers.txt"), "10.1.2.3=A\n172.16.0.1=B\n192.168.1.1=C\n"
                + "224.0.0.251=D\n127.255.255.255=A\n128.0.0.0=B\n240.0.0.1=E\n");
        // keeps every input the class-of check passes, hidden ones too, and throws them from a later answer cell
        Corpus.student(subs, "leaks-inputs", released, nb -> {
            Corpus.answer(nb, "java.util.List<String> seen = new java.util.ArrayList<>();\n"
                    + CLASS_OF_RIGHT.replace("String classOf(String ip) {", "String classOf(String ip) {\n    seen.add(ip);"),
                    SAME_SUBNET_RIGHT);
            Corpus.duplicate(nb, "ip-same-subnet-answer", "if (true) throw new RuntimeException(\"inputs: \" + seen);");
        });
        // keeps them too, and the next exercise's answer throws them in every public case
        Corpus.student(subs, "leaks-via-public", released, nb -> Corpus.answer(nb,
                "java.util.List<String> seen = new java.util.ArrayList<>();\n"
                        + CLASS_OF_RIGHT.replace("String classOf(String ip) {", "String classOf(String ip) {\n    seen.add(ip);"),
                "boolean sameSubnet(String a, String b, int prefix) {\n"
                        + "    throw new RuntimeException(\"inputs: \" + seen);\n}"));
        Corpus.write(subs, "malformed-json", released.substring(0, released.length() / 2));
        Corpus.write(subs, "empty-notebook", "{\"cells\": [], \"metadata\": {}, \"nbformat\": 4, \"nbformat_minor\": 5}\n");
        Corpus.student(subs, "python-kernel", released, nb -> {
            JsonObject spec = new JsonObject();
            spec.addProperty("name", "python3");
            spec.addProperty("display_name", "Python 3");
            spec.addProperty("language", "python");
            nb.getAsJsonObject("metadata").add("kernelspec", spec);
        });

        out = dir.resolve("grades");
        Run r = netlab("grade", subs.toString(), "--source", teacher.toString(), "--out", out.toString(),
                "--jobs", "2", "--timeout", "4");
        assertEquals(0, r.status, r.err + r.out);
        Map<String, String[]> csv = new HashMap<>();
        List<String> lines = CsvFiles.lines(out.resolve("grades.csv"));
        assertEquals("student,ip.class-of,ip.same-subnet,total", lines.getFirst());
        lines.stream().skip(1).forEach(l -> csv.put(l.split(",")[0], l.split(",")));
        assertEquals(23, csv.size(), "every submission is in the class CSV:\n" + String.join("\n", lines));

        expect(csv, "correct", "4", "6");
        expect(csv, "teacher-solution", "4", "6");
        expect(csv, "blank", "0", "0");
        expect(csv, "partly-right", "3.43", "5");            // 6/7 of 4 points; 5/6 of 6 points
        expect(csv, "infinite-loop", "0", "6");
        expect(csv, "runaway-cell", "0", "6");
        expect(csv, "compiler-bomb", "0", "6");
        expect(csv, "system-exit", "0", "6");
        expect(csv, "zh-helpers-exit", "0", "6");
        expect(csv, "fake-output", "0", "0");
        expect(csv, "redefined-check", "0", "0");
        expect(csv, "shadows-netlab", "0", "0");
        expect(csv, "deleted-checks", "4", "6");
        expect(csv, "edited-check", "0", "0");
        expect(csv, "duplicated-answer", "4", "6");
        expect(csv, "markdown-answer", "4", "6");
        expect(csv, "flood-100mb", "0", "6");
        expect(csv, "reads-files", "0", "6");
        expect(csv, "leaks-inputs", "4", "6");
        expect(csv, "leaks-via-public", "4", "0");
        expect(csv, "malformed-json", "0", "0");
        expect(csv, "empty-notebook", "0", "0");
        expect(csv, "python-kernel", "0", "0");

        assertEquals("timed out", exercise(out, "runaway-cell", 0).get("status").getAsString());
        // javac, kept busy by the answer, was stopped by the step's time limit: the batch went on
        assertEquals("timed out", exercise(out, "compiler-bomb", 0).get("status").getAsString());
        assertEquals("crashed", exercise(out, "system-exit", 0).get("status").getAsString());
        assertEquals("output limit", exercise(out, "flood-100mb", 0).get("status").getAsString());
        // each case times out, or (on a machine too loaded for 7 cases of 1 s within the check's 11 s) the check does
        String loop = exercise(out, "infinite-loop", 0).toString();
        assertTrue(loop.contains("TIMED_OUT") || loop.contains("\"status\":\"timed out\""), loop);
        assertTrue(notebook(out, "python-kernel").get("reason").getAsString().contains("python"));
        assertEquals("rejected", notebook(out, "malformed-json").get("status").getAsString());
        assertEquals("rejected", notebook(out, "empty-notebook").get("status").getAsString());
        assertTrue(warnings(out, "shadows-netlab").contains("declares netlab"), warnings(out, "shadows-netlab"));
        assertTrue(warnings(out, "deleted-checks").contains("ip-class-of-check is missing"));
        // the teacher's own notebook handed in: said so, to the student and the teacher, not "cells not of the lesson"
        String teachers = warnings(out, "teacher-solution");
        assertTrue(teachers.contains("teacher's version") && !teachers.contains("not cells of the lesson"), teachers);
        assertTrue((r.out + r.err).contains("teacher-solution/" + Corpus.LESSON + ": is the teacher's version"), r.out);
        assertTrue(warnings(out, "edited-check").contains("was edited"));
        assertTrue(warnings(out, "duplicated-answer").contains("2 cells carry answer ip-class-of-answer"));
        assertTrue(warnings(out, "markdown-answer").contains("markdown cell"));
        // a zh student reads Chinese: one warning naming both of their own cells, the crash in Chinese words
        String zh = warnings(out, "zh-helpers-exit");
        assertTrue(zh.matches(".*单元格 \\d+, \\d+ 不属于本课.*") && zh.split("不属于本课", -1).length == 2, zh);
        assertEquals("crashed", exercise(out, "zh-helpers-exit", 0).get("status").getAsString());
        assertTrue(exercise(out, "zh-helpers-exit", 0).get("reason").getAsString().contains("结束了 Java 进程"),
                exercise(out, "zh-helpers-exit", 0).toString());
        String zhHtml = Files.readString(out.resolve("zh-helpers-exit.html"));
        assertTrue(zhHtml.contains("崩溃") && !zhHtml.contains("crashed") && !zhHtml.contains("cell of the lesson"), zhHtml);
        // the crash left the exercise recorded case by case as "not run", and the other exercise graded
        assertTrue(exercise(out, "system-exit", 0).toString().contains("NOT_RUN"));

        String html = Files.readString(out.resolve("partly-right.html"));
        assertTrue(html.contains("hidden case 3") && !html.contains("240.0.0.1") && !html.contains("expected"),
                "hidden cases by number only, no input, no expected value: " + html);
        assertFalse(Files.readString(out.resolve("blank.json")).contains("128.0.0.0"), "not even for a blank notebook");
        assertFalse(Files.readString(out.resolve("partly-right.json")).contains("\"expected\""),
                "feedback carries names and messages, not expected values");
        assertFalse(html.contains("IpHiddenCases"));
        assertTrue(r.out.lines().filter(l -> l.matches("\\[\\d+/23] .*")).count() == 23, r.out);
        String leaked = Files.readString(out.resolve("leaks-inputs.json")) + Files.readString(out.resolve("leaks-inputs.html"));
        assertTrue(warnings(out, "leaks-inputs").contains("ran after hidden checks"), warnings(out, "leaks-inputs"));
        assertFalse(leaked.contains("240.0.0.1") || leaked.contains("inputs:"), "a hidden input in the feedback: " + leaked);
        String viaPublic = Files.readString(out.resolve("leaks-via-public.json"))
                + Files.readString(out.resolve("leaks-via-public.html"));
        assertFalse(viaPublic.contains("240.0.0.1") || viaPublic.contains("inputs:"),
                "a hidden input in a later public case's feedback: " + viaPublic);
        assertTrue(viaPublic.contains("threw an exception (once hidden checks have run"), viaPublic);
    }

    @Test
    void gradingTheReleasedBlankGivesZeroAndTheSolutionFullMarks() throws Exception {
        Corpus.write(subs, "blank", released);
        Corpus.write(subs, "solution", Corpus.teacher());
        Path out = dir.resolve("grades");
        Run r = netlab("grade", subs.toString(), "--source", dir.resolve("release").resolve(Corpus.LESSON).toString(),
                "--out", out.toString(), "--jobs", "1");
        assertEquals(0, r.status, r.err + r.out);
        assertEquals(List.of("student,ip.class-of,ip.same-subnet,total", "blank,0,0,0", "solution,4,6,10"),
                CsvFiles.lines(out.resolve("grades.csv")));
        assertEquals("graded", notebook(out, "blank").get("status").getAsString());
    }

    @Test
    void aJarWithoutHiddenCasesIsRefusedBeforeAnythingIsGraded() throws Exception {
        Corpus.write(subs, "solution", Corpus.teacher());
        Path notAJar = Files.writeString(dir.resolve("notes.txt"), "not a jar\n");
        Path out = dir.resolve("grades");
        Run r = netlab("grade", subs.toString(), "--source", teacher.toString(), "--out", out.toString(),
                "--grader-jar", notAJar.toString());
        assertEquals(2, r.status, r.err + r.out);
        assertTrue(r.err.contains(notAJar + " is not a grader jar for " + Corpus.LESSON), r.err);
        assertFalse(Files.exists(out), "nothing graded, nothing written");
    }

    @Test
    void aHeapTheAgentWouldRefuseIsAUsageError() {
        Path out = dir.resolve("grades");
        Run r = netlab("grade", dir.toString(), "--source", teacher.toString(), "--out", out.toString(),
                "--heap", "lots");
        assertEquals(2, r.status, r.err + r.out);
        assertTrue(r.err.contains("--heap takes a memory size"), r.err);
        assertFalse(Files.exists(out));
    }

    @Test
    void aBatchWhereNoAgentStartsFailsRatherThanPassingOffZerosAsGrades() throws Exception {
        Corpus.write(subs, "solution", Corpus.teacher());
        Corpus.write(subs, "blank", released);
        Path out = dir.resolve("grades");
        // a size of the right form that no JVM starts with: what a broken setup does to every agent
        Run r = netlab("grade", subs.toString(), "--source", teacher.toString(), "--out", out.toString(),
                "--jobs", "1", "--heap", "1k");
        assertEquals(1, r.status, r.err + r.out);
        assertEquals(1, r.err.split("no grading agent started", -1).length - 1, r.err);
        assertFalse(r.out.contains("graded 2 submissions"), r.out);
        // the agent's command and output once, not once per student
        String said = r.out + r.err;
        assertEquals(1, said.split("Command: ", -1).length - 1, said);
        assertTrue(said.contains("no grading agent started, as for "), said);
    }

    @Test
    void aSourceThatIsNoNotebookIsRefusedBeforeOutIsMade() throws Exception {
        Path out = dir.resolve("grades");
        Path text = Files.writeString(dir.resolve("lesson.ipynb"), "hello");
        for (String source : List.of(dir.resolve("missing.ipynb").toString(), dir.toString(), text.toString())) {
            Run r = netlab("grade", dir.toString(), "--source", source, "--out", out.toString());
            assertEquals(2, r.status, r.err + r.out);
            assertTrue(r.err.contains(source), r.err);
            assertFalse(r.out.contains("agents run"), "no sandbox set up: " + r.out);
            assertFalse(Files.exists(out), "no empty --out left behind");
        }
    }

    @Test
    void aSecondRunIntoTheResultsOfACompleteOneIsRefusedUnlessReplaced() throws Exception {
        Corpus.write(subs, "first", Corpus.teacher());
        Path out = dir.resolve("grades");
        Run r = netlab("grade", subs.toString(), "--source", teacher.toString(), "--out", out.toString(), "--jobs", "1");
        assertEquals(0, r.status, r.err + r.out);
        assertTrue(r.out.contains("graded 1 submission in ") && r.out.contains(" with 1 job;"), r.out);
        Files.writeString(out.resolve("notes.md"), "the teacher's own file");
        Path later = dir.resolve("later");
        Corpus.write(later, "second", released);
        r = netlab("grade", later.toString(), "--source", teacher.toString(), "--out", out.toString(), "--jobs", "1");
        assertEquals(2, r.status, r.err + r.out);
        assertTrue(r.err.contains("--replace"), r.err);
        assertEquals(List.of("student,ip.class-of,ip.same-subnet,total", "first,4,6,10"),
                CsvFiles.lines(out.resolve("grades.csv")), "the first run's results untouched");
        r = netlab("grade", later.toString(), "--source", teacher.toString(), "--out", out.toString(), "--jobs", "1",
                "--replace");
        assertEquals(0, r.status, r.err + r.out);
        assertEquals(List.of("student,ip.class-of,ip.same-subnet,total", "second,0,0,0"),
                CsvFiles.lines(out.resolve("grades.csv")));
        assertFalse(Files.exists(out.resolve("first.json")) || Files.exists(out.resolve("first.html")),
                "no student of the earlier run left beside the new grades.csv");
        assertTrue(Files.exists(out.resolve("notes.md")), "only results are removed");
    }

    private Path out;

    private void expect(Map<String, String[]> csv, String student, String classOf, String sameSubnet) throws Exception {
        String[] row = csv.get(student);
        assertEquals(classOf + "," + sameSubnet, row[1] + "," + row[2], student + ": "
                + Files.readString(out.resolve(student + ".json")));
    }

    private static JsonObject notebook(Path out, String student) throws Exception {
        return JsonParser.parseString(Files.readString(out.resolve(student + ".json"))).getAsJsonObject()
                .getAsJsonArray("notebooks").get(0).getAsJsonObject();
    }

    private static JsonObject exercise(Path out, String student, int index) throws Exception {
        return notebook(out, student).getAsJsonArray("exercises").get(index).getAsJsonObject();
    }

    private static String warnings(Path out, String student) throws Exception {
        return notebook(out, student).getAsJsonArray("warnings").toString();
    }

    record Run(int status, String out, String err) {
    }

    static Run netlab(String... args) {
        return netlab(System.getenv(), args);
    }

    static Run netlab(java.util.Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = new Main(env).run(List.of(args), new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
