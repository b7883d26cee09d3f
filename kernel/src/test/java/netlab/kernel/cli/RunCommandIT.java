package netlab.kernel.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import netlab.kernel.grading.Corpus;
import netlab.kernel.notebook.Cell;
import netlab.kernel.notebook.Notebook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code netlab run} and {@code netlab validate} on the sample lesson, its release and edited copies. */
class RunCommandIT {

    @TempDir
    Path dir;

    @Test
    void runsTheSolutionWithAllChecksPassingAndWritesAValidNotebook() throws Exception {
        Path teacher = dir.resolve(Corpus.LESSON);
        Files.writeString(teacher, Corpus.teacher());
        Path executed = dir.resolve("executed.ipynb");
        GradeCommandIT.Run r = GradeCommandIT.netlab("run", teacher.toString(), "--out", executed.toString());
        assertEquals(0, r.status(), r.out() + r.err());
        assertTrue(r.out().contains("public checks 4/4 passed · 3 hidden checks run when graded"), r.out());
        assertTrue(r.out().contains("[2/6] cell 3 ok"), r.out());
        assertTrue(r.out().contains("10.0.0.1 is class A"), r.out());
        assertFalse(r.out().contains("NETLAB-CHECK"), "marker lines are for the runner only");

        Notebook nb = Notebook.read(executed);
        List<Cell> code = nb.cells().stream().filter(Cell::isCode).toList();
        for (int i = 0; i < code.size(); i++) {
            assertEquals(i + 1, code.get(i).executionCount().orElseThrow());
        }
        assertEquals("execute_result", code.get(0).outputs().get(0).getAsJsonObject().get("output_type").getAsString());
        assertEquals("display_data", code.get(2).outputs().get(0).getAsJsonObject().get("output_type").getAsString());
        assertFalse(nb.toJson().contains("NETLAB-CHECK"));
        Process p = new ProcessBuilder("/usr/bin/python3", "-c",
                "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], 4))", executed.toString())
                .redirectErrorStream(true).start();
        String py = new String(p.getInputStream().readAllBytes());
        assertTrue(p.waitFor(60, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue(), py);
    }

    @Test
    void theReleasedNotebookFailsAndValidateSaysWhatToFix() throws Exception {
        Path teacher = dir.resolve("t").resolve(Corpus.LESSON);
        Files.createDirectories(teacher.getParent());
        Files.writeString(teacher, Corpus.teacher());
        assertEquals(0, GradeCommandIT.netlab("release", teacher.toString(), "--out", dir.toString()).status());
        Path released = dir.resolve(Corpus.LESSON);

        GradeCommandIT.Run run = GradeCommandIT.netlab("run", released.toString());
        assertEquals(RunCommand.CHECKS_NOT_PASSED, run.status(), run.out());
        assertTrue(run.out().contains("not answered"), run.out());

        Path edited = dir.resolve("edited").resolve(Corpus.LESSON);
        Corpus.student(dir, "edited", Files.readString(released), nb -> {
            Corpus.source(nb, "ip-same-subnet-answer", Corpus.SAME_SUBNET_RIGHT + "\nint netlab = 1;");
            Corpus.source(nb, "ip-class-of-check", "System.out.println(\"all passed\");");
            Corpus.delete(nb, "ip-same-subnet-check");
        });
        GradeCommandIT.Run v = GradeCommandIT.netlab("validate", edited.toString());
        assertEquals(1, v.status(), v.out());
        assertTrue(v.out().contains("is locked but was edited"), v.out());
        assertTrue(v.out().contains("ip-same-subnet-check of answer ip-same-subnet-answer is missing"), v.out());
        assertTrue(v.out().contains("declare netlab"), v.out());
        assertTrue(v.out().contains("fix the above before submitting"), v.out());

        GradeCommandIT.Run blank = GradeCommandIT.netlab("validate", released.toString());
        assertTrue(blank.out().contains("ip.class-of is not answered yet"), blank.out());

        // what grade would mark down, validate says in grade's words: a helper in a cell the student added ...
        Path helper = Corpus.student(dir, "helper", Files.readString(released), nb -> {
            Corpus.source(nb, "ip-class-of-answer", "String classOf(String ip) { return firstClass(ip); }");
            com.google.gson.JsonObject added = Corpus.cell(nb, "ip-class-of-answer").deepCopy();
            added.add("metadata", new com.google.gson.JsonObject());
            added.addProperty("id", "added");
            added.addProperty("source", Corpus.CLASS_OF_RIGHT.replace("String classOf(", "String firstClass("));
            nb.getAsJsonArray("cells").add(added);
        });
        GradeCommandIT.Run h = GradeCommandIT.netlab("validate", helper.toString());
        assertEquals(1, h.status(), h.out());
        assertTrue(h.out().contains("is not a cell of the lesson (it has no grading metadata), so the grader does not "
                + "run it"), h.out());
        // ... and answers pasted into a fresh notebook, without the cells' metadata
        Path fresh = Corpus.student(dir, "fresh", Files.readString(released), nb -> {
            for (var c : nb.getAsJsonArray("cells")) {
                c.getAsJsonObject().add("metadata", new com.google.gson.JsonObject());
            }
        });
        GradeCommandIT.Run f = GradeCommandIT.netlab("validate", fresh.toString());
        assertEquals(1, f.status(), f.out());
        assertTrue(f.out().contains("no answer cell ip-class-of-answer was found; that exercise had no answer to grade"),
                f.out());
    }

    @Test
    void aCellThatRunsPastItsTimeoutIsStoppedAndTheRunGoesOn() throws Exception {
        Path nb = dir.resolve("loop.ipynb");
        Files.writeString(nb, """
                {"cells": [
                  {"cell_type": "code", "execution_count": null, "id": "a", "metadata": {}, "outputs": [],
                   "source": "while (true) { }"},
                  {"cell_type": "code", "execution_count": null, "id": "b", "metadata": {}, "outputs": [],
                   "source": "System.out.println(\\"after\\");"}],
                 "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
                """);
        Path out = dir.resolve("out.ipynb");
        GradeCommandIT.Run r = GradeCommandIT.netlab("run", nb.toString(), "--timeout", "1", "--out", out.toString());
        assertEquals(RunCommand.CELLS_FAILED, r.status(), "a broken notebook, not just an unfinished one");
        assertTrue(r.out().contains("[1/2] cell 0 timed out"), r.out());
        assertTrue(r.out().contains("after") && r.out().contains("[2/2] cell 1 ok"), r.out());
        String json = Files.readString(out);
        assertTrue(json.contains("CellTimeoutError"), json);
    }
}
